import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain check <lesson> <answers-file>`: marks a filled worksheet (docs/check.md).
enum CheckCommand: Command {
    static let name = "check"
    static let synopsis = "<lesson-id | path.json> <answers-file | -> [options]"
    static let summary = "Mark a hand calculation: correct, follow-through, wrong (with the likely mistake) or unanswered."
    static let details = """
    The answers file has one 'key = value' line per number (keys: docs/keys.md); get a blank one
    with 'gru-explain worksheet <lesson>'. Blank or '?' means not attempted; '#' starts a comment.
    An answer is correct when an honest computation gives it: the key's formula on your earlier
    values (or the lesson's), with every sub-result rounded or truncated to the decimals you wrote,
    or not rounded (docs/check.md). An answer that is wrong only because an earlier one was is
    marked follow-through. Numbers may be typed as 0.5987, −0.5987, 0.5987。, ≈0.5987 or 59.87%.
    '-' reads the answers from standard input. The file is only read; it is UTF-8 text, or UTF-16
    with a byte order mark (Notepad's "Unicode").
    Formats: text (default; opens with the score per section, then lists the lines you answered,
    only the wrong and follow-through ones with --show wrong, every line with --all; fits 100
    columns, --ascii spells σ, ⊙, ‖ in ASCII), json (for course platforms; every line and the score
    per section, the same in both languages; --ascii leaves it as it is).
    Exit status: 0 when everything answered is correct or follow-through, 1 when something is
    wrong, 2 when the sheet or the lesson cannot be read.
    Examples:
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain check lesson1 answers.txt --lang zh
      gru-explain check lesson1 answers.txt --show wrong
      gru-explain run lesson1 --format tsv --digits 4 | gru-explain check lesson1 -
    """
    static let options: [OptionSpec] = [
        .value("format", "FORMAT", "text or json (default text)"),
        Common.lang,
        .value("digits", "N", "decimals of the lesson's values in the text report (default 4, more where you wrote more)"),
        .value("show", "WHICH", "all (every answered line, the default) or wrong (only wrong and follow-through lines; the score stays)"),
        .flag("all", "list every line of the sheet in the text report, the unanswered ones too"),
        .flag("ascii", "use ASCII instead of Unicode symbols in the text report (sigmoid instead of σ, ...)"),
        Common.output,
    ]

    /// An answer sheet is text a person writes: 1 MiB is far more than any lesson needs.
    static let maxSheetBytes = 1 << 20

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let format = try Common.choice(a, "format", ["text", "json"], default: "text", command: name)
        let language = try Common.language(a, context, command: name)
        let digits = try Common.integer(a, "digits", in: 0...17, command: name) ?? 4
        let show = CheckRenderer.Show(rawValue: try Common.choice(a, "show", CheckRenderer.Show.allCases.map(\.rawValue),
                                                                  default: "all", command: name)) ?? .all
        guard a.positionals.count >= 2 else {
            throw UsageError(message: Message.checkNeedsLessonAndSheet.text(language))
        }
        let lesson = try Common.lesson(a, command: name, extraPositionals: 1, language: language)
        let path = a.positionals[1]
        let raw = try readSheet(path, language: language)

        let file = path == "-" ? "<stdin>" : path
        // A sheet in UTF-16 with its byte order mark is read as UTF-8; one that is not text, or
        // in another encoding (GBK), gets one line for the whole file.
        let bytes: [UInt8]
        do {
            bytes = try AnswerSheet.utf8Text(raw)
        } catch {
            context.fail(error.message(file: file, language: language))
            return ExitStatus.badInput
        }
        // A worksheet names its lesson in its title: a lesson1 sheet checked against lesson2 gets
        // this one line, not an unknown key for every line.
        if let named = WorksheetRenderer.lessonID(inHeaderOf: bytes), named != lesson.id {
            context.fail(SheetError(line: nil, .otherLesson(sheet: named, checkedAgainst: lesson.id)).message(file: file, language: language))
            return ExitStatus.badInput
        }

        guard let trace = Common.trace(lesson, context) else { return ExitStatus.diverged }
        let report: CheckReport
        do {
            report = try Marker.check(bytes, against: trace)
        } catch {
            for message in error.messages(file: file, language: language) { context.fail(message) }
            return ExitStatus.badInput
        }
        let text = format == "json"
            ? CheckRenderer.json(report, config: trace.config, lesson: lesson.id)
            : CheckRenderer.text(report, config: trace.config, language: language, digits: digits, all: a.has("all"), show: show,
                                  ascii: a.has("ascii"))
        try Common.emit(text, a, context)
        return report.exitStatus
    }

    /// The bytes of the answers file, opened for reading only; `-` is standard input.
    static func readSheet(_ path: String, language: Language = .en) throws(UsageError) -> [UInt8] {
        if path == "-" {
            // Never more than the limit and one chunk: standard input may not end (`yes |`).
            var data = Data()
            while data.count <= maxSheetBytes,
                  let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                data.append(chunk)
            }
            guard data.count <= maxSheetBytes else {
                throw UsageError(message: Message.sheetStdinTooLarge.text(language))
            }
            return Array(data)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError(message: Message.sheetNoSuchFile.text(language, path))
        }
        guard !isDirectory.boolValue else { throw UsageError(message: Message.sheetIsDirectory.text(language, path)) }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = (try? manager.attributesOfItem(atPath: resolved)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw UsageError(message: Message.sheetNotRegularFile.text(language, path))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxSheetBytes else { throw tooLarge(path, size, language) }
        guard let handle = FileHandle(forReadingAtPath: resolved) else {
            throw UsageError(message: Message.sheetPermissionDenied.text(language, path))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxSheetBytes + 1)) ?? nil ?? Data()
        guard data.count <= maxSheetBytes else { throw tooLarge(path, data.count, language) }
        return Array(data)
    }

    private static func tooLarge(_ file: String, _ size: Int, _ language: Language) -> UsageError {
        UsageError(message: Message.sheetTooLarge.text(language, file, String(size)))
    }
}
