import GRUCore
import GRUJSON

/// A text a lesson's author wrote in Chinese, in English, or in both. A language that was not
/// written falls back to the other, so `zh` and `en` always give something to show; `isEmpty` is
/// true only for a text that was not written at all (a lesson without a description).
public struct LocalizedText: Equatable, Sendable {
    /// The Chinese text as written, nil when the author wrote none.
    public var writtenZh: String?
    /// The English text as written, nil when the author wrote none.
    public var writtenEn: String?

    public init(zh: String?, en: String?) {
        writtenZh = zh
        writtenEn = en
    }

    /// One text for every language: a plain string in the lesson file.
    public init(_ text: String) {
        self.init(zh: text, en: text)
    }

    /// No text: a lesson file without a description.
    public static let none = LocalizedText(zh: nil, en: nil)

    /// The Chinese text, or the English one when there is no Chinese.
    public var zh: String { writtenZh ?? writtenEn ?? "" }
    /// The English text, or the Chinese one when there is no English.
    public var en: String { writtenEn ?? writtenZh ?? "" }
    public var isEmpty: Bool { writtenZh == nil && writtenEn == nil }

    /// The paragraphs of `text`: parts separated by a blank line (`\n\n`); inside a paragraph a
    /// single line break is a space, as in Markdown. Every format shows these paragraphs.
    public static func paragraphs(_ text: String) -> [String] {
        text.replacing("\r\n", with: "\n").split(separator: "\n\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\n").map { $0.trimmed(" ") }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    fileprivate func trimmed(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
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
    /// Which variant of the lesson this is (`Lesson.variant(_:)`): 0 for the lesson itself. The
    /// title stays the lesson's; renderers name the variant (`Lesson.shownTitle` in GRURender).
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

/// A lesson file that cannot be used: every problem found in it, in file order, each naming the
/// field as a JSON path, what was expected and what was found:
/// `my.json: parameters.Uz: expected a 2×2 matrix (hidden×hidden), found 2×3`.
///
/// The messages are structured (`LessonMessage`), so that the command line shows them in the
/// user's language: the words are in GRURender's catalogue (`LessonError.lines(_:)`).
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem: where it is and what is wrong.
    public struct Problem: Equatable, Sendable {
        /// A JSON path such as `parameters.Uz[1]`, or "" for the document itself.
        public var path: String
        public var message: LessonMessage
        /// Where the problem is in the file, for sorting: the index of each member or element on
        /// the way to it (`Int.max` for a field that is missing, which comes after those written).
        public var order: [Int]

        public init(path: String, message: LessonMessage, order: [Int] = []) {
            self.path = path
            self.message = message
            self.order = order
        }
    }

    /// The most problems one error lists; `more` counts the rest.
    public static let maxProblems = 20

    public var file: String
    /// At least one problem, in file order, at most `maxProblems`.
    public var problems: [Problem]
    /// Problems found beyond `maxProblems`, not listed.
    public var more: Int
    /// True when the file is a valid lesson that the caller's `admit` refused (too large to run):
    /// the caller says why.
    public var refused = false

    public init(file: String, problems: [Problem], more: Int = 0) {
        self.file = file
        self.problems = problems
        self.more = more
    }

    public init(file: String, path: String, message: LessonMessage) {
        self.init(file: file, problems: [Problem(path: path, message: message)])
    }

    /// The first problem's path.
    public var path: String { problems.first?.path ?? "" }

    /// A language-neutral form for debugging (phrase keys and their arguments); the command line
    /// shows `lines(_:)` from GRURender instead.
    public var description: String {
        problems.map { p in
            JSONWriter.oneLine(p.path.isEmpty ? "\(file): \(p.message.debugText)" : "\(file): \(p.path): \(p.message.debugText)")
        }.joined(separator: "\n")
    }
}

/// A message about a lesson file, as phrases of the catalogue (`LessonPhrase`) with their
/// arguments, which may be phrases themselves. Literals are names, numbers and quoted values,
/// the same in every language.
public indirect enum LessonMessage: Equatable, Sendable, ExpressibleByStringLiteral {
    case literal(String)
    case phrase(LessonPhrase, [LessonMessage])
    /// Parts written one after the other.
    case joined([LessonMessage])
    /// What GRUJSON's parser found wrong, worded by the catalogue like the phrases.
    case jsonSyntax(JSONSyntaxError.Reason)
    /// Where a file stops being UTF-8 text ("invalid byte 0xC0"), worded by the catalogue.
    case utf8Problem(UTF8Problem)
    /// Names or values listed, each as written: `Wz、Uz` in Chinese, `Wz, Uz` in English.
    case list([String])

    public init(stringLiteral value: String) { self = .literal(value) }

    public static func + (a: LessonMessage, b: LessonMessage) -> LessonMessage { .joined([a, b]) }

    var debugText: String {
        switch self {
        case .literal(let s): return s
        case .phrase(let p, let args): return "\(p)(" + args.map(\.debugText).joined(separator: ", ") + ")"
        case .joined(let parts): return parts.map(\.debugText).joined()
        case .jsonSyntax(let reason): return "\(reason)"
        case .utf8Problem(let p): return p.description
        case .list(let items): return items.joined(separator: ", ")
        }
    }
}

/// `say(.missingField, expected)`: a phrase with its arguments.
public func say(_ phrase: LessonPhrase, _ arguments: LessonMessage...) -> LessonMessage {
    .phrase(phrase, arguments)
}

/// The phrases of lesson-file messages. Their words, in Chinese and English side by side, are in
/// GRURender's catalogue (Messages.swift, `LessonPhrase.pair`); `{0}`, `{1}` are the arguments.
public enum LessonPhrase: CaseIterable, Sendable {
    // The frame of a problem
    case expectedFound, missingField, withHint, unknownFieldDidYouMean, unknownFieldKnown, unknownFieldCaseSensitive
    case unknownFieldElsewhere, moreProblems
    // What was found
    case foundNull, foundTrue, foundFalse, foundNumber, foundEmptyString, foundString, foundEmptyArray
    case foundArrayOne, foundArrayMany, foundObject, foundNothing
    // Counts
    case numberOne, numberMany, rowOne, rowMany, valueOne, valueMany, timestepOne, timestepMany
    // The file as a whole
    case fileTooLarge, fileEmpty, fileBlank, invalidJSON, notUTF8GBK, notUTF8UTF16, notUTF8NUL, notUTF8Binary
    case notUTF8Other, notUTF8AsMarked, expectLesson, onlyFormat
    // Values
    case expectNumber, expectNonEmptyString, expectOneOf, numberTooLarge, wholeFromTo, expectId, idBadCharacter, idTooLong
    case expectText, textEmptyObject, controlCharacter, titleLineBreak, textTab
    case expectNotes, expectModel, expectParameters, parametersAndInit, parametersMissing, bhnUnused, bhnMissing
    case expectInit, expectSeed, expectScale, expectInputScale
    case expectSequences, sequencesEmpty, expectSequence, expectTraining, expectLearningRate, expectEpochs, expectApply
    case expectVector, vectorNotRows, expectMatrix, expectRow, matrixAsRows, raggedMatrix, matrixSize
    case expectNumberOrOneVector, expectVectorOf, expectTimesteps, sizeIs, plainNumberOnlyWidthOne
    case timestepsCount, timestepsEmpty, timestepsTooMany
    // Finding the lesson (LessonLibrary)
    case notBundledFileExists, unknownLesson, unknownLessonDidYouMean, noSuchFileBundled, noSuchFile
    case isDirectory, notRegularFile, permissionDenied, cannotRead
    // Variants (Lesson.variant)
    case variantRange, variantNoDraw
    // ux
    case emptyLessonName
}

/// "1 number", "3 numbers" as phrases.
public func counted(_ n: Int, _ one: LessonPhrase, _ many: LessonPhrase) -> LessonMessage {
    n == 1 ? say(one) : say(many, .literal(String(n)))
}
