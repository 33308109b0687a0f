
/// The lines of a worksheet's header that name whose numbers it holds, the same in every language:
///
///     # variant: 17
///     # student: 2026017
///
/// `gru-explain worksheet LESSON --variant N | --student ID` writes them; `check` reads them and
/// marks the sheet against that variant (docs/check.md, "For instructors").
public struct SheetHeader: Equatable, Sendable {
    /// The variant the sheet names; nil when it names none (the lesson itself, unless the
    /// student line names one).
    public var variant: Int?
    /// The student the sheet names, as written (trimmed).
    public var student: String?

    public init(variant: Int? = nil, student: String? = nil) {
        self.variant = variant
        self.student = student
    }

    /// The header's lines, without "# ": `variant: 17`, then `student: 2026017` when there is one.
    public var lines: [String] {
        (variant.map { ["variant: \($0)"] } ?? []) + (student.map { ["student: \($0)"] } ?? [])
    }

    /// The variant to mark against: the `variant:` line, else the student's (`studentVariant`,
    /// which is GRULessons' `LessonVariant.number(student:)`), else 0, the lesson itself. Throws
    /// when the two lines disagree: a sheet whose student line was changed to another student's.
    public func variantNumber(studentVariant: (String) -> Int?) throws(SheetError) -> Int {
        let fromStudent = student.flatMap(studentVariant)
        if let variant, let fromStudent, variant != fromStudent {
            throw SheetError(line: nil, .headerMismatch(variant: variant, student: student ?? "", studentVariant: fromStudent))
        }
        return variant ?? fromStudent ?? 0
    }

    /// Reads the `variant:` and `student:` lines among the comment lines before the first answer.
    /// Throws for a `variant:` line that is not a whole number from 0 to `maxVariant`
    /// (`LessonVariant.maxNumber`, 1,000,000).
    public static func read(_ bytes: [UInt8], maxVariant: Int) throws(SheetError) -> SheetHeader {
        var header = SheetHeader()
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingPrefix("\u{FEFF}").trimmingPrefix(" ")
            if line.allSatisfy(\.isWhitespace) { continue }
            guard line.hasPrefix("#") else { break }
            let comment = line.dropFirst().trimmingPrefix(" ")
            if comment.hasPrefix("variant:") {
                let value = comment.dropFirst("variant:".count).trimmingCharacters(in: " \t\r")
                guard let n = Int(value), (0...maxVariant).contains(n) else {
                    throw SheetError(line: index + 1, .badVariant(found: String(value)))
                }
                header.variant = n
            } else if comment.hasPrefix("student:") {
                let value = comment.dropFirst("student:".count).trimmingCharacters(in: " \t\r")
                if !value.isEmpty { header.student = String(value) }
            }
        }
        return header
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return s
    }
}
