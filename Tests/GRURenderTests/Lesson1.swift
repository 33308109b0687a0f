import GRUCore
import GRULessons

/// lesson1 as gru-explain bundles it (lessons/lesson1.json), and its trace.
enum Lesson1 {
    static let lesson = try! LessonLibrary.load("lesson1")
    static let trace = try! Trace.record(lesson.problem)
}
