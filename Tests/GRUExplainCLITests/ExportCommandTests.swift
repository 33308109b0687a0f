import Foundation
import Testing
import GRUCore
import GRULessons
import GRUTestSupport
@testable import GRURender
@testable import GRUExplainCLI

/// Python 3 with torch, when this machine has it: the exported scripts need it.
enum PythonTorch {
    /// The output of `python3 -c "import torch"`, or why it failed.
    static let availability: (ok: Bool, reason: String) = {
        do {
            let r = try pythonNow(["-c", "import torch; print(torch.__version__)"])
            return r.status == 0 ? (true, "torch " + r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
                                 : (false, "python3 cannot import torch: " + (r.stderrText.split(separator: "\n").last.map(String.init) ?? ""))
        } catch {
            return (false, "python3 is not on PATH (\(error.localizedDescription))")
        }
    }()

    /// True when `python3` runs at all (torch or not).
    static let pythonRuns: Bool = (try? pythonNow(["-c", "pass"]))?.status == 0

    /// For the two checks above, static initializers that cannot suspend.
    static func pythonNow(_ arguments: [String]) throws -> ProcessOutput {
        try ChildProcess.runBlocking(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    static func python(_ arguments: [String], standardInput: String? = nil) async throws -> CLIResult {
        try await runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, standardInput: standardInput)
    }
}

/// `key<TAB>value` lines as (key, value).
func tsvEntries(_ text: String) -> [(key: String, value: Double)] {
    text.split(separator: "\n").map { line in
        let parts = line.split(separator: "\t")
        return (String(parts[0]), parts.count > 1 ? Double(parts[1]) ?? .nan : .nan)
    }
}

@Suite struct ExportCommandTests {
    @Test func theScriptCarriesTheLessonAndPicksItsModel() {
        let gru = runCLI(["export", "lesson2", "--to", "pytorch"])
        #expect(gru.status == 0, "\(gru.stderr)")
        #expect(gru.stdout.hasPrefix("#!/usr/bin/env python3\n# lesson2 in PyTorch (float64)"))
        #expect(gru.stdout.contains("self.gru = torch.nn.GRU(I, H, batch_first=True)"))
        #expect(gru.stdout.contains("\"bhn\": [0.05, -0.05],"))
        #expect(gru.stdout.contains("Z_SIGN = 1.0"))
        let cell = runCLI(["export", "lesson1", "--to", "pytorch"])
        #expect(cell.stdout.contains("a hand-written GRU cell trained with autograd"))
        #expect(!cell.stdout.contains("torch.nn.GRU("))
        #expect(cell.stdout.contains("rh = r * h_prev"))
        let seeded = runCLI(["export", "lesson3", "--to", "pytorch"])
        #expect(seeded.stdout.contains("# Drawn by \"init\": {\"seed\": 7, \"scale\": 0.5}"))
        #expect(seeded.stdout.contains("already multiplied by input_scale = 0.1"))
    }

    @Test func writesAFileAndRefusesUnknownTargets() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lesson1.py").path
        let r = runCLI(["export", "lesson1", "--to", "pytorch", "-o", file])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == runCLI(["export", "lesson1", "--to", "pytorch"]).stdout)
        expectUsageErrors([
            (["export", "lesson1"], "export: say what to export to: --to pytorch"),
            (["export", "lesson1", "--to", "onnx"], "--to must be one of pytorch, found 'onnx'"),
            (["export", "--to", "pytorch"], "which lesson?"),
        ])
    }

