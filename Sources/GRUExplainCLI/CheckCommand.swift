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
        guard a.positionals.count >= 2 else {
            throw UsageError(message: "check: give the lesson and the answers file, e.g. 'gru-explain check lesson1 answers.txt'")
        }
        let lesson = try Common.lesson(a, command: name, extraPositionals: 1)
        let path = a.positionals[1]
        let raw = try readSheet(path)

        let file = path == "-" ? "<stdin>" : path
        // A sheet in UTF-16 with its byte order mark is read as UTF-8; one that is not text, or
        // in another encoding (GBK), gets one line for the whole file.
        let bytes: [UInt8]
        do {
            bytes = try AnswerSheet.utf8Text(raw)
        } catch {
            context.fail(error.message(file: file))
            return ExitStatus.badInput
        }
        // A worksheet names its lesson in its title: a lesson1 sheet checked against lesson2 gets
        // this one line, not an unknown key for every line.
        if let named = WorksheetRenderer.lessonID(inHeaderOf: bytes), named != lesson.id {
            context.fail(SheetError(line: nil, .otherLesson(sheet: named, checkedAgainst: lesson.id)).message(file: file))
            return ExitStatus.badInput
        }

        guard let trace = Common.trace(lesson, context) else { return ExitStatus.diverged }
        let report: CheckReport
        do {
            report = try Marker.check(bytes, against: trace)
        } catch {
            for message in error.messages(file: file) { context.fail(message) }
            return ExitStatus.badInput
        }
        let text = format == "json"
            ? CheckRenderer.json(report, config: trace.config, lesson: lesson.id)
            : CheckRenderer.text(report, config: trace.config, language: language, digits: digits, all: a.has("all"), ascii: a.has("ascii"))
        try Common.emit(text, a, context)
        return report.exitStatus
    }

    /// The bytes of the answers file, opened for reading only; `-` is standard input.
    static func readSheet(_ path: String) throws(UsageError) -> [UInt8] {
        if path == "-" {
            // Never more than the limit and one chunk: standard input may not end (`yes |`).
            var data = Data()
            while data.count <= maxSheetBytes,
                  let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                data.append(chunk)
            }
            guard data.count <= maxSheetBytes else {
                throw UsageError(message: "<stdin>: more than 1 MiB is too large for an answers file (the limit is 1 MiB)")
            }
            return Array(data)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError(message: "\(path): no such file; write your answers into a file first (gru-explain worksheet <lesson> > \(path))")
        }
        guard !isDirectory.boolValue else { throw UsageError(message: "\(path): is a directory, not an answers file") }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = (try? manager.attributesOfItem(atPath: resolved)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw UsageError(message: "\(path): is not a regular file; give the path of a text file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxSheetBytes else { throw tooLarge(path, size) }
        guard let handle = FileHandle(forReadingAtPath: resolved) else {
            throw UsageError(message: "\(path): permission denied: cannot read the file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxSheetBytes + 1)) ?? nil ?? Data()
        guard data.count <= maxSheetBytes else { throw tooLarge(path, data.count) }
        return Array(data)
    }

    private static func tooLarge(_ file: String, _ size: Int) -> UsageError {
        UsageError(message: "\(file): \(size) bytes is too large for an answers file (the limit is 1 MiB)")
    }
}
