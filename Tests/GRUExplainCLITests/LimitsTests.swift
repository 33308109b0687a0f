import Foundation
import Testing
import GRULessons
@testable import GRUExplainCLI

/// A lesson too large to run is refused in one line, before anything of its trace is allocated,
/// with the estimate and the limit (docs/robustness.md).
@Suite struct LimitsTests {
    /// A lesson with hidden size `H`, input and output size 1, one sequence of `T` zeros and
    /// every parameter 0.1; written to a temporary file whose path is returned.
    static func lesson(H: Int, T: Int, epochs: Int) throws -> String {
        func matrix(_ rows: Int, _ cols: Int) -> String {
            "[" + Array(repeating: "[" + Array(repeating: "0.1", count: cols).joined(separator: ",") + "]", count: rows).joined(separator: ",") + "]"
        }
        func vector(_ n: Int) -> String { "[" + Array(repeating: "0.1", count: n).joined(separator: ",") + "]" }
        let zeros = "[" + Array(repeating: "0", count: T).joined(separator: ",") + "]"
        let text = """
            {"format": "gru-explain.lesson/1", "id": "big",
             "title": {"zh": "大", "en": "big"}, "description": {"zh": "大", "en": "big"},
             "model": {"input_size": 1, "hidden_size": \(H), "output_size": 1},
             "parameters": {"Wz": \(matrix(H, 1)), "Uz": \(matrix(H, H)), "bz": \(vector(H)),
                            "Wr": \(matrix(H, 1)), "Ur": \(matrix(H, H)), "br": \(vector(H)),
                            "Wh": \(matrix(H, 1)), "Uh": \(matrix(H, H)), "bh": \(vector(H)),
                            "Why": \(matrix(1, H)), "by": [0]},
             "sequences": [{"inputs": \(zeros), "targets": \(zeros)}],
             "training": {"learning_rate": 0.01, "epochs": \(epochs)}}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-big-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// H = 8, T = 50,000: P = 3·8 + 3·64 + 3·8 + 8 + 1 = 249, and 249 + 68 + 89 = 406 numbers per
    /// timestep (LessonCost), 2e7 in all: gigabytes as a walkthrough, 61 MiB to train alone (the
    /// kernel's buffers hold 9H + 2O = 74 doubles per step, 3.8e6 doubles in all, 29 MiB, and the
    /// process's base).
    @Test func aTraceTooLargeForMemoryIsRefusedWithTheEstimateAndTheLimit() throws {
        let path = try Self.lesson(H: 8, T: 50_000, epochs: 1)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = runCLI(["run", path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("gru-explain: \(path): this lesson would need about 15.2 GiB of memory for --format text (a detailed trace of 2e7 numbers over 50000 timesteps); the limit is "), "\(r.stderr)")
        #expect(r.stderr.hasSuffix(", or run with --only training (about 61 MiB), which trains without showing the detailed trace\n"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(runCLI(["run", path, "--format", "tsv"]).stderr.contains("about 5.7 GiB of memory for --format tsv"))
        // The worksheet says which command needed it, and has no --only training to suggest.
        let worksheet = runCLI(["worksheet", path])
        #expect(worksheet.status == 2 && worksheet.stderr.contains("for 'worksheet'") && !worksheet.stderr.contains("--only"))
    }

    @Test func whatFitsIsLetThrough() throws {
        let path = try Self.lesson(H: 8, T: 50_000, epochs: 1)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lesson = try LessonLibrary.load(path)
        let limits = LessonCost.Limits(memoryBytes: Double(1 << 30), work: 1e12)
        func refusal(_ arguments: [String]) -> String? {
            guard let parsed = try? ParsedArguments.parse(arguments, options: RunCommand.options, command: "run") else { return "unparsed" }
            do { try CostGuard.checkCost(lesson, parsed, limits: limits); return nil } catch { return error.message }
        }
        #expect(refusal([path, "--only", "training"]) == nil)
        #expect(refusal([path, "--only", "training,apply,model", "--format", "markdown"]) == nil)
        #expect(refusal([path, "--only", "training,forward"]) != nil)
        // JSON is written while it is computed: 2e7 numbers fit.
        #expect(refusal([path, "--format", "json"]) == nil)
        // HTML is held to its own limit, which the memory limit does not reach first here.
        #expect(refusal([path, "--format", "html"])?.contains("would need about 15.2 GiB") == true)
        #expect(refusal([path, "--format", "html", "--only", "training"]) == nil)
        // With too little memory even for training alone, no suggestion.
        let tight = LessonCost.Limits(memoryBytes: Double(50 << 20), work: 1e12)
        let parsed = try ParsedArguments.parse([path], options: RunCommand.options, command: "run")
        let e = #expect(throws: UsageError.self) { try CostGuard.checkCost(lesson, parsed, limits: tight) }
        #expect(e?.message.hasSuffix("; the limit is 50 MiB (1 GiB, or a quarter of this machine's memory if less); shorten the sequences or lower hidden_size") == true, "\(e?.message ?? "")")
    }

    /// A trace small enough for memory but too many numbers for slides: H = 8, T = 100 shows
    /// 42,295 numbers, over --format html's 20,000 (P = 249: the parameters 249, forward 100 × 68,
    /// loss 100 × 2, BPTT 100 × 89, accumulation 101 × 249, update 3 × 249, training 249 + 1).
    /// The forward pass of one timestep fits: 68 numbers.
    @Test func tooManyNumbersForSlidesIsRefused() throws {
        let path = try Self.lesson(H: 8, T: 100, epochs: 1)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = runCLI(["run", path, "--format", "html"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(path): the slides would show 42295 numbers, too many to lay out; --format html shows at most 20000 numbers; try --only forward --timestep 1 (68 numbers), or --format text or markdown\n")
    }

    /// 10⁷ epochs × 200 timesteps × 3 × 249 multiply-adds ≈ 1.5e12, over the limit of 1e12.
    @Test func tooMuchWorkIsRefused() throws {
        let path = try Self.lesson(H: 8, T: 200, epochs: 10_000_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = runCLI(["run", path, "--only", "training"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(path): this lesson would take about 1.5e12 multiply-adds (10000000 epochs × 200 timesteps × 3 × 249 parameters); the limit is 1e12; lower epochs, hidden_size or the sequence lengths\n")
    }

    /// compare trains four times; gradcheck does two passes per parameter: H = 64 is 12,737
    /// parameters, so 1,100 timesteps are 2 × 12,737 × 1,100 × 3 × 12,737 ≈ 1.1e12 multiply-adds.
    /// export computes nothing and is never refused.
    @Test func compareAndGradcheckCountTheirOwnWork() throws {
        let trainsLong = try Self.lesson(H: 8, T: 200, epochs: 2_000_000)
        defer { try? FileManager.default.removeItem(atPath: trainsLong) }
        #expect(runCLI(["compare", trainsLong]).stderr == "gru-explain: \(trainsLong): this lesson would take about 1.2e12 multiply-adds (4 conventions × 2000000 epochs × 200 timesteps × 3 × 249 parameters); the limit is 1e12; lower epochs, hidden_size or the sequence lengths\n")
        let wide = try Self.lesson(H: 64, T: 1_100, epochs: 1)
        defer { try? FileManager.default.removeItem(atPath: wide) }
        let r = runCLI(["gradcheck", wide])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(wide): the gradient check would take about 1.1e12 multiply-adds (2 passes × 12737 parameters, each pass 1100 timesteps × 3 × 12737); the limit is 1e12; lower hidden_size or the sequence lengths\n")
        let export = runCLI(["export", wide, "--to", "pytorch"])
        #expect(export.status == 0 && export.stderr.isEmpty)
    }

    /// The bundled lessons are far within both limits, for every command.
    @Test(arguments: LessonLibrary.bundledIDs)
    func bundledLessonsAreWithinTheLimits(_ id: String) throws {
        let lesson = try LessonLibrary.load(id)
        let limits = LessonCost.Limits.standard(physicalMemory: ProcessInfo.processInfo.physicalMemory)
        let cost = LessonCost(lesson.problem)
        for output in [LessonCost.Output.json, .tsv, .text, .markdown, .html, .worksheet, .check, .compare, .gradcheck] {
            #expect(cost.memoryBytes(output) < limits.memoryBytes / 4, "\(id) \(output)")
        }
        #expect(cost.work < limits.work / 1000 && cost.gradientCheckWork < limits.work / 1000)
        #expect(cost.detailNumbers < LessonCost.maxHTMLNumbers / 2)
    }
}
