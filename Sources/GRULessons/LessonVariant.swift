import Foundation
import GRUCore

/// A lesson with other numbers: the same model, data and steps, new parameters, so that every
/// student of a class computes numbers of their own (docs/check.md, "For instructors").
///
/// Variant N (1…1,000,000) of a lesson is drawn by one `SplitMix64(seed: N)`:
///
/// - Parameter by parameter, in `ParameterName` order, the lesson's entries are grouped by value
///   (entries that are equal in the lesson form one group, in the order of their first entry,
///   row by row). A group of zeros stays zero; every other group gets one new value,
///
///       k = next() mod (K − 4) + 5        with K = 100·m, m the lesson's largest |θ| rounded up
///       θ = ±k / 100                       to 0.01 and kept within [0.1, 1]; minus when next() is odd
///
///   drawn again while it equals an earlier group's value of the same parameter (unless the
///   parameter has more groups than the 2·(K − 4) values), so a variant keeps which entries are
///   equal (lesson1's identical rows stay identical, and its two hidden units still agree) and
///   which are zero, and every parameter has 2 decimals, from 0.05 to m in size.
/// - The shapes, conventions, h0, inputs, targets, learning rate, epochs and new input are the
///   lesson's: the task a lesson teaches stays the same.
/// - A draw is kept when it gives a lesson worth doing by hand (`VariantConditions`): every
///   pre-activation a_z, a_r, a_h of the first pass within ±3 (no saturated gate), the one SGD
///   step lowering the loss, and every BPTT gradient entry within the gradient check's tolerance
///   of its central difference. Otherwise the next draw from the same generator is tried, up to
///   `maxDraws` times.
///
/// Variant 0 is the lesson itself.
public enum LessonVariant {
    /// The largest variant number.
    public static let maxNumber = 1_000_000
    /// How many draws variant N tries before it gives up on the lesson (a lesson whose inputs
    /// are so large that no small parameters keep its gates unsaturated).
    public static let maxDraws = 1000

    /// The variant a student id names: FNV-1a (64-bit) of the id's UTF-8 bytes, after trimming
    /// white space at both ends and composing it to Unicode NFC, then `hash mod 1,000,000 + 1`.
    ///
    ///     hash = 0xcbf29ce484222325
    ///     for each byte b: hash = (hash XOR b) · 0x100000001b3   (mod 2⁶⁴)
    ///
    /// So `2026017` is variant 123,456 on every machine, in every language. nil for an id that
    /// is empty after trimming.
    public static func number(student id: String) -> Int? {
        let normalized = id.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !normalized.isEmpty else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalized.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(maxNumber)) + 1
    }

    /// The parameters of variant `n` of `problem` (n ≥ 1), or nil when `maxDraws` draws all fail
    /// the conditions.
    ///
    /// `checkingGradients: false` skips the gradient check among the conditions (tests use it
    /// where the check's cost would make them slow; it never rejects a draw that the other
    /// conditions keep, as long as BPTT is right).
    public static func parameters(_ n: Int, of problem: Problem, checkingGradients: Bool = true) -> Parameters? {
        let c = problem.config
        let names = ParameterName.used(by: c)
        // Each parameter's groups of equal entries: the indices of each distinct value.
        let groups: [(ParameterName, [[Int]])] = names.map { name in
            var order: [Double] = []
            var members: [Double: [Int]] = [:]
            for (i, v) in problem.parameters[name].enumerated() {
                if members[v] == nil { order.append(v) }
                members[v, default: []].append(i)
            }
            return (name, order.filter { $0 != 0 }.map { members[$0] ?? [] })
        }
        let largest = names.flatMap { problem.parameters[$0] }.map(abs).max() ?? 0
        let K = UInt64(min(max((largest * 100 - 1e-9).rounded(.up), 10), 100))
        var rng = SplitMix64(seed: UInt64(n))
        for _ in 0..<maxDraws {
            var p = problem.parameters
            for (name, parameterGroups) in groups {
                var entries = p[name]
                // Entries that differ in the lesson differ in the variant too, while there are
                // enough 2-decimal values to go round (2·(K − 4) of them).
                let distinct = parameterGroups.count <= 2 * Int(K - 4)
                var used: Set<Double> = []
                for group in parameterGroups {
                    var value: Double
                    repeat {
                        let k = rng.next() % (K - 4) + 5
                        let negative = rng.next() & 1 == 1
                        value = negative ? -Double(k) / 100 : Double(k) / 100
                    } while distinct && used.contains(value)
                    used.insert(value)
                    for i in group { entries[i] = value }
                }
                p[name] = entries
            }
            var candidate = problem
            candidate.parameters = p
            if VariantConditions(candidate, checkingGradients: checkingGradients).holds { return p }
        }
        return nil
    }
}

