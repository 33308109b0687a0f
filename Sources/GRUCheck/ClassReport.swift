import GRUCore

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
    /// Why the sheet could not be read, one line each (the first is the one a table shows).
    public var errors: [String]

    public init(file: String, student: String? = nil, variant: Int? = nil, report: CheckReport? = nil,
                config: ModelConfig? = nil, errors: [String] = []) {
        self.file = file
        self.student = student
        self.variant = variant
        self.report = report
        self.config = config
        self.errors = errors
    }

    /// Points per section (`CheckReport.bySection`): each worksheet key is one point, earned when
    /// it is correct or follow-through (a consequence of an earlier slip, marked as a teacher marks
    /// by hand), out of the section's keys on the variant's whole worksheet. A section the sheet has
    /// no line of is left out (a sheet made with `--only`), and so is every section of a sheet that
    /// could not be read.
    public var sections: [SectionScore] {
        (report?.bySection ?? []).map { score in
            var score = score
            score.inLesson = max(score.inLesson, score.onSheet)
            return score
        }
    }

    /// Points earned and the points of the sections on the sheet.
    public var score: (earned: Int, out: Int)? {
        report.map { ($0.worksheetScore.earned, $0.worksheetScore.outOf) }
    }
}

/// A class's sheets marked at once, and what they have in common: how often each key was marked
/// each way and how many students made each known mistake (docs/check.md, "For instructors").
public struct ClassReport: Sendable {
    /// In the order `check` was given them (a folder's files sorted by path).
    public var sheets: [SheetMark]

    public init(sheets: [SheetMark]) { self.sheets = sheets }

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
