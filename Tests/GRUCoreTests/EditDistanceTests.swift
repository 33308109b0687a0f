import Testing
import GRUCore

/// The typo measure behind every "did you mean …?" (lesson fields, commands, options, keys).
@Suite struct EditDistanceTests {
    /// Worked by hand: each counts the fewest insertions, deletions, substitutions and swaps of
    /// two neighbours.
    @Test func handWorkedExamples() {
        let cases: [(String, String, Int)] = [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("run", "run", 0),
            ("rnu", "run", 1),               // one swap
            ("kitten", "sitting", 3),        // k→s, e→i, +g
            ("t1.hh[1]", "t1.h[1]", 1),      // one deletion
            ("ca", "abc", 3),                // optimal string alignment: no edit of a swapped pair
            ("lesson1", "lessn1", 1), ("练习", "练", 1),
        ]
        for (a, b, d) in cases {
            #expect(editDistance(Array(a), Array(b)) == d, "\(a) → \(b)")
            #expect(editDistance(Array(b), Array(a)) == d, "\(b) → \(a)")
        }
    }

    /// Against the recurrence written out over the whole matrix (the textbook form), on 2,000
    /// pairs of short strings over a small alphabet, where repeats and swaps are common.
    @Test func matchesTheWholeMatrix() {
        func reference(_ a: [Character], _ b: [Character]) -> Int {
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[a.count][b.count]
        }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let alphabet = Array("ab[1].")
        for _ in 0..<2000 {
            let a = (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }
            let b = (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }
            #expect(editDistance(a, b) == reference(a, b), "\(String(a)) → \(String(b))")
        }
    }
}
