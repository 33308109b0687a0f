import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUJSON

/// Which lesson, which of its variants (--variant, --student), and which part of its trace
/// (--only, --timestep, --sequence).
enum LessonOptions {
    /// --variant N: 0 (the lesson itself) to `LessonVariant.maxNumber`.
    static let variant = Option<Int?>(name: "variant", valueName: "N", help: .variant, helpArgument: "\(LessonVariant.maxNumber)",
                                      defaultValue: nil) { (text, command) throws(UsageError) in
        guard let number = Int(text), (0...LessonVariant.maxNumber).contains(number) else {
            throw UsageError(.variantRange, command, String(LessonVariant.maxNumber), TerminalText.escaped(text))
        }
        return number
    }

    /// --student ID: any id of one line that is not empty.
    static let student = Option<Student?>(name: "student", valueName: "ID", help: .student, defaultValue: nil) { (id, command) throws(UsageError) in
        guard !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              let n = LessonVariant.number(student: id) else {
            throw UsageError(.studentOneLine, command, TerminalText.escaped(id))
        }
        return Student(id: id, variant: n)
    }

    /// --only SECTION[,SECTION…]: the sections shown.
    static let only = Option<Set<LessonSection>?>(name: "only", valueName: "SECTION[,SECTION…]", help: .onlyRun, defaultValue: nil) { (list, command) throws(UsageError) in
        var chosen = Set<LessonSection>()
        for word in list.split(separator: ",").map({ String($0).trimmingSpaces }) where !word.isEmpty {
            guard let section = LessonSection(rawValue: word) else {
                let names = LessonSection.allCases.map(\.rawValue)
                if let near = nearestName(to: word, among: names) {
                    throw UsageError(.onlyUnknownSectionDidYouMean, command, word, near, names.joined(separator: ", "))
                }
                throw UsageError(.onlyUnknownSection, command, word, names.joined(separator: ", "))
            }
            chosen.insert(section)
        }
        if chosen.isEmpty { throw UsageError(.onlyEmpty, command) }
        return chosen
    }

    /// The sections of the detailed first pass: without any of them, the engine only trains.
    static let detailSections: Set<LessonSection> = [.forward, .loss, .bptt, .accumulation, .update]

    /// --timestep N, from 1 to the lesson's number of timesteps (`ParsedArguments.wholeNumber`).
    static let timestep = Option<String?>.text("timestep", "N", .timestepRun)
    /// --sequence K, from 1 to the lesson's number of sequences (`sequence(_:count:lesson:)`).
    static let sequence = Option<String?>.text("sequence", "K", .sequenceRun)

    /// --sequence K for a lesson of `count` sequences: a whole number from 1 to count, or a usage
    /// error; a lesson of one sequence says so rather than "from 1 to 1".
    static func sequence(_ a: ParsedArguments, count: Int, lesson: String) throws(UsageError) -> Int? {
        if count <= 1, let text = a.text(sequence), text != "1" {
            throw UsageError(.sequenceOnlyOne, a.command, lesson, text)
        }
        return try a.wholeNumber(sequence, in: 1...max(count, 1))
    }

    /// The one lesson argument: a bundled id or the path of a .json file, and the variant that
    /// --variant or --student names unless `choosingVariant` is false. A lesson too large to run
    /// (`CostGuard.checkCost`) is refused here, before anything of its trace is allocated.
    static func lesson(_ a: ParsedArguments, extraPositionals: Int = 0, choosingVariant: Bool = true) throws(UsageError) -> Lesson {
        guard let reference = a.positionals.first else {
            throw UsageError(.whichLesson, a.command)
        }
        if a.positionals.count > 1 + extraPositionals {
            throw UsageError(.unexpectedArgument, a.command, a.positionals[1 + extraPositionals])
        }
        // The cost is judged from the lesson's sizes before its parameters are drawn or
        // allocated: a refusal takes milliseconds, whatever the hidden size.
        var refusal: UsageError? = nil
        let lesson: Lesson
        do throws(LessonError) {
            lesson = try LessonLibrary.load(reference) { (cost: LessonCost) -> Bool in
                do throws(UsageError) { try CostGuard.checkCost(cost, name: reference, a) } catch { refusal = error; return false }
                return true
            }
        } catch {
            if let refusal { throw refusal }
            throw UsageError(error)
        }
        // A variant has the lesson's sizes: the cost judged above holds for it.
        return choosingVariant ? try chosenVariant(of: lesson, a) : lesson
    }

    /// The variant that --variant N or --student ID names (docs/check.md, "For instructors"), or
    /// the lesson itself when neither is given.
    static func chosenVariant(of lesson: Lesson, _ a: ParsedArguments) throws(UsageError) -> Lesson {
        if a.isGiven(variant) && a.isGiven(student) {
            throw UsageError(.variantAndStudent, a.command)
        }
        let n: Int
        if let number = try a[variant] {
            n = number
        } else if let student = try a[student] {
            n = student.variant
        } else {
            return lesson
        }
        do throws(LessonError) {
            return try lesson.variant(n)
        } catch {
            throw UsageError(error)
        }
    }

    /// The lesson as messages name it: its id when bundled, else the path the user gave.
    static func name(_ lesson: Lesson) -> String {
        lesson.source == "bundled" ? lesson.id : lesson.source
    }
}

/// A student's id (--student) and the variant it draws (`LessonVariant.number(student:)`).
struct Student: Sendable {
    var id: String
    var variant: Int

    /// The id as a sheet's header writes it.
    var trimmedID: String { id.trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
