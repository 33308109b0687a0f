import GRUCore
import GRULessons

/// The two languages every label, heading and explanation exists in.
public enum Language: String, CaseIterable, Sendable {
    case zh, en

    /// The language a locale string asks for: a value starting with `zh` gives zh, anything else en.
    public static func fromLocale(_ value: String) -> Language {
        value.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The language's name in itself, on a language switch: 中文, English.
    public var ownName: String {
        switch self {
        case .zh: return "中文"
        case .en: return "English"
        }
    }
}

extension LocalizedText {
    /// The author's text in `language`, else in the other one (a lesson may be written in one).
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }
}

/// How a trace is shown. Every option changes the display only, never the computation.
public struct RenderOptions: Equatable, Sendable {
    public var language: Language
    /// Decimal places shown for every number (default 4). Rounding happens only here.
    public var digits: Int
    /// The sections to show, in lesson order; nil means all.
    public var sections: Set<LessonSection>?
    /// Show the forward and BPTT detail of this one timestep (1-based) only.
    public var timestep: Int?
    /// Show the detail of this one sequence (1-based) only: its forward pass, its loss terms and
    /// its BPTT. The totals (the loss, the gradient sums, the update, training) still cover all.
    public var sequence: Int?
    /// The accumulation as its sums only (`run --totals`): Σ = ∂L/∂θ for every entry, with the
    /// per-timestep shares of `sequence` alone when one is chosen, so that a lesson of many
    /// sequences keeps the section short.
    public var totals: Bool = false
    /// Emit ANSI colour escapes (already resolved from --color, NO_COLOR and whether stdout is a terminal).
    public var color: Bool
    /// Replace Unicode symbols (σ, ⊙, h̃, ₁, ᵀ, box drawing) with ASCII.
    public var ascii: Bool

    public init(language: Language = .en, digits: Int = 4, sections: Set<LessonSection>? = nil,
                timestep: Int? = nil, sequence: Int? = nil, totals: Bool = false, color: Bool = false, ascii: Bool = false) {
        self.totals = totals
        self.language = language
        self.digits = digits
        self.sections = sections
        self.timestep = timestep
        self.sequence = sequence
        self.color = color
        self.ascii = ascii
    }

    public func shows(_ section: LessonSection) -> Bool {
        sections?.contains(section) ?? true
    }
}
