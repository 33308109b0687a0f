/// The one measure of a typo, for "did you mean …?" everywhere: lesson fields, commands, options,
/// section names, lesson names and the keys of an answer sheet.

/// Edit distance with adjacent transpositions (optimal string alignment): the fewest insertions,
/// deletions, substitutions and swaps of two neighbours that turn a into b ("rnu" → "run" is 1).
public func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var before = [Int](repeating: 0, count: b.count + 1)   // row i−2
    var previous = Array(0...b.count)                      // row i−1
    for (i, ca) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, cb) in b.enumerated() {
            current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            if i > 0, j > 0, ca == b[j - 1], a[i - 1] == cb {
                current[j + 1] = Swift.min(current[j + 1], before[j - 1] + 1)
            }
        }
        before = previous
        previous = current
    }
    return previous[b.count]
}
