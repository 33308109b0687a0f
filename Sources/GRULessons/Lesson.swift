import GRUCore
import GRUJSON

/// A text in the two languages of gru-explain.
public struct LocalizedText: Equatable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

/// The sections of a lesson, in the order the walkthrough shows them. The raw value is the name
/// used in lesson files (`notes`) and on the command line (`--only`).
public enum LessonSection: String, CaseIterable, Sendable {
    case model, forward, loss, bptt, accumulation, update, training, apply
}

/// A lesson: a `Problem` for the engine plus the words around it.
public struct Lesson: Equatable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// Narrative notes per section, written by the lesson's author in both languages.
    public var notes: [LessonSection: LocalizedText]
    public var problem: Problem
    /// Where the lesson came from: "bundled" or the path of the user's file.
    public var source: String
    /// The seeded draw that made `problem.parameters`, when the file gives `init` instead of
    /// `parameters`.
    public var initialisation: SeededInitialisation?
    /// Every input (of `sequences` and of `apply`) was multiplied by this before it entered the
    /// model: `problem`'s inputs are already scaled. 1 when the file has no `input_scale`.
    public var inputScale: Double
    /// Which variant of the lesson this is (`Lesson.variant(_:)`): 0 for the lesson itself.
    public var variantNumber: Int = 0

    public init(id: String, title: LocalizedText, description: LocalizedText,
                notes: [LessonSection: LocalizedText] = [:], problem: Problem, source: String,
                initialisation: SeededInitialisation? = nil, inputScale: Double = 1) {
        self.id = id
        self.title = title
        self.description = description
        self.notes = notes
        self.problem = problem
        self.source = source
        self.initialisation = initialisation
        self.inputScale = inputScale
    }
}

/// A lesson file that cannot be used, with a message that names the file, the field as a JSON
/// path, what was expected and what was found:
/// `my.json: parameters.Uz: expected a 2×2 matrix (hidden×hidden), found 2×3`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// A JSON path such as `parameters.Uz[1]`, or "" for the document itself.
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// The one line printed on stderr. A control character (a line break in a file name, say)
    /// is shown as a `\u` escape, so that the message is always exactly one line.
    public var description: String {
        JSONWriter.oneLine(path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)")
    }
}
