/// The serialised model: a versioned JSON document with the learned trees (or weights) over behaviour-token features,
/// the calibration, the thresholds and a record of how it was trained.
///
/// It holds no sample content.
public struct ModelFile: Sendable, Hashable, Codable {
    /// The version of this document's layout.
    public static let currentFormat = 1

    /// The layout version.
    public var format: Int
    /// The model's identity, stored in the verdict cache beside each score.
    public var modelVersion: String
    /// The feature definitions' version (`FeatureOptions.currentVersion` when trained).
    public var featureVersion: Int
    /// The feature families read.
    public var features: FeatureOptions
    /// The learner.
    public var estimator: EstimatorKind
    /// Feature names, by column.
    public var vocabulary: [String]
    /// The boosted trees (for `.boostedTrees`).
    var trees: GradientBoostedTrees?
    /// The logistic regression (for `.logisticRegression`).
    var linear: LogisticRegression?
    /// Margin → calibrated probability.
    public var calibration: PlattCalibrator
    /// The default thresholds, chosen on out-of-fold scores, per ecosystem.
    public var thresholds: ThresholdSet
    /// How the model was trained.
    public var training: TrainingRecord
}

/// How a model was trained and what its out-of-fold figures were.
public struct TrainingRecord: Sendable, Hashable, Codable {
    /// SHA-256 over the training corpora's labels (see `CorpusDigest` in LockgateKit).
    public var corpusHash: String
    /// The corpus folders' names, as given.
    public var corpora: [String]
    /// The seed.
    public var seed: UInt64
    /// Packages per stratum (`npm/malicious`, ...).
    public var samples: [String: Int]
    /// The configuration.
    public var configuration: TrainingConfiguration
    /// Out-of-fold figures of the calibration folds at each ecosystem's block threshold: `overall`, `npm`, `pypi`.
    public var outOfFold: [String: MetricsSummary]

    /// Creates a record.
    public init(
        corpusHash: String, corpora: [String], seed: UInt64, samples: [String: Int],
        configuration: TrainingConfiguration, outOfFold: [String: MetricsSummary]
    ) {
        self.corpusHash = corpusHash
        self.corpora = corpora
        self.seed = seed
        self.samples = samples
        self.configuration = configuration
        self.outOfFold = outOfFold
    }
}
