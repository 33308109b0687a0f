extension GradientCheck {
    /// The same central differences as `numerical`, bit for bit, through `TrainingKernel`: the
    /// kernel's loss is bit-identical to `Training.pass`, and each entry is set to θᵢ + ε and
    /// θᵢ − ε exactly as `numerical` bumps it, then restored. Without a trace to record, it is
    /// fast enough to check thousands of lesson variants (LessonVariant).
    public static func numericalWithKernel(_ problem: Problem, at p: Parameters,
                                           epsilon: Double = defaultEpsilon) -> Parameters {
        let kernel = TrainingKernel(problem, parameters: p)
        var g = Parameters(zerosFor: problem.config)
        for name in ParameterName.used(by: problem.config) {
            var entries = g[name]
            let base = kernel.theta + kernel.offset[name]!
            for i in entries.indices {
                let θ = base[i]
                base[i] = θ + epsilon
                let lPlus = kernel.lossAndGradient()
                base[i] = θ + -epsilon
                let lMinus = kernel.lossAndGradient()
                base[i] = θ
                entries[i] = (lPlus - lMinus) / (2 * epsilon)
            }
            g[name] = entries
        }
        return g
    }
}
