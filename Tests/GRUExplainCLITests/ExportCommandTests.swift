import Foundation
import Testing
import GRULessons
@testable import GRUExplainCLI

/// Python 3 with torch, when this machine has it: the exported scripts need it.
enum PythonTorch {
    /// The output of `python3 -c "import torch"`, or why it failed.
    static let availability: (ok: Bool, reason: String) = {
        do {
            let r = try python(["-c", "import torch; print(torch.__version__)"])
            return r.status == 0 ? (true, "torch " + r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
                                 : (false, "python3 cannot import torch: " + (r.stderr.split(separator: "\n").last.map(String.init) ?? ""))
        } catch {
            return (false, "python3 is not on PATH (\(error.localizedDescription))")
        }
    }()

    static func python(_ arguments: [String]) throws -> CLIResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
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

    /// Runs the exported script of every bundled lesson with python3 and torch (float64) and
    /// compares every line with `run --format tsv`: the same keys in the same order, and values
    /// within 1e-9 relative (|a − b| ≤ 1e-9·max(|a|, |b|)). Skipped without torch.
    @Test(.enabled(if: PythonTorch.availability.ok, "needs python3 with torch: \(PythonTorch.availability.reason)"),
          arguments: LessonLibrary.bundledIDs)
    func theScriptPrintsWhatRunPrints(_ id: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("\(id).py").path
        #expect(runCLI(["export", id, "--to", "pytorch", "-o", script]).status == 0)
        let python = try PythonTorch.python([script])
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
            let rounded = try PythonTorch.python([script, "--digits", "6", "--only", "forward,loss,accumulation,update"])
            #expect(rounded.stdout == runCLI(["run", id, "--format", "tsv", "--digits", "6", "--only", "forward,loss,accumulation,update"]).stdout)
        }
    }
}
