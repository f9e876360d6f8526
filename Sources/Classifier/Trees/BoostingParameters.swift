/// Hyper-parameters of gradient-boosted trees.
public struct BoostingParameters: Sendable, Hashable, Codable {
    /// Boosting rounds (trees).
    public var trees: Int
    /// The deepest a tree grows.
    public var maxDepth: Int
    /// Shrinkage applied to every tree.
    public var learningRate: Double
    /// L2 regularisation of leaf values.
    public var lambda: Double
    /// The smallest summed hessian (weighted) a child may have.
    public var minChildWeight: Double
    /// The fewest training rows a child may have.
    public var minSamplesLeaf: Int
    /// The share of rows each tree sees (drawn without replacement, seeded).
    public var rowSample: Double
    /// The share of columns each tree may split on (seeded).
    public var columnSample: Double
    /// Histogram bins per column, bin 0 (absent) included.
    public var maxBins: Int
    /// The smallest gain a split must bring.
    public var minGain: Double

    /// Creates parameters; the defaults are the shipped model's.
    public init(
        trees: Int = 300, maxDepth: Int = 4, learningRate: Double = 0.08, lambda: Double = 1,
        minChildWeight: Double = 1,
        minSamplesLeaf: Int = 5, rowSample: Double = 0.8, columnSample: Double = 0.3, maxBins: Int = 32,
        minGain: Double = 0
    ) {
        self.trees = trees
        self.maxDepth = maxDepth
        self.learningRate = learningRate
        self.lambda = lambda
        self.minChildWeight = minChildWeight
        self.minSamplesLeaf = minSamplesLeaf
        self.rowSample = rowSample
        self.columnSample = columnSample
        self.maxBins = maxBins
        self.minGain = minGain
    }
}
