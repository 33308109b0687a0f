/// The limits a lesson file must keep. They are far above what a lesson needs, and low enough that
/// a typo such as `"epochs": 1e12` is refused with a message instead of running for a week.
public enum LessonLimits {
    /// `input_size`, `hidden_size` and `output_size` are whole numbers from 1 to this.
    public static let maxSize = 4096
    /// `training.epochs` is a whole number from 1 to this.
    public static let maxEpochs = 10_000_000
    /// A sequence (training inputs, or `apply.inputs`) has 1 to this many timesteps.
    public static let maxSequenceLength = 1_000_000
    /// A lesson file has at most this many bytes (16 MiB). A file of nothing but numbers takes
    /// about 30 times its size in memory once parsed (measured: 16 MiB of `[0],[0],…` peaks at
    /// 0.6 GB), so this also bounds what reading a file can cost.
    public static let maxFileBytes = 16 * 1024 * 1024
    /// An `id` has 1 to this many characters.
    public static let maxIDLength = 64
}
