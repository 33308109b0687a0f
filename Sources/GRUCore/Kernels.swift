/// The few loops every matrix product here is made of, written once over raw pointers.
///
/// Both the readable cell (`GRUCell`, through `Matrix`) and the trace-free trainer
/// (`TrainingKernel`) call these, in the same order, so the two compute bit-identical numbers.
/// The dot product keeps two 4-wide accumulators; its summation order is fixed, so results are
/// deterministic on every run.
public enum Kernels {
    /// Σ_k a[k]·b[k]
    @inlinable
    public static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var acc0 = SIMD4<Double>(repeating: 0)
        var acc1 = SIMD4<Double>(repeating: 0)
        var k = 0
        while k + 8 <= n {
            acc0 += load4(a + k) * load4(b + k)
            acc1 += load4(a + k + 4) * load4(b + k + 4)
            k += 8
        }
        if k + 4 <= n {
            acc0 += load4(a + k) * load4(b + k)
            k += 4
        }
        var s = (acc0 + acc1).sum()
        while k < n {
            s += a[k] * b[k]
            k += 1
        }
        return s
    }

    /// y[k] += alpha·x[k]
    @inlinable
    public static func axpy(_ y: UnsafeMutablePointer<Double>, _ alpha: Double, _ x: UnsafePointer<Double>, _ n: Int) {
        let a = SIMD4<Double>(repeating: alpha)
        var k = 0
        while k + 4 <= n {
            store4(y + k, load4(UnsafePointer(y + k)) + a * load4(x + k))
            k += 4
        }
        while k < n {
            y[k] += alpha * x[k]
            k += 1
        }
    }

    /// out[i] = Σ_j M[i, j]·v[j] for a row-major (rows, cols) matrix.
    @inlinable
    public static func gemv(_ out: UnsafeMutablePointer<Double>, _ m: UnsafePointer<Double>, rows: Int, cols: Int,
                            _ v: UnsafePointer<Double>) {
        for i in 0..<rows { out[i] = dot(m + i * cols, v, cols) }
    }

    /// out[j] = Σ_i M[i, j]·v[i]: Mᵀ·v, accumulated row by row from zero.
    @inlinable
    public static func gemvT(_ out: UnsafeMutablePointer<Double>, _ m: UnsafePointer<Double>, rows: Int, cols: Int,
                             _ v: UnsafePointer<Double>) {
        out.update(repeating: 0, count: cols)
        for i in 0..<rows { axpy(out, v[i], m + i * cols, cols) }
    }

    /// M[i, j] += u[i]·v[j]: the outer product every weight gradient is made of.
    @inlinable
    public static func addOuter(_ m: UnsafeMutablePointer<Double>, rows: Int, cols: Int,
                                _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        for i in 0..<rows { axpy(m + i * cols, u[i], v, cols) }
    }

    @inlinable static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inlinable static func store4(_ p: UnsafeMutablePointer<Double>, _ v: SIMD4<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }
}
