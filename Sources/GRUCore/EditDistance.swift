/// The one measure of a typo, for "did you mean …?" everywhere: lesson fields, commands, options,
/// section names, lesson names and the keys of an answer sheet.

/// Edit distance with adjacent transpositions (optimal string alignment): the fewest insertions,
/// deletions, substitutions and swaps of two neighbours that turn a into b ("rnu" → "run" is 1).
public func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    let n = b.count
    guard !a.isEmpty else { return n }
    // Three rows in one buffer, reused: row i−2 (`before`), row i−1 (`previous`) and the row
    // being filled (`current`), each n + 1 long; one allocation per call, not one per row.
    var rows = [Int](repeating: 0, count: 3 * (n + 1))
    return a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            rows.withUnsafeMutableBufferPointer { rows in
                var before = 0, previous = n + 1, current = 2 * (n + 1)
                for j in 0...n { rows[previous + j] = j }
                for i in 0..<a.count {
                    let ca = a[i]
                    rows[current] = i + 1
                    var j = 0
                    while j < n {
                        let cb = b[j]
                        var d = Swift.min(rows[previous + j + 1] + 1, rows[current + j] + 1, rows[previous + j] + (ca == cb ? 0 : 1))
                        if i > 0, j > 0, ca == b[j - 1], a[i - 1] == cb { d = Swift.min(d, rows[before + j - 1] + 1) }
                        rows[current + j + 1] = d
                        j += 1
                    }
                    (before, previous, current) = (previous, current, before)
                }
                return rows[previous + n]
            }
        }
    }
}
