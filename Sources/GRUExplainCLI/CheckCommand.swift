import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUCheck
import GRUJSON

/// `gru-explain check <lesson> <answers-file>`: marks a filled worksheet (docs/check.md).
enum CheckCommand: Command {
    static let name = "check"
    static let synopsis = "<lesson-id | path.json> <answers-file | folder | ->… [options]"
    static let summary = UsageText.summaryCheck
    static let details = UsageText.detailsCheck
    static let format = Option<String>.choice("format", "FORMAT", .formatCheck, ["text", "json", "csv", "gradescope"], default: "text")
    static let show = Option<CheckRenderer.Show>.choice("show", "WHICH", .showCheck, default: .all)
    static let all = Option<Bool>.flag("all", .all)
    static let options: [any OptionDeclaration] = [
        format,
        DisplayOptions.lang,
        DisplayOptions.digits.helped(.digitsCheck),
        show,
        all,
        DisplayOptions.ascii.helped(.asciiReport),
        LessonOptions.variant.helped(.variantCheck),
        LessonOptions.student.helped(.studentCheck),
        OutputOptions.output,
    ]

    /// An answer sheet is text a person writes: 1 MiB is far more than any lesson needs.
    static let maxSheetBytes = 1 << 20

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let format = try a[Self.format]
        let language = try DisplayOptions.language(a, context)
        let digits = try a[DisplayOptions.digits]
        let show = try a[Self.show]
        let (all, ascii) = (try a[Self.all], try a[DisplayOptions.ascii])
        guard a.positionals.count >= 2 else {
            throw UsageError(message: Message.checkNeedsLessonAndSheet.text(language))
        }
        // The lesson itself: each sheet is marked against the variant its header names.
        let lesson = try LessonOptions.lesson(a, extraPositionals: a.positionals.count - 1, choosingVariant: false)
        let asked: Int? = a.isGiven(LessonOptions.variant) || a.isGiven(LessonOptions.student)
            ? try LessonOptions.chosenVariant(of: lesson, a).variantNumber : nil
        let paths = Array(a.positionals.dropFirst())
        if paths.filter({ $0 == "-" }).count > 1 {
            throw UsageError(.checkStdinOnce)
        }
        let isFolder = paths.contains { path in
            var directory: ObjCBool = false
            return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
        }
        let isClass = paths.count > 1 || isFolder || format == "csv"
        if format == "gradescope" && isClass {
            throw UsageError(.checkGradescopeOneSheet)
        }
        var marker = SheetMarker(lesson: lesson, asked: asked, language: language)
        if !isClass {
            let path = paths[0]
            let file = path == "-" ? "<stdin>" : path
            let sheet = marker.mark(file: file) { () throws(UsageError) in try readSheet(path, language: language) }
            if let diverged = marker.diverged {
                context.fail(Recording.describe(diverged, lesson: lesson, language: context.messageLanguage))
                return ExitStatus.diverged
            }
            guard let report = sheet.report, let config = sheet.config else {
                for message in sheet.errors { context.fail(message) }
                return ExitStatus.badInput
            }
            let textReport = {
                CheckRenderer.text(report, config: config, language: language, digits: digits, all: all, show: show, ascii: ascii,
                                   againstLessonItself: sheet.variant == 0)
            }
            let text: String
            switch format {
            case "json": text = CheckRenderer.json(report, config: config, lesson: lesson.id)
            case "gradescope": text = ClassRenderer.gradescope(sheet, text: textReport(), language: language)
            default: text = textReport()
            }
            try OutputOptions.emit(text, a, context)
            return report.exitStatus
        }

