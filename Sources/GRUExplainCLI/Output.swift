import Foundation
import GRURender

/// Where a command's output goes: standard output, or a file that is written atomically (a
/// temporary file beside it, renamed over it only when everything was written).
/// Text is gathered into 64 KiB chunks, so streaming a large trace costs few system calls.
///
/// A link is followed: the file it points to is replaced and the link stays. Something that is
/// not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written to directly: there
/// is nothing to replace atomically, and a rename would put a file in place of the device.
final class Output {
    private let path: String?
    /// The temporary file, renamed over `destination` on commit; nil when writing directly.
    private let temporary: URL?
    private let destination: String?
    private let handle: FileHandle?
    private let writeOut: (String) -> Void
    private var buffer = ""
    private var failure: String?

    /// No command modifies a file it reads: `-o` naming the lesson or the answers file (by any
    /// path, a link included) is refused before anything runs. So is `-o` naming a directory.
    static func refuseToReplace(inputs: [String], with path: String) throws(UsageError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw UsageError(.outputIsDirectory, path)
        }
        guard let target = identity(path) else { return }
        for input in inputs where identity(input) == target {
            throw UsageError(.outputIsInput, path, input)
        }
    }

    /// The device and inode of the file at `path` (after links), or nil when there is none.
    private static func identity(_ path: String) -> [UInt64]? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path),
              let device = (a[.systemNumber] as? NSNumber)?.uint64Value,
              let inode = (a[.systemFileNumber] as? NSNumber)?.uint64Value else { return nil }
        return [device, inode]
    }

    /// Opens `path` for writing (nil: standard output through `context`).
    init(path: String?, context: Context) throws(UsageError) {
        self.path = path
        writeOut = context.writeOut
        guard let path else { temporary = nil; destination = nil; handle = nil; return }
        if Self.existsAndIsNotARegularFile(path) {
            guard let h = FileHandle(forWritingAtPath: path) else {
                throw UsageError(.outputPermission, path)
            }
            temporary = nil
            destination = nil
            handle = h
            return
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError(.outputNoDirectory, path, directory.path)
        }
        let temp = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil),
              let h = try? FileHandle(forWritingTo: temp) else {
            throw UsageError(.outputCannotCreate, path, directory.path)
        }
        temporary = temp
        destination = target.path
        handle = h
        Self.removeOnSignal(temp.path)
    }

    /// The temporary file being written, for the signal handlers (which can capture nothing): a
    /// C string allocated before they are installed, so that they only call unlink.
    nonisolated(unsafe) private static var pendingTemporary: UnsafeMutablePointer<CChar>? = nil

    /// Until commit or discard, SIGINT, SIGTERM and SIGHUP remove the temporary file and then end
    /// the process as the signal would have: an interrupted run leaves no `.FILE.pid.tmp` behind,
    /// and the file it was replacing stays as it was.
    private static func removeOnSignal(_ path: String) {
        pendingTemporary = strdup(path)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(sig) { number in
                if let path = Output.pendingTemporary { _ = unlink(path) }
                _ = signal(number, SIG_DFL)
                _ = raise(number)
            }
        }
    }

    /// The temporary file is gone (renamed or removed): the signals' usual behaviour is back.
    private static func forgetTemporary() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { _ = signal(sig, SIG_DFL) }
        free(pendingTemporary)
        pendingTemporary = nil
    }

    /// True for a device, a pipe or a socket (after links), false for a regular file or nothing.
    private static func existsAndIsNotARegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
    }

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if let handle {
            do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { failure = failure ?? writeErrorReason(error) }
        } else {
            writeOut(buffer)
        }
        buffer = ""
    }

    /// Finishes: for a file, renames the temporary file over the target.
    func commit() throws(UsageError) {
        flush()
        guard let path, let handle else { return }
        try? handle.close()
        defer { if temporary != nil { Self.forgetTemporary() } }
        if let failure {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw UsageError(.outputFailed, path, failure)
        }
        guard let temporary, let destination else { return }   // written directly
        // The replacement keeps the mode of the file it replaces (a chmod 600 file stays 600).
        var old = stat()
        if stat(destination, &old) == 0 { _ = chmod(temporary.path, old.st_mode & 0o7777) }
        if rename(temporary.path, destination) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw UsageError(.outputFailed, path, reason)
        }
    }

    /// Gives up: a file that was being written is removed, and an existing target is left as it was.
    func discard() {
        buffer = ""
        guard let handle else { return }
        try? handle.close()
        if let temporary {
            try? FileManager.default.removeItem(at: temporary)
            Self.forgetTemporary()
        }
    }
}

/// Writes `text` to `path` atomically: replaced only when the whole output was written.
func writeAtomically(_ text: String, to path: String, context: Context) throws(UsageError) {
    let output = try Output(path: path, context: context)
    output.write(text)
    try output.commit()
}

/// Why a write failed, in the system's words ("No space left on device", "Broken pipe"), rather
/// than Foundation's "The operation could not be completed. …".
func writeErrorReason(_ error: Error) -> String {
    let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
    return posix.map { String(cString: strerror(Int32($0))) } ?? error.localizedDescription
}
