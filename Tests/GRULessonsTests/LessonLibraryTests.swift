import Foundation
import Testing
import GRULessons

@Suite struct LessonLibraryTests {
    static let lesson1Path = BundledLessonsTests.repository.appendingPathComponent("lessons/lesson1.json").path

    /// Runs `body` with a fresh empty folder, removed afterwards.
    static func inScratchFolder(_ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url)
    }

    @Test func aPathAndItsBundledCopyGiveTheSameLesson() throws {
        let bundled = try LessonLibrary.load("lesson1")
        let fromFile = try LessonLibrary.load(Self.lesson1Path)
        #expect(fromFile.source == Self.lesson1Path)
        #expect(bundled.source == "bundled")
        #expect(fromFile.problem == bundled.problem)
        #expect(fromFile.notes == bundled.notes)
    }

    @Test func referencesEndingInJSONOrContainingASlashArePaths() {
        #expect(LessonLibrary.isPath("my.json"))
        #expect(LessonLibrary.isPath("MY.JSON"))
        #expect(LessonLibrary.isPath("./lesson1"))
        #expect(LessonLibrary.isPath("lessons/lesson1"))
        #expect(!LessonLibrary.isPath("lesson1"))
        #expect(!LessonLibrary.isPath("lesson1.jsonx"))
    }

    @Test func anUnknownIdListsTheBundledLessons() {
        let e = #expect(throws: LessonError.self) { try LessonLibrary.load("lesson9") }
        #expect(e?.english == "lesson9: unknown lesson: the bundled lessons are \(LessonLibrary.bundledIDs.joined(separator: ", ")); to run your own lesson, give the path of a .json file")
        #expect(e?.file == "lesson9")
        #expect(LessonLibrary.bundledIDs.first == "lesson1")
    }

    /// A near miss names the bundled lesson it is nearest to, when it is nearer to one than to
    /// the others (lesson9 above is one edit from each: no guess).
    @Test func aNearMissIsNamed() {
        for (typed, meant) in [("LESSON1", "lesson1"), ("lesson 2", "lesson2"), ("lessn3", "lesson3")] {
            let e = #expect(throws: LessonError.self) { try LessonLibrary.load(typed) }
            #expect(e?.english.hasPrefix("\(typed): unknown lesson: did you mean \(meant)? the bundled lessons are") == true, "\(typed)")
        }
        // A .json name that is not a file here, whose stem is a bundled lesson (run from a folder
        // without such a file: the test's working directory holds no lesson2.json).
        let e = #expect(throws: LessonError.self) { try LessonLibrary.load("lesson2.json") }
        #expect(e?.english == "lesson2.json: no such file; the bundled lesson is named lesson2, without .json")
    }

    @Test func aMissingFileOrADirectoryIsNamed() throws {
        try Self.inScratchFolder { folder in
            let missing = folder.appendingPathComponent("nope.json").path
            let e1 = #expect(throws: LessonError.self) { try LessonLibrary.load(missing) }
            #expect(e1?.english == "\(missing): no such file")
            let e2 = #expect(throws: LessonError.self) { try LessonLibrary.load(folder.path + "/") }
            #expect(e2?.english == "\(folder.path)/: is a directory, not a lesson file; give the path of a .json file")
            let e3 = #expect(throws: LessonError.self) { try LessonLibrary.load("/dev/null") }
            #expect(e3?.english == "/dev/null: is not a regular file; give the path of a .json file")
        }
    }

    /// The size is read from the file's attributes, so a (sparse) 65 MiB file is refused without
    /// being read. The limit is 16 MiB.
    @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
        try Self.inScratchFolder { folder in
            let big = folder.appendingPathComponent("big.json")
            #expect(FileManager.default.createFile(atPath: big.path, contents: Data("{}".utf8)))
            let handle = try FileHandle(forWritingTo: big)
            try handle.truncate(atOffset: UInt64(65 * 1024 * 1024))
            try handle.close()
            let e = #expect(throws: LessonError.self) { try LessonLibrary.load(big.path) }
            #expect(e?.english == "\(big.path): the file is 65.0 MiB; a lesson file may be at most 16 MiB")
        }
    }

    @Test func aSymbolicLinkToALessonIsFollowed() throws {
        try Self.inScratchFolder { folder in
            let link = folder.appendingPathComponent("link.json")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: Self.lesson1Path)
            #expect(try LessonLibrary.load(link.path).id == "lesson1")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func anUnreadableFileIsNamed() throws {
        try Self.inScratchFolder { folder in
            let locked = folder.appendingPathComponent("locked.json")
            #expect(FileManager.default.createFile(atPath: locked.path, contents: Data(tinyLesson.utf8),
                                                   attributes: [.posixPermissions: 0o000]))
            let e = #expect(throws: LessonError.self) { try LessonLibrary.load(locked.path) }
            #expect(e?.english == "\(locked.path): permission denied: cannot read the file")
        }
    }

    @Test func errorsInAUsersFileNameThePathAsGiven() throws {
        try Self.inScratchFolder { folder in
            let file = folder.appendingPathComponent("mine.json")
            try Data(tiny(("\"hidden_size\": 2", "\"hidden_size\": 0")).utf8).write(to: file)
            let e = #expect(throws: LessonError.self) { try LessonLibrary.load(file.path) }
            #expect(e?.english == "\(file.path): model.hidden_size: expected a whole number from 1 to 4096, found the number 0")
        }
    }
}
