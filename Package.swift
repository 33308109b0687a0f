// swift-tools-version:6.0
// gru-explain: a GRU that shows every number. No third-party packages.
import PackageDescription

let package = Package(
    name: "gru-explain",
    products: [
        .executable(name: "gru-explain", targets: ["gru-explain"]),
    ],
    targets: [
        // Pure math and the trace model: cell forward/backward, sequence, loss, SGD.
        .target(name: "GRUCore"),
        // A small JSON reader (with line/column positions) and writer (shortest round-trip numbers).
        .target(name: "GRUJSON"),
        // Lesson files: decoding, validation with JSON-path error messages, bundled lessons.
        .target(name: "GRULessons", dependencies: ["GRUCore", "GRUJSON"]),
        // Trace → JSON, text tables, Markdown, TSV; zh/en strings.
        .target(name: "GRURender", dependencies: ["GRUCore", "GRUJSON", "GRULessons", "GRUCheck"]),
        // Answer sheets: reading a student's filled worksheet and marking it with follow-through.
        .target(name: "GRUCheck", dependencies: ["GRUCore", "GRUJSON", "GRULessons"]),
        // Argument parsing, commands, exit codes.
        .target(name: "GRUExplainCLI", dependencies: ["GRUCore", "GRUJSON", "GRULessons", "GRURender", "GRUCheck"]),
        // A few lines: hand the arguments to GRUExplainCLI and exit with its status.
        .executableTarget(name: "gru-explain", dependencies: ["GRUExplainCLI"]),
        // Training throughput against numpy and PyTorch baselines: swift run -c release gru-explain-bench
        .executableTarget(name: "gru-explain-bench", dependencies: ["GRUCore"], exclude: ["baselines"]),

        .testTarget(name: "GRUCoreTests", dependencies: ["GRUCore"]),
        .testTarget(name: "GRUJSONTests", dependencies: ["GRUJSON"]),
        .testTarget(name: "GRULessonsTests", dependencies: ["GRULessons"],
                    resources: [.copy("Malformed")]),
        .testTarget(name: "GRURenderTests", dependencies: ["GRURender", "GRULessons", "GRUCheck"],
                    exclude: ["Scripts"], resources: [.copy("Golden")]),
        // Scripts/step_pty.py drives `run --step` on a pseudo-terminal (PseudoTerminalTests runs it from the source tree).
        .testTarget(name: "GRUExplainCLITests",
                    dependencies: ["GRUExplainCLI", "GRUCore", "GRUJSON", "GRULessons", "GRUCheck"],
                    exclude: ["Scripts"]),
        .testTarget(name: "GRUCheckTests", dependencies: ["GRUCheck", "GRURender"],
                    resources: [.copy("Sheets")]),
    ]
)
