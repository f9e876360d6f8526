import LockgateCore

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

/// The default policy's thresholds: one pair for every ecosystem, and an override per ecosystem (the policy file's
/// `thresholds` and `ecosystems.<name>.thresholds`).
public struct ThresholdSet: Sendable, Hashable, Codable {
    /// The thresholds of an ecosystem without an override (the strictest of the ecosystems' own).
    public var all: ScoreThresholds
    /// Per-ecosystem thresholds, by `Ecosystem.rawValue`.
    public var ecosystems: [String: ScoreThresholds]

    /// Creates a set.
    /// - Parameters:
    ///   - all: The thresholds of an ecosystem without an override.
    ///   - ecosystems: Per-ecosystem thresholds, by raw value.
    public init(all: ScoreThresholds, ecosystems: [String: ScoreThresholds] = [:]) {
        self.all = all
        self.ecosystems = ecosystems
    }

    /// The thresholds that apply to an ecosystem.
    /// - Parameter ecosystem: The ecosystem.
    /// - Returns: Its override, else the top-level pair.
    public func thresholds(for ecosystem: Ecosystem) -> ScoreThresholds { ecosystems[ecosystem.rawValue] ?? all }

    /// `block 0.98, warn 0.80 (npm block …, warn …; pypi …)`.
    public var summary: String {
        let parts = ecosystems.keys.sorted().compactMap { key in
            ecosystems[key].map { "\(key): block \($0.block), warn \($0.warn)" }
        }
        return "block \(all.block), warn \(all.warn)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))")
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
