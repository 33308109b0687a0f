/// A dense matrix of Doubles, stored row by row in one flat array.
///
/// `values[i * cols + j]` is the entry in row `i`, column `j` (0-based). A vector is a plain
/// `[Double]`; a bias vector stays a `[Double]` rather than an n×1 matrix so that its shape reads
/// the way the math does.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    public var values: [Double]

    public init(rows: Int, cols: Int, values: [Double]) {
        precondition(rows >= 0 && cols >= 0 && values.count == rows * cols, "Matrix: \(values.count) values for \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    public init(zeros rows: Int, _ cols: Int) {
        self.init(rows: rows, cols: cols, values: Array(repeating: 0, count: rows * cols))
    }

    /// Builds a matrix from an array of rows. All rows must have the same length.
    public init(_ rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == cols }, "Matrix: ragged rows")
        self.init(rows: rowArrays.count, cols: cols, values: rowArrays.flatMap { $0 })
    }

    public subscript(i: Int, j: Int) -> Double {
        get { values[i * cols + j] }
        set { values[i * cols + j] = newValue }
    }

    /// The rows as arrays, for display and JSON.
    public var rowArrays: [[Double]] {
        (0..<rows).map { i in Array(values[(i * cols)..<((i + 1) * cols)]) }
    }

    /// `M·v`: (rows, cols)·(cols) → (rows).
    public func times(_ v: [Double]) -> [Double] {
        precondition(v.count == cols)
        if rows == 0 || cols == 0 { return [Double](repeating: 0, count: rows) }
        return [Double](unsafeUninitializedCapacity: rows) { out, count in
            values.withUnsafeBufferPointer { m in
                v.withUnsafeBufferPointer { v in
                    Kernels.gemv(out.baseAddress!, m.baseAddress!, rows: rows, cols: cols, v.baseAddress!)
                }
            }
            count = rows
        }
    }

    /// `Mᵀ·v`: (cols, rows)·(rows) → (cols).
    public func transposeTimes(_ v: [Double]) -> [Double] {
        precondition(v.count == rows)
        if rows == 0 || cols == 0 { return [Double](repeating: 0, count: cols) }
        return [Double](unsafeUninitializedCapacity: cols) { out, count in
            values.withUnsafeBufferPointer { m in
                v.withUnsafeBufferPointer { v in
                    Kernels.gemvT(out.baseAddress!, m.baseAddress!, rows: rows, cols: cols, v.baseAddress!)
                }
            }
            count = cols
        }
    }

    /// `M += u·vᵀ`: the outer product that every weight gradient is made of.
    public mutating func addOuter(_ u: [Double], _ v: [Double]) {
        precondition(u.count == rows && v.count == cols)
        if rows == 0 || cols == 0 { return }
        let (rows, cols) = (self.rows, self.cols)
        values.withUnsafeMutableBufferPointer { m in
            u.withUnsafeBufferPointer { u in
                v.withUnsafeBufferPointer { v in
                    Kernels.addOuter(m.baseAddress!, rows: rows, cols: cols, u.baseAddress!, v.baseAddress!)
                }
            }
        }
    }
}

// Element-wise helpers for vectors. Names follow the math: ⊙ is `hadamard`.
@inlinable func hadamard(_ a: [Double], _ b: [Double]) -> [Double] {
    zip(a, b).map { $0 * $1 }
}

@inlinable func plus(_ a: [Double], _ b: [Double]) -> [Double] {
    zip(a, b).map { $0 + $1 }
}

@inlinable func minus(_ a: [Double], _ b: [Double]) -> [Double] {
    zip(a, b).map { $0 - $1 }
}

@inlinable func addInPlace(_ a: inout [Double], _ b: [Double]) {
    for i in a.indices { a[i] += b[i] }
}

/// The logistic function σ(a) = 1 / (1 + e^(−a)), written so that neither branch overflows:
/// σ(−1000) is 0 and σ(1000) is 1, never NaN.
@inlinable public func sigmoid(_ a: Double) -> Double {
    if a >= 0 {
        return 1 / (1 + exp(-a))
    } else {
        let e = exp(a)
        return e / (1 + e)
    }
}

