/// A named pair of conventions: where the update gate goes and where the reset gate acts.
public struct ConventionPreset: Equatable, Sendable {
    public var name: String
    /// Other names for the same pair: `d2l` for `seed`, `keras` for `pytorch`.
    public var aliases: [String]
    public var update: UpdateRule
    public var reset: ResetPlacement

    /// The four combinations, in the order `compare` shows them.
    public static let all: [ConventionPreset] = [
        ConventionPreset(name: "seed", aliases: ["d2l"], update: .zTimesPrevious, reset: .beforeMatmul),
        ConventionPreset(name: "pytorch", aliases: ["keras"], update: .zTimesPrevious, reset: .afterMatmul),
        ConventionPreset(name: "chung", aliases: ["wikipedia"], update: .zTimesCandidate, reset: .beforeMatmul),
        ConventionPreset(name: "candidate-after", aliases: [], update: .zTimesCandidate, reset: .afterMatmul),
    ]

    /// Every name `--conventions` accepts, `all` included.
    public static var names: [String] { ["all"] + all.flatMap { [$0.name] + $0.aliases } }

    /// `all`, or a comma-separated list of names (`seed,pytorch`, `d2l,keras`); a pair named twice
    /// counts once. Returns the presets in the order given, or the name that is not known.
    public static func parse(_ list: String) -> Result<[ConventionPreset], UnknownName> {
        var chosen: [ConventionPreset] = []
        for word in list.split(separator: ",").map({ $0.lowercased().filter { $0 != " " } }) where !word.isEmpty {
            let found = word == "all" ? all : all.filter { $0.name == word || $0.aliases.contains(word) }
            guard !found.isEmpty else { return .failure(UnknownName(name: word)) }
            for preset in found where !chosen.contains(preset) { chosen.append(preset) }
        }
        return .success(chosen)
    }

    /// A name in the list that is none of `names`.
    public struct UnknownName: Error, Equatable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    /// `seed (d2l)`.
    public var label: String {
        aliases.isEmpty ? name : name + " (" + aliases.joined(separator: ", ") + ")"
    }
}
