import GRUCore
import GRULessons

/// One file of a class marked by `gru-explain check LESSON PATH…`: its marks, or why it could
/// not be read.
public struct SheetMark: Sendable {
    /// The path as `check` found it (a folder's files under the folder's path).
    public var file: String
    /// The student the sheet's header names.
    public var student: String?
    /// The variant it was marked against (0: the lesson itself); nil when the header could not be read.
    public var variant: Int?
    /// The marks; nil when the sheet could not be read.
    public var report: CheckReport?
    /// The config of the variant's model, for the words of a diagnosis.
    public var config: ModelConfig?
    /// The worksheet keys of the variant's trace, by section: what a score is out of.
    public var questions: [LessonSection: Int]
    /// Why the sheet could not be read, one line each (the first is the one a table shows).
    public var errors: [String]

    public init(file: String, student: String? = nil, variant: Int? = nil, report: CheckReport? = nil,
                config: ModelConfig? = nil, questions: [LessonSection: Int] = [:], errors: [String] = []) {
        self.file = file
        self.student = student
        self.variant = variant
        self.report = report
        self.config = config
        self.questions = questions
        self.errors = errors
    }

    /// Points per section: each worksheet key is one point, earned when it is correct or
    /// follow-through (a consequence of an earlier slip, marked as a teacher marks by hand). A
    /// section the sheet has no line of is left out (a sheet made with `--only`), and so is
    /// every section of a sheet that could not be read.
    public var sections: [SectionScore] {
        guard let report else { return [] }
        let counts = ClassReport.sectionCounts(report)
        return Worksheet.sections.compactMap { section in
            guard var count = counts[section] else { return nil }
            count.questions = max(questions[section] ?? 0, count.answered + count.unanswered)
            return count
        }
    }

    /// Points earned and the points of the sections on the sheet.
    public var score: (earned: Int, out: Int)? {
        guard report != nil else { return nil }
        let s = sections
        return (s.map(\.earned).reduce(0, +), s.map(\.questions).reduce(0, +))
    }
}

/// The marks of one section of one sheet.
public struct SectionScore: Equatable, Sendable {
    public var section: LessonSection
    public var correct = 0
    public var followThrough = 0
    public var wrong = 0
    public var unanswered = 0
    /// The section's keys on the whole worksheet: what its score is out of.
    public var questions = 0

    public init(section: LessonSection) { self.section = section }

    public var answered: Int { correct + followThrough + wrong }
    public var earned: Int { correct + followThrough }
}

/// A class's sheets marked at once, and what they have in common: how often each key was marked
/// each way and how many students made each known mistake (docs/check.md, "For instructors").
public struct ClassReport: Sendable {
    /// In the order `check` was given them (a folder's files sorted by path).
    public var sheets: [SheetMark]

    public init(sheets: [SheetMark]) { self.sheets = sheets }

    /// Each sheet's marks by section (the section of a key: `TraceKey.section`). Only the
    /// sections a worksheet asks for (`Worksheet.sections`) are counted; `questions` is left 0.
    ///
    /// The one place the class layer counts per section: issue 11's per-section API on
    /// `CheckReport` can replace it.
    public static func sectionCounts(_ report: CheckReport) -> [LessonSection: SectionScore] {
        var counts: [LessonSection: SectionScore] = [:]
        for r in report.results where Worksheet.sections.contains(r.key.section) {
            var c = counts[r.key.section] ?? SectionScore(section: r.key.section)
            switch r.status {
            case .correct: c.correct += 1
            case .followThrough: c.followThrough += 1
            case .wrong: c.wrong += 1
            case .unanswered: c.unanswered += 1
            }
            counts[r.key.section] = c
        }
        return counts
    }

    /// The worksheet keys of a trace by section: what each section's score is out of.
    public static func questions(_ trace: Trace) -> [LessonSection: Int] {
        var counts: [LessonSection: Int] = [:]
        for key in trace.keys where Worksheet.sections.contains(key.section) { counts[key.section, default: 0] += 1 }
        return counts
    }

    public var marked: [SheetMark] { sheets.filter { $0.report != nil } }
    public var unreadable: [SheetMark] { sheets.filter { $0.report == nil } }

    /// 2 when any sheet could not be read, else 1 when any answer is wrong, else 0.
    public var exitStatus: Int32 {
        if !unreadable.isEmpty { return 2 }
        return marked.contains { ($0.report?.summary.wrong ?? 0) > 0 } ? 1 : 0
    }

    /// For every key some sheet has a line of, in computation order: how many sheets marked it
    /// each way. (Each sheet's variant has the same keys: a variant keeps the lesson's structure.)
    public var keyCounts: [(key: TraceKey, counts: [MarkStatus: Int])] {
        var order: [TraceKey] = []
        var counts: [TraceKey: [MarkStatus: Int]] = [:]
        var position: [TraceKey: Int] = [:]
        for sheet in marked {
            for r in sheet.report?.results ?? [] {
                if counts[r.key] == nil { order.append(r.key) }
                counts[r.key, default: [:]][r.status, default: 0] += 1
            }
        }
        // Computation order: the trace's, which every sheet's results follow.
        for sheet in marked {
            for (i, r) in (sheet.report?.results ?? []).enumerated() where position[r.key] == nil { position[r.key] = i }
        }
        let sorted = order.sorted { (a, b) in
            let (i, j) = (position[a] ?? 0, position[b] ?? 0)
            return i != j ? i < j : a.description < b.description
        }
        return sorted.map { ($0, counts[$0] ?? [:]) }
    }

    /// The keys marked wrong on the most sheets, most first (ties in computation order), at most `limit`.
    public func mostOftenWrong(limit: Int = 5) -> [(key: TraceKey, sheets: Int)] {
        let wrong = keyCounts.compactMap { entry in entry.counts[.wrong].map { (key: entry.key, sheets: $0) } }
        return Array(wrong.enumerated().sorted { $0.element.sheets != $1.element.sheets ? $0.element.sheets > $1.element.sheets : $0.offset < $1.offset }
            .map(\.element).prefix(limit))
    }

    /// Each known mistake found: on how many sheets (students) and in how many marks, most
    /// students first, then in `Diagnosis` order.
    public var diagnosisCounts: [(diagnosis: Diagnosis, students: Int, marks: Int)] {
        Diagnosis.allCases.compactMap { d in
            var students = 0, marks = 0
            for sheet in marked {
                let n = sheet.report?.results.filter { $0.status == .wrong && $0.diagnosis == d }.count ?? 0
                if n > 0 { students += 1; marks += n }
            }
            return students > 0 ? (d, students, marks) : nil
        }.enumerated().sorted { $0.element.students != $1.element.students ? $0.element.students > $1.element.students : $0.offset < $1.offset }
            .map(\.element)
    }
}
