import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain check <lesson> <answers-file>`: marks a filled worksheet (docs/check.md).
enum CheckCommand: Command {
    static let name = "check"
    static let synopsis = "<lesson-id | path.json> <answers-file | folder | ->… [options]"
    static let summary = "Mark a hand calculation: correct, follow-through, wrong (with the likely mistake) or unanswered."
    static let details = """
    The answers file has one 'key = value' line per number (keys: docs/keys.md); get a blank one
    with 'gru-explain worksheet <lesson>'. Blank or '?' means not attempted; '#' starts a comment.
    A value is correct within the precision you wrote it (0.1854 means ±0.00005), allowing for
    rounding carried from earlier steps. An answer that is wrong only because an earlier one was
    is marked follow-through. '-' reads the answers from standard input. The file is only read;
    it is UTF-8 text, or UTF-16 with a byte order mark (Notepad's "Unicode").
    Formats: text (default; lists the lines you answered, or every line with --all; fits 100
    columns, --ascii spells σ, ⊙, ‖ in ASCII), json (for course platforms; every line, the same in
    both languages; --ascii leaves it as it is).
    Exit status: 0 when everything answered is correct or follow-through, 1 when something is
    wrong, 2 when the sheet or the lesson cannot be read.
    A variant's sheet (gru-explain worksheet LESSON --variant N | --student ID) names its variant
    in its header ('# variant: 17'); it is marked against that variant.
    A class (several sheets, or folders of them): each sheet is marked against its header's
    variant; one that cannot be read is reported and the others are marked. Formats: text (one
    line per student with the score of each section, the keys most often wrong, the mistakes
    tallied), csv (a gradebook row per file), json (every sheet's marks and the class's counts).
    Exit status: 2 when any sheet could not be read, else 1 when any answer is wrong, else 0.
    --format gradescope writes one sheet's results.json for a Gradescope autograder.
    Examples:
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain check lesson1 answers.txt --lang zh
      gru-explain run lesson1 --format tsv --digits 4 | gru-explain check lesson1 -
      gru-explain check lesson1 sheets/ --format csv -o grades.csv
    """
    static let options: [OptionSpec] = [
        .value("format", "FORMAT", "text, json, csv (a class's gradebook) or gradescope (one sheet's results.json); default text"),
        Common.lang,
        .value("digits", "N", "decimals of the lesson's values in the text report (default 4, more where you wrote more)"),
        .flag("all", "list every line of the sheet in the text report, the unanswered ones too"),
        .flag("ascii", "use ASCII instead of Unicode symbols in the text report (sigmoid instead of σ, ...)"),
        .value("variant", "N", "mark against variant N, for a sheet whose header names none"),
        .value("student", "ID", "mark against this student's variant, for a sheet whose header names none"),
        Common.output,
    ]

    /// An answer sheet is text a person writes: 1 MiB is far more than any lesson needs.
    static let maxSheetBytes = 1 << 20

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let format = try Common.choice(a, "format", ["text", "json", "csv", "gradescope"], default: "text", command: name)
        let language = try Common.language(a, context, command: name)
        let digits = try Common.integer(a, "digits", in: 0...17, command: name) ?? 4
        guard a.positionals.count >= 2 else {
            throw UsageError(message: "check: give the lesson and the answers file, e.g. 'gru-explain check lesson1 answers.txt'")
        }
        // The lesson itself: each sheet is marked against the variant its header names.
        var plain = a
        plain.values["variant"] = nil
        plain.values["student"] = nil
        let lesson = try Common.lesson(plain, command: name, extraPositionals: a.positionals.count - 1)
        let asked: Int? = try a.value("variant") == nil && a.value("student") == nil ? nil
            : Common.variant(of: lesson, variant: a.value("variant"), student: a.value("student"), command: name).variantNumber
        let paths = Array(a.positionals.dropFirst())
        if paths.filter({ $0 == "-" }).count > 1 {
            throw UsageError(message: "check: standard input ('-') can be read only once")
        }
        let isFolder = paths.contains { path in
            var directory: ObjCBool = false
            return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
        }
        let isClass = paths.count > 1 || isFolder || format == "csv"
        if format == "gradescope" && isClass {
            throw UsageError(message: "check: --format gradescope marks one sheet (an autograder runs once per submission); for a class use --format csv or json")
        }
        var marker = SheetMarker(lesson: lesson, asked: asked)
        if !isClass {
            let path = paths[0]
            let file = path == "-" ? "<stdin>" : path
            let sheet = marker.mark(file: file) { () throws(UsageError) in try readSheet(path) }
            if let diverged = marker.diverged {
                context.fail(Common.describe(diverged, lesson: lesson))
                return ExitStatus.diverged
            }
            guard let report = sheet.report, let config = sheet.config else {
                for message in sheet.errors { context.fail(message) }
                return ExitStatus.badInput
            }
            let textReport = { CheckRenderer.text(report, config: config, language: language, digits: digits, all: a.has("all"), ascii: a.has("ascii")) }
            let text: String
            switch format {
            case "json": text = CheckRenderer.json(report, config: config, lesson: lesson.id)
            case "gradescope": text = ClassRenderer.gradescope(sheet, text: textReport(), language: language)
            default: text = textReport()
            }
            try Common.emit(text, a, context)
            return report.exitStatus
        }

        // Read every sheet and draw every variant first, then mark the sheets on every core.
        var prepared: [(sheet: SheetMark, bytes: [UInt8]?, choice: TraceChoice?)] = []
        for path in paths {
            for file in try files(path) {
                prepared.append(marker.prepare(file: file.shown) { () throws(UsageError) in try readSheet(file.path) })
                if let diverged = marker.diverged {
                    context.fail(Common.describe(diverged, lesson: lesson))
                    return ExitStatus.diverged
                }
            }
        }
        let (traces, input) = (marker.traces, prepared)
        let sheets = [SheetMark](unsafeUninitializedCapacity: input.count) { buffer, count in
            // Each iteration initialises its own element and no other.
            let output = Slots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: input.count) { k in
                var sheet = input[k].sheet
                if let bytes = input[k].bytes, let choice = input[k].choice { SheetMarker.finish(&sheet, bytes, traces[choice]) }
                output.base?.advanced(by: k).initialize(to: sheet)
            }
            count = input.count
        }
        let report = ClassReport(sheets: sheets)
        for sheet in report.unreadable { context.fail(sheet.errors.first ?? sheet.file) }
        let name = Common.name(lesson)
        let text: String
        switch format {
        case "json": text = ClassRenderer.json(report, lesson: lesson.id)
        case "csv": text = ClassRenderer.csv(report)
        default: text = ClassRenderer.text(report, lesson: name, language: language, ascii: a.has("ascii"))
        }
        try Common.emit(text, a, context)
        return report.exitStatus
    }

    /// The sheets `path` names: itself, or a folder's files (in its subfolders too), sorted by
    /// path, leaving out hidden files and folders (`.DS_Store`, `.git`). `shown` is the path as
    /// reports name it.
    static func files(_ path: String) throws(UsageError) -> [(path: String, shown: String)] {
        var directory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &directory), directory.boolValue else {
            return [(path, path == "-" ? "<stdin>" : path)]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw UsageError(message: "\(path): permission denied: cannot list the folder")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { enumerator.skipDescendants() }
                continue
            }
            let full = (path as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            found.append(full)
        }
        guard !found.isEmpty else {
            throw UsageError(message: "\(path): the folder holds no sheets (hidden files are left out); give a folder of filled worksheets")
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { ($0, $0) }
    }

    /// Which trace of a lesson's variant marks a sheet.
    struct TraceChoice: Hashable, Sendable {
        var variant: Int
        var trained: Bool
    }

    /// Whether some line of the sheet starts with a key of training or of the applied model.
    static func answersTraining(_ bytes: [UInt8]) -> Bool {
        var atLineStart = true
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { atLineStart = true; continue }
            if atLineStart && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) { continue }
            if atLineStart && (bytes[i...].starts(with: "train.".utf8) || bytes[i...].starts(with: "apply.".utf8)) { return true }
            atLineStart = false
        }
        return false
    }

    /// The elements of an array being filled by `concurrentPerform`, one iteration each.
    struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<SheetMark>?
    }

    /// Marks sheets of one lesson, each against the variant its header names, keeping each
    /// variant's trace for the next sheet of the same variant.
    struct SheetMarker {
        let lesson: Lesson
        /// The variant --variant or --student asks for, for sheets whose header names none.
        let asked: Int?
        /// Each variant's trace: without training for a worksheet, trained for a sheet that
        /// answers training or apply keys too (one filled from `run --format tsv`). Marking walks
        /// every key of the trace: without lesson1's 500 epochs, a worksheet costs about a quarter
        /// less CPU (docs/performance.md), and a lesson whose training diverges can still be marked.
        var traces: [TraceChoice: (lesson: Lesson, trace: Trace, questions: [LessonSection: Int])] = [:]
        /// Set when the lesson itself diverges (exit status 3).
        var diverged: Divergence?

        init(lesson: Lesson, asked: Int?) {
            self.lesson = lesson
            self.asked = asked
        }

        /// Reads, checks the header of, and marks one sheet.
        mutating func mark(file: String, read: () throws(UsageError) -> [UInt8]) -> SheetMark {
            var (sheet, bytes, choice) = prepare(file: file, read: read)
            if let bytes, let choice { Self.finish(&sheet, bytes, traces[choice]) }
            return sheet
        }

        /// Marks a prepared sheet against its variant's trace (nil: the sheet is left as it is).
        static func finish(_ sheet: inout SheetMark, _ bytes: [UInt8],
                           _ entry: (lesson: Lesson, trace: Trace, questions: [LessonSection: Int])?) {
            guard let (_, trace, questions) = entry else { return }
            do {
                sheet.report = try Marker.check(bytes, against: trace)
                sheet.config = trace.config
                sheet.questions = questions
            } catch {
                sheet.errors = error.messages(file: sheet.file)
            }
        }

        /// Reads the sheet and its header and records its variant's trace: the sheet with its
        /// errors and nil, or the sheet to mark and its bytes.
        mutating func prepare(file: String, read: () throws(UsageError) -> [UInt8]) -> (SheetMark, [UInt8]?, TraceChoice?) {
            var sheet = SheetMark(file: file)
            let raw: [UInt8]
            do { raw = try read() } catch { sheet.errors = [error.message]; return (sheet, nil, nil) }
            // A sheet in UTF-16 with its byte order mark is read as UTF-8; one that is not text, or
            // in another encoding (GBK), gets one line for the whole file.
            let bytes: [UInt8]
            do { bytes = try AnswerSheet.utf8Text(raw) } catch { sheet.errors = [error.message(file: file)]; return (sheet, nil, nil) }
            // A worksheet names its lesson in its title: a lesson1 sheet checked against lesson2 gets
            // this one line, not an unknown key for every line.
            if let named = WorksheetRenderer.lessonID(inHeaderOf: bytes), named != lesson.id {
                sheet.errors = [SheetError(line: nil, .otherLesson(sheet: named, checkedAgainst: lesson.id)).message(file: file)]
                return (sheet, nil, nil)
            }
            let n: Int
            do throws(SheetError) {
                let header = try SheetHeader.read(bytes)
                sheet.student = header.student
                let named = try header.variantNumber()
                let names = header.variant != nil || header.student != nil
                if names, let asked, asked != named { throw SheetError(line: nil, .variantConflict(sheet: named, option: asked)) }
                n = names ? named : asked ?? 0
            } catch {
                sheet.errors = [error.message(file: file)]
                return (sheet, nil, nil)
            }
            sheet.variant = n
            let choice = TraceChoice(variant: n, trained: answersTraining(bytes))
            if traces[choice] == nil {
                let variant: Lesson
                if let known = traces[TraceChoice(variant: n, trained: !choice.trained)]?.lesson {
                    variant = known
                } else {
                    do { variant = try lesson.variant(n) } catch { sheet.errors = ["\(file): \(error.description)"]; return (sheet, nil, nil) }
                }
                let recorded = choice.trained ? Common.record(variant)
                    : Common.record(variant, trained: false, sections: Set(Worksheet.sections))
                switch recorded {
                case .success(let trace): traces[choice] = (variant, trace, ClassReport.questions(trace))
                case .failure(let d): diverged = d; return (sheet, nil, nil)
                }
            }
            return (sheet, bytes, choice)
        }
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
