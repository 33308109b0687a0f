import GRUCore
import GRULessons

/// The bundled lessons and their trained traces, loaded and recorded once per test run and shared
/// by the suites of every test target (all of them run in one process).
///
/// lesson3 trains for about 1.3 s in a debug build, and a dozen suites used to train it each on
/// its own. `Trace.record` is a pure function of the problem (DeterminismTests holds it to the
/// same bits on every call), so the shared trace is the one each suite would have recorded itself.
/// A test that is about recording (the flags `trained:` and `detailed:`, an edited problem, the
/// streamed JSON) still calls `Trace.record` itself.
public enum Bundled {
    public static let lesson1 = load("lesson1")
    public static let lesson2 = load("lesson2")
    public static let lesson3 = load("lesson3")

    public static let lesson1Trace = record(lesson1)
    public static let lesson2Trace = record(lesson2)
    public static let lesson3Trace = record(lesson3)

    /// A bundled lesson by its id (lesson1, lesson2, lesson3).
    public static func lesson(_ id: String) -> Lesson {
        switch id {
        case "lesson1": lesson1
        case "lesson2": lesson2
        case "lesson3": lesson3
        default: preconditionFailure("\(id) is not a bundled lesson")
        }
    }

    /// A bundled lesson's trace, trained and detailed, as `run` prints it.
    public static func trace(_ id: String) -> Trace {
        switch id {
        case "lesson1": lesson1Trace
        case "lesson2": lesson2Trace
        case "lesson3": lesson3Trace
        default: preconditionFailure("\(id) is not a bundled lesson")
        }
    }

    private static func load(_ id: String) -> Lesson {
        do { return try LessonLibrary.load(id) } catch { preconditionFailure("bundled \(id) does not load: \(error)") }
    }

    private static func record(_ lesson: Lesson) -> Trace {
        do { return try Trace.record(lesson.problem) } catch { preconditionFailure("bundled \(lesson.id) diverges: \(error)") }
    }
}
