// swift-tools-version:6.0
// gru-explain: a GRU that shows every number. No third-party packages.
import PackageDescription
import Foundation

/// GRUCore's kernels are built for the host's AVX2 when it has it, as `-march=native` would: on
/// x86-64 without it, SIMD4<Double> is two SSE halves, and training at hidden size 128 takes
/// 1.6 times as long. The numbers are the same bit for bit either way: no fused multiply-add is
/// generated, and every sum keeps its order (docs/performance.md). `GRU_EXPLAIN_PORTABLE=1`
/// builds for baseline x86-64, for a binary that must run on other machines.
func coreSettings() -> [SwiftSetting] {
    let optimized = optimizedInDebug
    #if os(Linux) && arch(x86_64)
    if ProcessInfo.processInfo.environment["GRU_EXPLAIN_PORTABLE"] == nil,
       let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
       flags.split(separator: " ").contains("avx2") {
        return optimized + [.unsafeFlags(["-target-cpu", "haswell"]), .define("GRU_EXPLAIN_AVX2")]
    }
    #endif
    return optimized
}

/// The engine (GRUCore, and the benchmark built with its settings), the JSON reader, the lesson
/// decoder, the marker and the renderer are compiled with `-O` in debug builds too: `swift run
/// gru-explain …` and `swift test` build debug, and there numeric Swift runs 10 to 50 times slower
/// than optimized (lesson3 trains in 1.3 s instead of 0.1 s; marking 200 sheets waits on it), and
/// the renderer's string handling about 2 times (a third of the test run's own CPU). `-O` keeps the
/// traps of arrays and of integer overflow, and changes no number: the kernels' bit-identity
/// tests and the golden files hold either way. It drops the index checks of unsafe buffer
/// pointers (the kernels, editDistance, UTF8Problem), which only -Onone makes: `.ci/run` also runs
/// GRUCoreTests and GRUJSONTests built with `GRU_EXPLAIN_ONONE=1`, which turns `-O` off, also for
/// a debugger. The command line stays unoptimized, quick to rebuild and to step through.
let optimizedInDebug: [SwiftSetting] =
    ProcessInfo.processInfo.environment["GRU_EXPLAIN_ONONE"] == nil ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "gru-explain",
    products: [
        .executable(name: "gru-explain", targets: ["gru-explain"]),
    ],
    targets: [
        // Pure math and the trace model: cell forward/backward, sequence, loss, SGD, the keys of every
        // traced value; and what is computed from traces: a problem under several conventions and
        // where they first part (ConventionComparison).
        .target(name: "GRUCore", swiftSettings: coreSettings()),
        // A small JSON reader (with line/column positions) and writer (shortest round-trip numbers);
        // the text of a lesson or answers file as UTF-8, or what it probably is instead (UTF8Text).
        .target(name: "GRUJSON", swiftSettings: optimizedInDebug),
        // Lesson files: decoding, validation with JSON-path error messages, bundled lessons.
        .target(name: "GRULessons", dependencies: ["GRUCore", "GRUJSON"], swiftSettings: optimizedInDebug),
        // Trace → JSON, text tables, Markdown, TSV; zh/en strings. It formats what GRUCore computes:
        // ComparisonReport lays out a ConventionComparison, GradientCheckReport+Render a GradientCheckReport.
        .target(name: "GRURender", dependencies: ["GRUCore", "GRUJSON", "GRULessons", "GRUCheck"], swiftSettings: optimizedInDebug),
        // Answer sheets: reading a student's filled worksheet and marking it with follow-through.
        .target(name: "GRUCheck", dependencies: ["GRUCore", "GRUJSON"], swiftSettings: optimizedInDebug),
        // Argument parsing, commands, exit codes.
        .target(name: "GRUExplainCLI", dependencies: ["GRUCore", "GRUJSON", "GRULessons", "GRURender", "GRUCheck"]),
        // A few lines: hand the arguments to GRUExplainCLI and exit with its status.
        .executableTarget(name: "gru-explain", dependencies: ["GRUExplainCLI", "GRUCore"]),
        // Training throughput against numpy and PyTorch baselines: swift run -c release gru-explain-bench
        // Built with GRUCore's settings, so that its machine bound is measured with the same instructions.
        .executableTarget(name: "gru-explain-bench", dependencies: ["GRUCore"], exclude: ["baselines"],
                          swiftSettings: coreSettings()),

        // What the test targets share: the bundled lessons and their traces, recorded once per test run,
        // the simulated student with a calculator (HandStudent), and child processes run without holding
        // one of the test run's threads (ChildProcess).
        .target(name: "GRUTestSupport", dependencies: ["GRUCore", "GRULessons", "GRUCheck"], path: "Tests/GRUTestSupport"),

        .testTarget(name: "GRUCoreTests", dependencies: ["GRUCore"]),
        .testTarget(name: "GRUJSONTests", dependencies: ["GRUJSON"]),
        // GRURender: the words of lesson-file messages are in its catalogue (LessonError.lines).
        .testTarget(name: "GRULessonsTests", dependencies: ["GRULessons", "GRURender", "GRUTestSupport"],
                    resources: [.copy("Malformed")]),
        .testTarget(name: "GRURenderTests", dependencies: ["GRURender", "GRULessons", "GRUCheck", "GRUTestSupport"],
                    exclude: ["Scripts"], resources: [.copy("Golden")]),
        // Scripts/step_pty.py drives `run --step` on a pseudo-terminal (PseudoTerminalTests runs it from the source tree).
        .testTarget(name: "GRUExplainCLITests",
                    dependencies: ["GRUExplainCLI", "GRUCore", "GRUJSON", "GRULessons", "GRUCheck", "GRURender", "GRUTestSupport"],
                    exclude: ["Scripts"]),
        .testTarget(name: "GRUCheckTests", dependencies: ["GRUCheck", "GRURender", "GRUTestSupport"],
                    resources: [.copy("Sheets")]),
    ]
)
