import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain check <lesson> <answers-file>`: marks a filled worksheet (docs/check.md).
enum CheckCommand: Command {
    static let name = "check"
    static let synopsis = "<lesson-id | path.json> <answers-file | -> [options]"
    static let summary = UsageText.summaryCheck
    static let details = UsageText.detailsCheck
    static let options: [OptionSpec] = [
        .value("format", "FORMAT", .formatCheck),
        Common.lang,
        .value("digits", "N", .digitsCheck),
        .value("show", "WHICH", .showCheck),
        .flag("all", .all),
        .flag("ascii", .asciiReport),
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
        let lesson = try Common.lesson(a, command: name, extraPositionals: 1)
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