/// What makes a variant worth doing by hand, measured on its problem (see `LessonVariant`).
public struct VariantConditions: Sendable {
    /// The largest |pre-activation| allowed at any timestep: σ(3) = 0.95, tanh(3) = 0.995.
    public static let maxPreActivation = 3.0
    /// The gradient check's defaults (`gradcheck`, GradientCheckReport): step, tolerance and the
    /// floor under which a gradient is measured against 0.01.
    public static let epsilon = GradientCheckReport.defaultEpsilon
    public static let tolerance = GradientCheckReport.defaultTolerance
    public static let floor = GradientCheckReport.floor

    /// The largest |a_z|, |a_r|, |a_h| of the first pass, over every sequence and timestep.
    public var largestPreActivation: Double
    /// L at the lesson's parameters, and after one SGD step at the lesson's learning rate.
    public var loss: Double
    public var lossAfterOneStep: Double
    /// The largest relative error of a BPTT gradient entry against its central difference; nil
    /// when the cheaper conditions already fail (it is not computed then), or when not asked for.
    public var largestGradientError: Double?
    public var checkingGradients: Bool

    public init(_ problem: Problem, checkingGradients: Bool = true) {
        self.checkingGradients = checkingGradients
        let p = problem.parameters
        var largest = 0.0
        for s in problem.sequences {
            for f in SequencePass.forward(p, problem.config, h0: problem.h0, inputs: s.inputs) {
                for v in f.aZ + f.aR + f.aH { largest = max(largest, v.isFinite ? abs(v) : .infinity) }
            }
        }
        largestPreActivation = largest
        // The kernel's L and ∂L/∂θ are bit-identical to Training.pass, without a trace.
        let kernel = TrainingKernel(problem, parameters: p)
        loss = kernel.lossAndGradient()
        let gradients = kernel.gradients
        kernel.step(learningRate: problem.learningRate)
        lossAfterOneStep = kernel.lossAndGradient()
        guard checkingGradients, largest <= Self.maxPreActivation, lossAfterOneStep < loss else { return }
        let numerical = GradientCheck.numericalWithKernel(problem, at: p, epsilon: Self.epsilon)
        var worst = 0.0
        for name in ParameterName.used(by: problem.config) {
            for (a, b) in zip(gradients[name], numerical[name]) {
                worst = max(worst, GradientCheck.relativeError(a, b, floor: Self.floor))
            }
        }
        largestGradientError = worst
    }

    /// Whether every condition holds; without `checkingGradients`, every condition but the gradient check.
    public var holds: Bool {
        largestPreActivation <= Self.maxPreActivation && lossAfterOneStep < loss
            && (checkingGradients ? largestGradientError.map { $0 <= Self.tolerance } ?? false : true)
    }
}

extension Lesson {
    /// Variant `n` of this lesson (`LessonVariant`): 0 is the lesson itself. Its parameters are
    /// given outright (no `init`), its notes (which quote the lesson's own numbers) are dropped,
    /// `variantNumber` is `n` (which renderers add to the title). Throws when `n` is outside 0…1,000,000 or when no draw meets the
    /// conditions.
    public func variant(_ n: Int) throws(LessonError) -> Lesson {
        guard n != 0 else { return self }
        let file = source == "bundled" ? id : source
        guard (1...LessonVariant.maxNumber).contains(n) else {
            throw LessonError(file: file, path: "", message: say(.variantRange, .literal(String(n)), .literal(String(LessonVariant.maxNumber))))
        }
        guard let parameters = LessonVariant.parameters(n, of: problem) else {
            throw LessonError(file: file, path: "", message: say(.variantNoDraw, .literal(String(n)), .literal(String(LessonVariant.maxDraws)),
                                                                 .literal(VariantConditions.maxPreActivation.formatted())))
        }
        var v = self
        v.problem.parameters = parameters
        v.initialisation = nil
        v.notes = [:]
        // Its title stays the lesson's; every rendering names the variant (`shownTitle` in GRURender).
        v.variantNumber = n
        return v
    }
}

private extension Double {
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
