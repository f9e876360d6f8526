/// Which learner a model uses.
public enum EstimatorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Gradient-boosted decision trees (the shipped model).
    case boostedTrees = "boosted-trees"
    /// L2-regularised logistic regression (the baseline).
    case logisticRegression = "logistic-regression"
}

/// Everything that decides how a model is trained, recorded in the model file.
public struct TrainingConfiguration: Sendable, Hashable, Codable {
    /// The learner.
    public var estimator: EstimatorKind
    /// Boosted-trees hyper-parameters.
    public var boosting: BoostingParameters
    /// Logistic-regression hyper-parameters.
    public var linear: LinearParameters
    /// The feature families read.
    public var features: FeatureOptions
    /// A feature enters the vocabulary when it occurs in at least this many training packages.
    public var minimumFeatureCount: Int
    /// Grouped folds of the training set whose out-of-fold scores fit the calibration and the thresholds.
    public var calibrationFolds: Int
    /// The block threshold keeps the benign out-of-fold false-positive rate of each ecosystem at most this.
    public var blockFalsePositiveRate: Double
    /// The warn threshold keeps the benign out-of-fold false-positive rate of each ecosystem at most this.
    public var warnFalsePositiveRate: Double
    /// Weight rows so that each (ecosystem, label) cell weighs the same: the model learns no ecosystem prior.
    public var balanceCells: Bool
    /// Divide each row's weight by the square root of its group's size, so that large families do not dominate.
    public var groupWeighting: Bool

    /// Creates a configuration; the defaults are the shipped model's.
    public init(
        estimator: EstimatorKind = .boostedTrees, boosting: BoostingParameters = .init(),
        linear: LinearParameters = .init(), features: FeatureOptions = .full, minimumFeatureCount: Int = 3,
        calibrationFolds: Int = 4, blockFalsePositiveRate: Double = 0.003, warnFalsePositiveRate: Double = 0.02,
        balanceCells: Bool = true, groupWeighting: Bool = true
    ) {
        self.estimator = estimator
        self.boosting = boosting
        self.linear = linear
        self.features = features
        self.minimumFeatureCount = minimumFeatureCount
        self.calibrationFolds = calibrationFolds
        self.blockFalsePositiveRate = blockFalsePositiveRate
        self.warnFalsePositiveRate = warnFalsePositiveRate
        self.balanceCells = balanceCells
        self.groupWeighting = groupWeighting
    }
}
