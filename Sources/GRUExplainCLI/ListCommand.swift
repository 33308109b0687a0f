import GRULessons
import GRURender

/// `gru-explain list`: the bundled lessons.
enum ListCommand: Command {
    static let name = "list"
    static let synopsis = "[--lang zh|en]"
    static let summary = UsageText.summaryList
    static let details = UsageText.detailsList
    static let options: [any OptionDeclaration] = [DisplayOptions.lang]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        if let extra = a.positionals.first { throw UsageError(.unexpectedArgument, name, extra) }
        let language = try DisplayOptions.language(a, context)
        let lessons: [Lesson]
        do { lessons = try LessonLibrary.bundled } catch { throw UsageError(error) }
        let width = lessons.map(\.id.count).max() ?? 0
        for lesson in lessons {
            let title = lesson.title.text(language)
            context.writeOut(lesson.id + String(repeating: " ", count: width - lesson.id.count + 2) + title + "\n")
        }
        return ExitStatus.success
    }
}