        // Read every sheet and draw every variant first, then mark the sheets on every core.
        var prepared: [(sheet: SheetMark, bytes: [UInt8]?, choice: TraceChoice?)] = []
        for path in paths {
            for file in try files(path) {
                prepared.append(marker.prepare(file: file.shown) { () throws(UsageError) in try readSheet(file.path, language: language) })
                if let diverged = marker.diverged {
                    context.fail(Recording.describe(diverged, lesson: lesson, language: context.messageLanguage))
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
                if let bytes = input[k].bytes, let choice = input[k].choice { SheetMarker.finish(&sheet, bytes, traces[choice], language: language) }
                output.base?.advanced(by: k).initialize(to: sheet)
            }
            count = input.count
        }
        let report = ClassReport(sheets: sheets)
        for sheet in report.unreadable { context.fail(sheet.errors.first ?? sheet.file) }
        let name = LessonOptions.name(lesson)
        let text: String
        switch format {
        case "json": text = ClassRenderer.json(report, lesson: lesson.id)
        case "csv": text = ClassRenderer.csv(report)
        default: text = ClassRenderer.text(report, lesson: name, language: language, ascii: ascii)
        }
        try OutputOptions.emit(text, a, context)
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
            throw UsageError(.checkFolderUnlistable, TerminalText.escaped(path))
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
            throw UsageError(.checkFolderEmpty, TerminalText.escaped(path))
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
        var traces: [TraceChoice: (lesson: Lesson, trace: Trace)] = [:]
        /// Set when the lesson itself diverges (exit status 3).
        var diverged: Divergence?
        /// The language of the sheets' error messages.
        let language: Language

        init(lesson: Lesson, asked: Int?, language: Language) {
            self.lesson = lesson
            self.asked = asked
            self.language = language
        }

        /// Reads, checks the header of, and marks one sheet.
        mutating func mark(file: String, read: () throws(UsageError) -> [UInt8]) -> SheetMark {
            var (sheet, bytes, choice) = prepare(file: file, read: read)
            if let bytes, let choice { Self.finish(&sheet, bytes, traces[choice], language: language) }
            return sheet
        }

        /// Marks a prepared sheet against its variant's trace (nil: the sheet is left as it is).
        static func finish(_ sheet: inout SheetMark, _ bytes: [UInt8],
                           _ entry: (lesson: Lesson, trace: Trace)?, language: Language) {
            guard let (_, trace) = entry else { return }
            do {
                sheet.report = try Marker.check(bytes, against: trace)
                sheet.config = trace.config
            } catch {
                sheet.errors = error.messages(file: sheet.file, language: language)
            }
        }

        /// Reads the sheet and its header and records its variant's trace: the sheet with its
        /// errors and nil, or the sheet to mark and its bytes.
        mutating func prepare(file: String, read: () throws(UsageError) -> [UInt8]) -> (SheetMark, [UInt8]?, TraceChoice?) {
            var sheet = SheetMark(file: file)
            let raw: [UInt8]
            do { raw = try read() } catch { sheet.errors = error.lines(language); return (sheet, nil, nil) }
            // A sheet in UTF-16 with its byte order mark is read as UTF-8; one that is not text, or
            // in another encoding (GBK), gets one line for the whole file.
            let bytes: [UInt8]
            do { bytes = try AnswerSheet.utf8Text(raw) } catch { sheet.errors = [error.message(file: file, language: language)]; return (sheet, nil, nil) }
            // A worksheet names its lesson in its title: a lesson1 sheet checked against lesson2 gets
            // this one line, not an unknown key for every line.
            if let named = WorksheetRenderer.lessonID(inHeaderOf: bytes), named != lesson.id {
                sheet.errors = [SheetError(line: nil, .otherLesson(sheet: named, checkedAgainst: lesson.id)).message(file: file, language: language)]
                return (sheet, nil, nil)
            }
            let n: Int
            do throws(SheetError) {
                let header = try SheetHeader.read(bytes, maxVariant: LessonVariant.maxNumber)
                sheet.student = header.student
                let named = try header.variantNumber(studentVariant: LessonVariant.number(student:))
                let names = header.variant != nil || header.student != nil
                if names, let asked, asked != named { throw SheetError(line: nil, .variantConflict(sheet: named, option: asked)) }
                n = names ? named : asked ?? 0
            } catch {
                sheet.errors = [error.message(file: file, language: language)]
                return (sheet, nil, nil)
            }
            sheet.variant = n
            let choice = TraceChoice(variant: n, trained: answersTraining(bytes))
            if traces[choice] == nil {
                let variant: Lesson
                if let known = traces[TraceChoice(variant: n, trained: !choice.trained)]?.lesson {
                    variant = known
                } else {
                    do throws(LessonError) { variant = try lesson.variant(n) } catch {
                        sheet.errors = UsageError(error).lines(language)
                        return (sheet, nil, nil)
                    }
                }
                let recorded = choice.trained ? Recording.record(variant)
                    : Recording.record(variant, trained: false, sections: Set(Worksheet.sections))
                switch recorded {
                case .success(let trace): traces[choice] = (variant, trace)
                case .failure(let d): diverged = d; return (sheet, nil, nil)
                }
            }
            return (sheet, bytes, choice)
        }
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
