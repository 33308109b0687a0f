import Testing
import GRUCore
import GRULessons

/// `init` (seeded random parameters) and `input_scale`, the two fields lesson3 needs.
@Suite struct SeededInitAndInputScaleTests {
    static let seeded = tiny((#"""
      "parameters": {
        "Wz": [[0.3], [0.3]], "Uz": [[0.05, 0.05], [0.05, 0.05]], "bz": [0.1, 0.1],
        "Wr": [[0.25], [0.25]], "Ur": [[0.3, 0.3], [0.3, 0.3]], "br": [0.2, 0.2],
        "Wh": [[0.5], [0.5]], "Uh": [[0.5, 0.5], [0.5, 0.5]], "bh": [0, 0],
        "Why": [[0.5, 0.5]], "by": [0.1]
      },
    """#, #"""
      "init": {"seed": 7, "scale": 0.5},
    """#))

    /// The first six draws of SplitMix64 with seed 7, mapped by (2u − 1)·0.5, as printed by an
    /// independent Python implementation of the generator (docs/lesson-format.md gives it):
    /// they fill Wz row by row, then Uz row by row.
    @Test func initDrawsEveryEntryInParameterOrderRowByRow() throws {
        let lesson = try decode(Self.seeded)
        let p = lesson.problem.parameters
        #expect(lesson.initialisation == SeededInitialisation(seed: 7, scale: 0.5))
        let wz: [Double] = [-0.11017025160872851, -0.4832117054718439]
        let uz: [Double] = [0.4007606806068834, 0.08293029302807808, -0.047558104988531635, -0.25056847771725665]
        #expect(p.Wz.values == wz)
        #expect(p.Uz.values == uz)
        // The rest continue the same stream; before_matmul draws no bhn.
        var rng = SplitMix64(seed: 7)
        for name in ParameterName.used(by: lesson.problem.config) {
            #expect(p[name] == p[name].map { _ in rng.nextSymmetric(scale: 0.5) }, "\(name)")
        }
        #expect(p.bhn.allSatisfy { $0 == 0 })
        for name in ParameterName.allCases {
            #expect(p[name].allSatisfy { $0 >= -0.5 && $0 < 0.5 })
        }
    }

    @Test func afterMatmulDrawsBhnBetweenBhAndWhy() throws {
        let lesson = try decode(Self.seeded.replacingOccurrences(
            of: #""output_size": 1}"#, with: #""output_size": 1, "reset": "after_matmul"}"#))
        let before = try decode(Self.seeded).problem.parameters
        let after = lesson.problem.parameters
        #expect(after.bh == before.bh)
        #expect(after.bhn.contains { $0 != 0 })
        #expect(after.bhn.allSatisfy { $0 >= -0.5 && $0 < 0.5 })
        #expect(after.Why != before.Why)   // bhn took two draws before Why
    }

    @Test func theSameSeedGivesTheSameParametersAndScaleZeroGivesZeros() throws {
        #expect(try decode(Self.seeded).problem == decode(Self.seeded).problem)
        let zeros = try decode(Self.seeded.replacingOccurrences(of: #""scale": 0.5"#, with: #""scale": 0"#))
        #expect(zeros.problem.parameters == Parameters(zerosFor: zeros.problem.config))
    }

    @Test func inputScaleMultipliesEveryInputButNoTarget() throws {
        let lesson = try decode(tiny(
            (#""sequences": ["#, #""input_scale": 0.1,"# + "\n  " + #""sequences": ["#),
            (#""epochs": 10}"#, #""epochs": 10},"# + "\n  " + #""apply": {"inputs": [4, 5, 6], "expected": [5, 6, 7]}"#)))
        let p = lesson.problem
        #expect(lesson.inputScale == 0.1)
        let scaled: [[Double]] = [[0.1 * 1.0], [0.1 * 2.0], [0.1 * 3.0]]
        let scaledApply: [[Double]] = [[0.1 * 4.0], [0.1 * 5.0], [0.1 * 6.0]]
        let targets: [[Double]] = [[2], [3], [4]], expected: [[Double]] = [[5], [6], [7]]
        #expect(p.sequences[0].inputs == scaled)
        #expect(p.sequences[0].targets == targets)
        #expect(p.applyInputs == scaledApply)
        #expect(p.applyExpected == expected)
        #expect(try decode(tinyLesson).inputScale == 1)
    }
}
