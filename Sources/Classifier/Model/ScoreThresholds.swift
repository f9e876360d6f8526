/// The default policy's score thresholds: a calibrated score ≥ `block` blocks, ≥ `warn` warns.
public struct ScoreThresholds: Sendable, Hashable, Codable {
    /// The block threshold.
    public var block: Double
    /// The warn threshold (≤ block).
    public var warn: Double

    /// Creates thresholds.
    /// - Parameters:
    ///   - block: The block threshold.
    ///   - warn: The warn threshold; raised no higher than `block`.
    public init(block: Double, warn: Double) {
        self.block = block
        self.warn = min(warn, block)
    }
}

/// Detection figures of one slice, as the model file records them.
public struct MetricsSummary: Sendable, Hashable, Codable {
    /// Malicious packages.
    public var malicious: Int
    /// Benign packages.
    public var benign: Int
    /// Precision at the block threshold.
    public var precision: Double
    /// Recall at the block threshold.
    public var recall: Double
    /// F1 at the block threshold.
    public var f1: Double
    /// False-positive rate at the block threshold.
    public var falsePositiveRate: Double
    /// ROC-AUC (nil when a class is missing).
    public var rocAUC: Double?

    /// Summarises metrics.
    /// - Parameter metrics: The metrics.
    public init(_ metrics: BinaryMetrics) {
        malicious = metrics.positives
        benign = metrics.negatives
        precision = metrics.precision
        recall = metrics.recall
        f1 = metrics.f1
        falsePositiveRate = metrics.falsePositiveRate
        rocAUC = metrics.rocAUC
    }
}
