import GRUCore

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
