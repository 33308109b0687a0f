import GRUCore
import Foundation

/// Where lessons come from: the lessons built into gru-explain, or a lesson file the user names.
///
/// The bundled lessons are the files lessons/*.json, compiled into the binary through
/// `BundledLessons.generated.swift`, so `gru-explain run lesson1` works from any directory.
public enum LessonLibrary {
    /// The ids of the bundled lessons, in file-name order (lesson2 before lesson10).
    public static var bundledIDs: [String] { bundledFiles.map(\.id) }

    /// Every bundled lesson, decoded. A bundled lesson that does not decode is a bug in
    /// gru-explain (BundledLessonsTests catches it); it is reported as an error, never a crash.
    public static var bundled: [Lesson] {
        get throws(LessonError) {
            var lessons: [Lesson] = []
            for file in bundledFiles { lessons.append(try decodeBundled(file)) }
            return lessons
        }
    }

    /// The lesson that `reference` names: a file when it ends in `.json` or contains a `/`
    /// (see `isPath`), otherwise the id of a bundled lesson.
    /// `admit` may refuse a valid lesson from its cost, before its parameters are made
    /// (`LessonDecoder.decode`).
    public static func load(_ reference: String, admit: ((LessonCost) -> Bool)? = nil) throws(LessonError) -> Lesson {
        // `run ""`: no name at all (spaces alone are no name either).
        if reference.allSatisfy(\.isWhitespace) {
            throw LessonError(file: "", path: "", message: say(.emptyLessonName, .list(bundledIDs)))
        }
        if isPath(reference) { return try loadFile(reference, admit: admit) }
        guard let file = bundledFiles.first(where: { $0.id == reference }) else {
            // A file of that name (without .json or a /) is most likely what the user meant.
            if FileManager.default.fileExists(atPath: reference) {
                throw LessonError(file: reference, path: "", message:
                    say(.notBundledFileExists, .list(bundledIDs), .literal("./" + reference)))
            }
            // "LESSON1", "lesson 2": the nearest bundled name, when one is near and nearer than the
            // rest (lesson9 is as near to lesson1 as to lesson3: no guess).
            let key = reference.replacing(" ", with: "")
            let distances = bundledIDs.map { editDistance(Array(key.lowercased()), Array($0.lowercased())) }
            let nearest = nearestName(to: key, among: bundledIDs)
            let unique = distances.filter { $0 == distances.min() }.count == 1
            let ids = LessonMessage.list(bundledIDs)
            let message = nearest.flatMap { unique ? say(.unknownLessonDidYouMean, .literal($0), ids) : nil } ?? say(.unknownLesson, ids)
            throw LessonError(file: reference, path: "", message: message)
        }
        return try decodeBundled(file, admit: admit)
    }

    /// True when `reference` is the path of a lesson file rather than a bundled id: it ends in
    /// `.json` (in any case) or contains a `/`.
    public static func isPath(_ reference: String) -> Bool {
        reference.lowercased().hasSuffix(".json") || reference.contains("/")
    }

    /// Reads and decodes the lesson file at `path`. Errors name the file as given.
    ///
    /// The size limit (`LessonLimits.maxFileBytes`) is checked before the file is read, and only
    /// regular files are read, so `/dev/zero` or a huge file is refused at once.
    public static func loadFile(_ path: String, admit: ((LessonCost) -> Bool)? = nil) throws(LessonError) -> Lesson {
        func failure(_ message: LessonMessage) -> LessonError { LessonError(file: path, path: "", message: message) }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // "lesson1.json" where no such file is here: the bundled lesson is named without .json.
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            if !path.contains("/"), bundledIDs.contains(stem) {
                throw failure(say(.noSuchFileBundled, .literal(stem)))
            }
            throw failure(say(.noSuchFile))
        }
        guard !isDirectory.boolValue else {
            throw failure(say(.isDirectory))
        }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = (try? manager.attributesOfItem(atPath: resolved)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw failure(say(.notRegularFile))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        try LessonDecoder.checkSize(size, file: path)
        guard manager.isReadableFile(atPath: resolved) else {
            throw failure(say(.permissionDenied))
        }
        // Read at most one byte past the limit, in case the file grew since its size was read.
        guard let handle = FileHandle(forReadingAtPath: resolved),
              let data = try? handle.read(upToCount: LessonLimits.maxFileBytes + 1) ?? Data() else {
            throw failure(say(.cannotRead))
        }
        try? handle.close()
        try LessonDecoder.checkSize(data.count, file: path)
        return try LessonDecoder.decode([UInt8](data), file: path, source: path, admit: admit)
    }

    private static func decodeBundled(_ file: (id: String, json: String), admit: ((LessonCost) -> Bool)? = nil) throws(LessonError) -> Lesson {
        try LessonDecoder.decode(Array(file.json.utf8), file: "lessons/\(file.id).json (bundled)", source: "bundled", admit: admit)
    }
}
