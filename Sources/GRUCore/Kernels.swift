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

    /// out[i] = Σ_j M[i, j]·v[j] for a row-major (rows, cols) matrix. Each row's sum is `dot`'s,
    /// bit for bit; two rows at a time share the loads of v.
    ///
    /// Built for AVX2 (see Package.swift), four rows at a time: sixteen registers of four doubles
    /// hold eight accumulators; with SSE's sixteen registers of two, four rows would spill.
    @inlinable
    public static func gemv(_ out: UnsafeMutablePointer<Double>, _ m: UnsafePointer<Double>, rows: Int, cols: Int,
                            _ v: UnsafePointer<Double>) {
        var i = 0
        #if GRU_EXPLAIN_AVX2
        while i &+ 4 <= rows {
            let a = m + i &* cols, b = a + cols, c = b + cols, d = c + cols
            var a0 = SIMD4<Double>(repeating: 0), a1 = SIMD4<Double>(repeating: 0)
            var b0 = SIMD4<Double>(repeating: 0), b1 = SIMD4<Double>(repeating: 0)
            var c0 = SIMD4<Double>(repeating: 0), c1 = SIMD4<Double>(repeating: 0)
            var d0 = SIMD4<Double>(repeating: 0), d1 = SIMD4<Double>(repeating: 0)
            var k = 0
            while k &+ 8 <= cols {
                let v0 = load4(v + k), v1 = load4(v + k + 4)
                a0 += load4(a + k) * v0
                a1 += load4(a + k + 4) * v1
                b0 += load4(b + k) * v0
                b1 += load4(b + k + 4) * v1
                c0 += load4(c + k) * v0
                c1 += load4(c + k + 4) * v1
                d0 += load4(d + k) * v0
                d1 += load4(d + k + 4) * v1
                k &+= 8
            }
            if k &+ 4 <= cols {
                let v0 = load4(v + k)
                a0 += load4(a + k) * v0
                b0 += load4(b + k) * v0
                c0 += load4(c + k) * v0
                d0 += load4(d + k) * v0
                k &+= 4
            }
            var sa = (a0 + a1).sum(), sb = (b0 + b1).sum(), sc = (c0 + c1).sum(), sd = (d0 + d1).sum()
            while k < cols {
                sa += a[k] * v[k]
                sb += b[k] * v[k]
                sc += c[k] * v[k]
                sd += d[k] * v[k]
                k &+= 1
            }
            out[i] = sa
            out[i + 1] = sb
            out[i + 2] = sc
            out[i + 3] = sd
            i &+= 4
        }
        #endif
        while i + 2 <= rows {
            let a = m + i * cols, b = a + cols
            var a0 = SIMD4<Double>(repeating: 0), a1 = SIMD4<Double>(repeating: 0)
            var b0 = SIMD4<Double>(repeating: 0), b1 = SIMD4<Double>(repeating: 0)
            var k = 0
            while k + 8 <= cols {
                let v0 = load4(v + k), v1 = load4(v + k + 4)
                a0 += load4(a + k) * v0
                a1 += load4(a + k + 4) * v1
                b0 += load4(b + k) * v0
                b1 += load4(b + k + 4) * v1
                k += 8
            }
            if k + 4 <= cols {
                let v0 = load4(v + k)
                a0 += load4(a + k) * v0
                b0 += load4(b + k) * v0
                k += 4
            }
            var sa = (a0 + a1).sum(), sb = (b0 + b1).sum()
            while k < cols {
                sa += a[k] * v[k]
                sb += b[k] * v[k]
                k += 1
            }
            out[i] = sa
            out[i + 1] = sb
            i += 2
        }
        if i < rows { out[i] = dot(m + i * cols, v, cols) }
    }

    /// out[j] = Σ_i M[i, j]·v[i]: Mᵀ·v, accumulated row by row from zero. Four rows × eight columns
    /// at a time keep out in registers; the additions happen in the same order as one `axpy` per row.
    @inlinable
    public static func gemvT(_ out: UnsafeMutablePointer<Double>, _ m: UnsafePointer<Double>, rows: Int, cols: Int,
                             _ v: UnsafePointer<Double>) {
        out.update(repeating: 0, count: cols)
        var i = 0
        while i + 4 <= rows {
            let r0 = m + i * cols, r1 = r0 + cols, r2 = r1 + cols, r3 = r2 + cols
            let c0 = SIMD4<Double>(repeating: v[i]), c1 = SIMD4<Double>(repeating: v[i + 1])
            let c2 = SIMD4<Double>(repeating: v[i + 2]), c3 = SIMD4<Double>(repeating: v[i + 3])
            var k = 0
            while k &+ 8 <= cols {
                var y = load4(UnsafePointer(out + k)), w = load4(UnsafePointer(out + k + 4))
                y = y + c0 * load4(r0 + k)
                w = w + c0 * load4(r0 + k + 4)
                y = y + c1 * load4(r1 + k)
                w = w + c1 * load4(r1 + k + 4)
                y = y + c2 * load4(r2 + k)
                w = w + c2 * load4(r2 + k + 4)
                y = y + c3 * load4(r3 + k)
                w = w + c3 * load4(r3 + k + 4)
                store4(out + k, y)
                store4(out + k + 4, w)
                k &+= 8
            }
            if k &+ 4 <= cols {
                var y = load4(UnsafePointer(out + k))
                y = y + c0 * load4(r0 + k)
                y = y + c1 * load4(r1 + k)
                y = y + c2 * load4(r2 + k)
                y = y + c3 * load4(r3 + k)
                store4(out + k, y)
                k &+= 4
            }
            while k < cols {
                var y = out[k]
                y = y + v[i] * r0[k]
                y = y + v[i + 1] * r1[k]
                y = y + v[i + 2] * r2[k]
                y = y + v[i + 3] * r3[k]
                out[k] = y
                k += 1
            }
            i += 4
        }
        while i < rows {
            axpy(out, v[i], m + i * cols, cols)
            i += 1
        }
    }

    /// M[i, j] += u[i]·v[j]: the outer product every weight gradient is made of. Two rows at a
    /// time share the loads of v; every entry gets the same one multiply and one add.
    @inlinable
    public static func addOuter(_ m: UnsafeMutablePointer<Double>, rows: Int, cols: Int,
                                _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        var i = 0
        while i + 2 <= rows {
            let a = m + i * cols, b = a + cols
            let ca = SIMD4<Double>(repeating: u[i]), cb = SIMD4<Double>(repeating: u[i + 1])
            var k = 0
            while k + 4 <= cols {
                let x = load4(v + k)
                store4(a + k, load4(UnsafePointer(a + k)) + ca * x)
                store4(b + k, load4(UnsafePointer(b + k)) + cb * x)
                k += 4
            }
            while k < cols {
                a[k] += u[i] * v[k]
                b[k] += u[i + 1] * v[k]
                k += 1
            }
            i += 2
        }
        if i < rows { axpy(m + i * cols, u[i], v, cols) }
    }

    /// M[i, j] += Σ_t u_t[i]·v_t[j], the terms added one by one for t = count−1 down to 0: the
    /// same additions, in the same order, as one `addOuter` per BPTT step, but with the running
    /// sums kept in registers (two rows × eight columns at a time, eight independent chains)
    /// instead of stored and reloaded at every step. `u_t` starts at `u + t·uStride`, `v_t` at
    /// `v + t·vStride`.
    ///
    /// Built for AVX2, four rows × eight columns at a time (eight registers of sums).
    @inlinable
    public static func addOuters(_ m: UnsafeMutablePointer<Double>, rows: Int, cols: Int,
                                 _ u: UnsafePointer<Double>, uStride: Int,
                                 _ v: UnsafePointer<Double>, vStride: Int, count: Int) {
        var i = 0
        #if GRU_EXPLAIN_AVX2
        while i &+ 4 <= rows {
            let a = m + i &* cols, b = a + cols, c = b + cols, d = c + cols
            var k = 0
            while k &+ 8 <= cols {
                var a0 = load4(UnsafePointer(a + k)), a1 = load4(UnsafePointer(a + k + 4))
                var b0 = load4(UnsafePointer(b + k)), b1 = load4(UnsafePointer(b + k + 4))
                var c0 = load4(UnsafePointer(c + k)), c1 = load4(UnsafePointer(c + k + 4))
                var d0 = load4(UnsafePointer(d + k)), d1 = load4(UnsafePointer(d + k + 4))
                var t = count &- 1
                while t >= 0 {
                    let ut = u + (t &* uStride &+ i), vt = v + (t &* vStride &+ k)
                    let x0 = load4(vt), x1 = load4(vt + 4)
                    let ca = SIMD4<Double>(repeating: ut[0]), cb = SIMD4<Double>(repeating: ut[1])
                    a0 = a0 + ca * x0
                    a1 = a1 + ca * x1
                    b0 = b0 + cb * x0
                    b1 = b1 + cb * x1
                    let cc = SIMD4<Double>(repeating: ut[2]), cd = SIMD4<Double>(repeating: ut[3])
                    c0 = c0 + cc * x0
                    c1 = c1 + cc * x1
                    d0 = d0 + cd * x0
                    d1 = d1 + cd * x1
                    t &-= 1
                }
                store4(a + k, a0); store4(a + k + 4, a1)
                store4(b + k, b0); store4(b + k + 4, b1)
                store4(c + k, c0); store4(c + k + 4, c1)
                store4(d + k, d0); store4(d + k + 4, d1)
                k &+= 8
            }
            while k < cols {
                var sa = a[k], sb = b[k], sc = c[k], sd = d[k]
                var t = count &- 1
                while t >= 0 {
                    let ut = u + (t &* uStride &+ i), x = v[t &* vStride &+ k]
                    sa += ut[0] * x
                    sb += ut[1] * x
                    sc += ut[2] * x
                    sd += ut[3] * x
                    t &-= 1
                }
                a[k] = sa; b[k] = sb; c[k] = sc; d[k] = sd
                k &+= 1
            }
            i &+= 4
        }
        #endif
        while i + 2 <= rows {
            let a = m + i * cols, b = a + cols
            var k = 0
            while k + 8 <= cols {
                var a0 = load4(UnsafePointer(a + k)), a1 = load4(UnsafePointer(a + k + 4))
                var b0 = load4(UnsafePointer(b + k)), b1 = load4(UnsafePointer(b + k + 4))
                var t = count &- 1
                while t >= 0 {
                    let ut = u + (t &* uStride &+ i), vt = v + (t &* vStride &+ k)
                    let x0 = load4(vt), x1 = load4(vt + 4)
                    let ca = SIMD4<Double>(repeating: ut[0]), cb = SIMD4<Double>(repeating: ut[1])
                    a0 = a0 + ca * x0
                    a1 = a1 + ca * x1
                    b0 = b0 + cb * x0
                    b1 = b1 + cb * x1
                    t &-= 1
                }
                store4(a + k, a0); store4(a + k + 4, a1)
                store4(b + k, b0); store4(b + k + 4, b1)
                k += 8
            }
            while k < cols {
                var sa = a[k], sb = b[k]
                for t in stride(from: count - 1, through: 0, by: -1) {
                    sa += u[t * uStride + i] * v[t * vStride + k]
                    sb += u[t * uStride + i + 1] * v[t * vStride + k]
                }
                a[k] = sa
                b[k] = sb
                k += 1
            }
            i += 2
        }
        if i < rows {
            for t in stride(from: count - 1, through: 0, by: -1) {
                axpy(m + i * cols, u[t * uStride + i], v + t * vStride, cols)
            }
        }
    }

    @inline(__always) @inlinable static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always) @inlinable static func store4(_ p: UnsafeMutablePointer<Double>, _ v: SIMD4<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }
}
