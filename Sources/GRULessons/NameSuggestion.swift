/// "Did you mean …?" for lesson fields, commands, options and section names.

/// The known name closest to `key` by edit distance (ignoring case), if it is close enough to be
/// a likely typo: at most 1 edit for names of up to 5 letters, 2 up to 8, else 3.
public func nearestName(to key: String, among known: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for name in known {
        let allowed = name.count <= 5 ? 1 : name.count <= 8 ? 2 : 3
        // The distance is at least the difference in length; skip the work for a far-off key.
        guard abs(key.count - name.count) <= allowed else { continue }
        let d = editDistance(Array(key.lowercased()), Array(name.lowercased()))
        if d <= allowed, d < (best?.distance ?? .max) { best = (name, d) }
    }
    return best?.name
}

/// Edit distance with adjacent transpositions (optimal string alignment): the fewest insertions,
/// deletions, substitutions and swaps of two neighbours that turn a into b ("rnu" → "run" is 1).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
