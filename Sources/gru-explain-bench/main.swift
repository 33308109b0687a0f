// gru-explain-bench: training throughput with tracing off, compared in the same run with
// numpy and PyTorch (CPU, float64, one thread) implementations of the same math.
//
//     swift run -c release gru-explain-bench [--quick] [--no-baselines]
//
// Results and the machine they were measured on are recorded in docs/performance.md.
import Foundation
import GRUCore

let arguments = Set(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let withBaselines = !arguments.contains("--no-baselines")

/// A model like issue 7's benchmark: input size 8, output size 1, T = 64, batch 1, seeded weights.
func benchmarkProblem(hidden H: Int, T: Int = 64) -> Problem {
    let c = ModelConfig(inputSize: 8, hiddenSize: H, outputSize: 1, update: .zTimesPrevious, reset: .afterMatmul)
    var rng = SplitMix64(seed: 1)
    var p = Parameters(zerosFor: c)
    let scale = 1 / Double(H).squareRoot()
    for name in ParameterName.allCases { p[name] = p[name].map { _ in rng.nextSymmetric(scale: scale) } }
    let inputs = (0..<T).map { _ in (0..<8).map { _ in rng.nextSymmetric(scale: 1) } }
    let targets = (0..<T).map { _ in [rng.nextSymmetric(scale: 1)] }
    return Problem(config: c, parameters: p, h0: .init(repeating: 0, count: H),
                   sequences: [TrainingSequence(inputs: inputs, targets: targets)], learningRate: 0.01, epochs: 1)
}

/// Floating-point operations of one epoch (forward + BPTT + update), counting a multiply-add as 2.
func flopsPerEpoch(hidden H: Int, input I: Int = 8, T: Int = 64) -> Double {
    let matvec = 2.0 * Double(3 * H * I + 3 * H * H + H)            // the six W/U products and Why
    let forward = matvec + 30 * Double(H)
    let backward = 2 * matvec + 40 * Double(H)                     // weight outer products + transposed products
    let params = Double(3 * H * I + 3 * H * H + 4 * H + H + 1)
    return Double(T) * (forward + backward) + 2 * params
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Median seconds per epoch over `rounds` rounds of `epochs` epochs.
func swiftEpochTime(hidden H: Int, epochs: Int, rounds: Int) -> Double {
    let problem = benchmarkProblem(hidden: H)
    let kernel = TrainingKernel(problem, parameters: problem.parameters)
    var times: [Double] = []
    var sink = 0.0
    for _ in 0..<rounds {
        times.append(seconds {
            for _ in 0..<epochs {
                sink += kernel.lossAndGradient()
                kernel.step(learningRate: 1e-9)
            }
        } / Double(epochs))
    }
    if sink.isNaN { print("(diverged)") }
    return times.sorted()[times.count / 2]
}

/// Runs a Python baseline; returns seconds per epoch, or nil with the reason printed.
func baseline(_ script: String, hidden H: Int, epochs: Int, rounds: Int) -> Double? {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", here.appendingPathComponent("baselines/\(script)").path,
                         "--hidden", String(H), "--epochs", String(epochs), "--rounds", String(rounds)]
    var env = ProcessInfo.processInfo.environment
    env["OMP_NUM_THREADS"] = "1"; env["MKL_NUM_THREADS"] = "1"; env["OPENBLAS_NUM_THREADS"] = "1"
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    do { try process.run() } catch { print("  (\(script): cannot start python3)"); return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, let value = Double(text) else {
        print("  (\(script) unavailable: \(text.isEmpty ? "exit \(process.terminationStatus)" : text))")
        return nil
    }
    return value
}

// --profile H [--epochs N]: N (default 20) epochs at hidden size H and nothing else, for
// `valgrind --tool=callgrind` or `perf record`. Prints milliseconds per epoch.
if let k = CommandLine.arguments.firstIndex(of: "--profile"), k + 1 < CommandLine.arguments.count,
   let H = Int(CommandLine.arguments[k + 1]) {
    var epochs = 20
    if let e = CommandLine.arguments.firstIndex(of: "--epochs"), e + 1 < CommandLine.arguments.count,
       let n = Int(CommandLine.arguments[e + 1]), n > 0 { epochs = n }
    print(String(format: "%.4f ms/epoch", swiftEpochTime(hidden: H, epochs: epochs, rounds: 1) * 1000))
    exit(0)
}

/// The machine's bound for this build: GFLOP/s of a register-only loop of independent SIMD4
/// multiply-adds on one core (no memory traffic), the best this code could hope for. This target
/// is built with GRUCore's settings (Package.swift), so the loop uses the same instructions as
/// the kernels: with AVX2 a SIMD4 is one register, and twelve chains hide the latency of a
/// multiply followed by an add; with SSE it is two, and eight chains fill the sixteen registers.
func peakGFLOPs() -> Double {
    #if GRU_EXPLAIN_AVX2
    let chains = 12
    #else
    let chains = 8
    #endif
    var a = (0..<chains).map { SIMD4<Double>(repeating: 0.1 * Double($0 + 1)) }
    let m = SIMD4<Double>(repeating: 0.999999), c = SIMD4<Double>(repeating: 1e-9)
    let n = 20_000_000
    let t = a.withUnsafeMutableBufferPointer { p in
        seconds {
            var a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3], a4 = p[4], a5 = p[5], a6 = p[6], a7 = p[7]
            #if GRU_EXPLAIN_AVX2
            var a8 = p[8], a9 = p[9], a10 = p[10], a11 = p[11]
            #endif
            for _ in 0..<n {
                a0 = a0 * m + c; a1 = a1 * m + c; a2 = a2 * m + c; a3 = a3 * m + c
                a4 = a4 * m + c; a5 = a5 * m + c; a6 = a6 * m + c; a7 = a7 * m + c
                #if GRU_EXPLAIN_AVX2
                a8 = a8 * m + c; a9 = a9 * m + c; a10 = a10 * m + c; a11 = a11 * m + c
                #endif
            }
            p[0] = a0; p[1] = a1; p[2] = a2; p[3] = a3; p[4] = a4; p[5] = a5; p[6] = a6; p[7] = a7
            #if GRU_EXPLAIN_AVX2
            p[8] = a8; p[9] = a9; p[10] = a10; p[11] = a11
            #endif
        }
    }
    if a.reduce(SIMD4<Double>(repeating: 0), +).sum().isNaN { print("(nan)") }
    return Double(n) * Double(chains) * 4 * 2 / t / 1e9
}

#if GRU_EXPLAIN_AVX2
let instructionSet = "AVX2 (built for this host's CPU; GRU_EXPLAIN_PORTABLE=1 builds for baseline x86-64)"
#elseif arch(x86_64)
let instructionSet = "baseline x86-64 (SSE2)"
#else
let instructionSet = "the toolchain's default for this architecture"
#endif

print("gru-explain-bench: training, tracing off; input 8, T = 64, batch 1, float64")
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(ProcessInfo.processInfo.operatingSystemVersionString)")
let peak = (0..<3).map { _ in peakGFLOPs() }.max() ?? 0
print("kernels built for: \(instructionSet)")
print(String(format: "machine bound (one core, register-only SIMD multiply-add loop, this build): %.1f GFLOP/s", peak))
print("")
let header = ["H", "swift ms/epoch", "GFLOP/s (%)", "numpy ms", "torch ms", "× numpy", "× torch"]
print(header.map { $0.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined())
for H in [16, 64, 128, 256] {
    let epochs = quick ? max(2, 2048 / H) : max(5, 16384 / H)
    let rounds = quick ? 3 : 5
    let swift = swiftEpochTime(hidden: H, epochs: epochs, rounds: rounds)
    let numpy = withBaselines ? baseline("numpy_gru.py", hidden: H, epochs: max(2, epochs / 8), rounds: rounds) : nil
    let torch = withBaselines ? baseline("torch_gru.py", hidden: H, epochs: max(2, epochs / 8), rounds: rounds) : nil
    let gflops = flopsPerEpoch(hidden: H) / swift / 1e9
    _ = peak
    func ms(_ s: Double?) -> String { s.map { String(format: "%.3f", $0 * 1000) } ?? "—" }
    func ratio(_ s: Double?) -> String { s.map { String(format: "%.1f×", $0 / swift) } ?? "—" }
    let row = [String(H), ms(swift), String(format: "%.2f (%.0f%%)", gflops, 100 * gflops / peak), ms(numpy), ms(torch), ratio(numpy), ratio(torch)]
    print(row.map { $0.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined())
}

// MARK: - End to end, and memory while streaming the JSON trace

/// The gru-explain binary built beside this one.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gru-explain")

/// Runs gru-explain with stdout to /dev/null; returns (seconds, peak resident set in MiB of that child).
func runChild(_ arguments: [String]) -> (seconds: Double, peakMiB: Double, status: Int32, cpu: Double)? {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    var usage = rusage()
    let start = DispatchTime.now().uptimeNanoseconds
    do { try process.run() } catch { return nil }
    // wait4 reaps this child and reports its own peak RSS (ru_maxrss, in KiB on Linux).
    var status: Int32 = 0
    let pid = process.processIdentifier
    guard wait4(pid, &status, 0, &usage) == pid else { return nil }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    // CPU time (user + system, all threads): what the run costs whatever else the machine is doing.
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (seconds, Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xFF, cpu)
}

/// Runs gru-explain and returns its standard output.
func capture(_ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// A lesson much larger than the bundled ones: hidden 32, input 8, one sequence of 200 steps.
func bigLesson(epochs: Int, T: Int = 200) -> URL {
    let H = 32, I = 8
    var rng = SplitMix64(seed: 3)
    func matrix(_ rows: Int, _ cols: Int) -> String {
        "[" + (0..<rows).map { _ in "[" + (0..<cols).map { _ in "\(rng.nextSymmetric(scale: 0.3))" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }
    func vector(_ n: Int) -> String { "[" + (0..<n).map { _ in "\(rng.nextSymmetric(scale: 0.3))" }.joined(separator: ",") + "]" }
    let inputs = "[" + (0..<T).map { _ in vector(I) }.joined(separator: ",") + "]"
    let targets = "[" + (0..<T).map { _ in "[\(rng.nextSymmetric(scale: 1))]" }.joined(separator: ",") + "]"
    let json = """
    {"format": "gru-explain.lesson/1", "id": "big", "title": {"zh": "大", "en": "big"}, "description": {"zh": "大", "en": "big"},
     "model": {"input_size": \(I), "hidden_size": \(H), "output_size": 1},
     "parameters": {"Wz": \(matrix(H, I)), "Uz": \(matrix(H, H)), "bz": \(vector(H)), "Wr": \(matrix(H, I)), "Ur": \(matrix(H, H)),
                    "br": \(vector(H)), "Wh": \(matrix(H, I)), "Uh": \(matrix(H, H)), "bh": \(vector(H)), "Why": \(matrix(1, H)), "by": [0.0]},
     "sequences": [{"inputs": \(inputs), "targets": \(targets)}],
     "training": {"learning_rate": 0.001, "epochs": \(epochs)}}
    """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-bench-big-\(epochs)-\(T).json")
    try? Data(json.utf8).write(to: url)
    return url
}

print("")
if FileManager.default.isExecutableFile(atPath: binary.path) {
    let lesson1 = (0..<5).compactMap { _ in runChild(["run", "lesson1"])?.seconds }.sorted()
    if !lesson1.isEmpty {
        print(String(format: "end to end: gru-explain run lesson1 (text, all sections): %.1f ms (median of 5)", lesson1[lesson1.count / 2] * 1000))
    }
    print("peak memory of gru-explain run <big lesson: H 32, I 8, T 200> --format json > /dev/null:")
    for epochs in [10, 100, 1000] {
        let file = bigLesson(epochs: epochs)
        if let r = runChild(["run", file.path, "--format", "json"]) {
            print(String(format: "  %5d epochs: %6.1f MiB peak, %.2f s, exit %d", epochs, r.peakMiB, r.seconds, r.status))
        }
        try? FileManager.default.removeItem(at: file)
    }
    print("… and as the sequence grows (10 epochs):")
    for T in [200, 800, 3200] {
        let file = bigLesson(epochs: 10, T: T)
        if let r = runChild(["run", file.path, "--format", "json"]) {
            print(String(format: "  T = %4d: %6.1f MiB peak, %.2f s, exit %d", T, r.peakMiB, r.seconds, r.status))
        }
        try? FileManager.default.removeItem(at: file)
    }
    // A class (issue 12): 200 lesson1 worksheets, each of another variant (the costly case: 200
    // variants drawn, checked and trained), every line filled from `run --format tsv --digits 4`
    // (259 answers), marked by one 'check'.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-bench-class-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for n in 1...200 {
        var key: [Substring: Substring] = [:]
        for line in capture(["run", "lesson1", "--variant", String(n), "--format", "tsv", "--digits", "4"]).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { key[parts[0]] = parts[1] }
        }
        let sheet = capture(["worksheet", "lesson1", "--variant", String(n)]).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix(" =") ? line + " " + (key[line.dropLast(2)] ?? "") : line
        }.joined(separator: "\n")
        try? Data(sheet.utf8).write(to: folder.appendingPathComponent(String(format: "student%03d.txt", n)))
    }
    let marking = (0..<3).compactMap { _ in runChild(["check", "lesson1", folder.path, "--format", "csv"]) }
    if let median = marking.map(\.seconds).sorted().dropFirst(marking.count / 2).first,
       let cpu = marking.map(\.cpu).sorted().dropFirst(marking.count / 2).first {
        print(String(format: "a class: gru-explain check lesson1 <200 filled worksheets, 200 variants> --format csv: %.2f s (median of 3; %.2f s CPU), %.1f MiB peak, exit %d",
                     median, cpu, marking[0].peakMiB, marking[0].status))
    }
    try? FileManager.default.removeItem(at: folder)
} else {
    print("(end-to-end and memory rows need the gru-explain binary beside this one: swift build -c release)")
}