    /// The per-timestep key lists come from the registry (`TraceKey.StepQuantity`), in its order,
    /// with `rh`/`n_h` and `drh`/`dn_h` chosen by the script's RESET. A BPTT quantity is read as
    /// the gradient autograd leaves on what it is the derivative of (`d` + its name): a forward
    /// quantity of the step, or the copies h_out and h_prev the script keeps; a new backward
    /// quantity that follows no such name fails here, before anyone runs torch.
    @Test func theKeyListsFollowTheRegistry() {
        #expect(PyTorchExport.forwardNames
                == #""a_z", "z", "a_r", "r", "rh" if RESET == "before_matmul" else "n_h", "a_h", "h_tilde", "h", "y""#)
        let items = PyTorchExport.stepItems(.bptt) { $0.rawValue }
        #expect(items.map(\.text) == ["dy", "dh_out", "dh_rec", "dh", "dz", "dh_tilde", "da_h",
                                      #"drh if RESET == "before_matmul" else dn_h"#, "dr", "da_r", "da_z", "dh_prev"])
        #expect(items.map(\.alone) == items.map { $0.text.contains(" if ") })
        for q in TraceKey.StepQuantity.allCases where q.isBackward && q != .dhRec {
            let of = String(q.rawValue.dropFirst())
            let known = TraceKey.StepQuantity(rawValue: of).map { !$0.isBackward } ?? ["h_out", "h_prev"].contains(of)
            #expect(known && q.rawValue.hasPrefix("d"), "\(q.rawValue): the script has no value named \(of)")
        }
        #expect(PyTorchExport.gradient(.dz) == #"v["z"].grad"# && PyTorchExport.gradient(.dhRec) == "dh_rec")
    }

    /// Without torch too: the script of every bundled lesson (before_matmul in lesson1,
    /// after_matmul in lessons 2 and 3) is Python that python3 compiles. (It once handed python3
    /// the script's text where the name of a file was wanted, so python3 compiled nothing: the
    /// script's length is now checked on python3's side.)
    @Test(.enabled(if: PythonTorch.pythonRuns, "python3 is not on PATH"), arguments: LessonLibrary.bundledIDs)
    func theScriptCompiles(_ id: String) async throws {
        let dir = scratchFolder("gru-explain-export")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(id).py").path
        let script = runCLI(["export", id, "--to", "pytorch", "-o", file])
        #expect(script.status == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        #expect(size > 1000, "\(id): the script has \(size) bytes")
        let r = try await PythonTorch.python(["-c", "import sys; text = sys.stdin.read(); compile(text, 'export.py', 'exec'); print(len(text.encode()))"],
                                             standardInput: file)
        #expect(r.status == 0, "\(id): \(r.stderr)")
        #expect(r.stdout == "\(size)\n", "\(id): python3 read \(r.stdout) bytes of \(size)")
    }

    /// Runs the exported script of every bundled lesson with python3 and torch (float64) and
    /// compares every line with `run --format tsv`: the same keys in the same order, and values
    /// within 1e-9 relative (|a − b| ≤ 1e-9·max(|a|, |b|)). Skipped without torch.
    @Test(.enabled(if: PythonTorch.availability.ok, "needs python3 with torch: \(PythonTorch.availability.reason)"),
          arguments: LessonLibrary.bundledIDs)
    func theScriptPrintsWhatRunPrints(_ id: String) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("\(id).py").path
        #expect(runCLI(["export", id, "--to", "pytorch", "-o", script]).status == 0)
        let python = try await PythonTorch.python([script])
        try #require(python.status == 0, "\(python.stderr)")
        let ours = tsvEntries(runCLI(["run", id, "--format", "tsv"]).stdout)
        let theirs = tsvEntries(python.stdout)
        #expect(theirs.map(\.key) == ours.map(\.key))
        var worst = (error: 0.0, key: "")
        for (a, b) in zip(ours, theirs) where a.value != b.value {
            let error = abs(a.value - b.value) / max(abs(a.value), abs(b.value))
            if !(error <= worst.error) { worst = (error, a.key) }
        }
        #expect(worst.error <= 1e-9, "\(id): largest relative difference \(worst.error) at \(worst.key)")
        // Rounded, the two outputs are the same text: `diff` shows nothing.
        if id == "lesson2" {
            let rounded = try await PythonTorch.python([script, "--digits", "6", "--only", "forward,loss,accumulation,update"])
            #expect(rounded.stdout == runCLI(["run", id, "--format", "tsv", "--digits", "6", "--only", "forward,loss,accumulation,update"]).stdout)
        }
    }
}
