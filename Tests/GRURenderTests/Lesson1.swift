import GRUCore
import GRULessons
import GRUTestSupport

/// lesson1 as gru-explain bundles it (lessons/lesson1.json), and its trace (recorded once per
/// test run, in GRUTestSupport).
enum Lesson1 {
    static var lesson: Lesson { Bundled.lesson1 }
    static var trace: Trace { Bundled.lesson1Trace }
}
