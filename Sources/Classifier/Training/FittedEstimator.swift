import Foundation

/// A learner fitted on some rows of a training set: its vocabulary and its trees or weights, no calibration yet.
struct FittedEstimator: Sendable {
    /// The columns.
    let vocabulary: FeatureVocabulary
    /// The trees, for boosted trees.
    let trees: GradientBoostedTrees?
    /// The weights, for logistic regression.
    let linear: LogisticRegression?

    /// Fits the configured learner.
    /// - Parameters:
    ///   - configuration: How to train.
    ///   - extractions: Every sample's features.
    ///   - labels: Every sample's label.
    ///   - weights: Every sample's weight.
    ///   - indices: The samples to fit on.
    ///   - generator: The random stream.
    init(
        configuration: TrainingConfiguration, extractions: [FeatureExtractor.Extraction], labels: [Bool],
        weights: [Double], indices: [Int], generator: inout SeededGenerator
    ) {
        let chosen = indices.map { extractions[$0] }
        let vocabulary = FeatureVocabulary.build(from: chosen, minimumCount: configuration.minimumFeatureCount)
        let rows = chosen.map(vocabulary.row)
        let chosenLabels = indices.map { labels[$0] }
        let chosenWeights = Self.normalised(indices.map { weights[$0] })
        switch configuration.estimator {
        case .boostedTrees:
            let matrix = BinnedMatrix(
                rows: rows, columnCount: vocabulary.count, maxBins: configuration.boosting.maxBins)
            let trained = GradientBoostedTrees.train(
                matrix: matrix, labels: chosenLabels, weights: chosenWeights, parameters: configuration.boosting,
                generator: &generator)
            // Keep only the columns the trees use: a smaller model file, faster loading and inference.
            let used = trained.usedColumns
            let newColumn = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
            self.vocabulary = FeatureVocabulary(keys: used.map { vocabulary.keys[$0] })
            trees = trained.renumbered(newColumn)
            linear = nil
        case .logisticRegression:
            self.vocabulary = vocabulary
            trees = nil
            linear = LogisticRegression.train(
                rows: rows, columnCount: vocabulary.count, labels: chosenLabels, weights: chosenWeights,
                parameters: configuration.linear)
        }
    }

    /// The margin of one sample's features.
    /// - Parameter extraction: The features.
    /// - Returns: The log-odds.
    func margin(_ extraction: FeatureExtractor.Extraction) -> Double {
        let features = vocabulary.dense(extraction)
        if let trees { return trees.margin(features) }
        return linear?.margin(features) ?? 0
    }

    /// Row weights for training: each (ecosystem, label) cell weighs the same when asked, and each row's weight is
    /// divided by the square root of its group's size when asked; normalised to mean 1 over the rows used.
    /// - Parameters:
    ///   - samples: The samples.
    ///   - indices: The rows used.
    ///   - configuration: Which weightings apply.
    /// - Returns: A weight for every sample (rows outside `indices` get 0).
    static func weights(for samples: [LabelledSequence], indices: [Int], configuration: TrainingConfiguration)
        -> [Double]
    {
        var weights = [Double](repeating: 0, count: samples.count)
        var groupSizes: [String: Int] = [:]
        for index in indices { groupSizes[samples[index].group, default: 0] += 1 }
        for index in indices {
            let size = Double(groupSizes[samples[index].group] ?? 1)
            weights[index] = configuration.groupWeighting ? 1 / size.squareRoot() : 1
        }
        if configuration.balanceCells {
            var cellTotals: [String: Double] = [:]
            for index in indices { cellTotals[samples[index].stratum, default: 0] += weights[index] }
            for index in indices { weights[index] /= max(cellTotals[samples[index].stratum] ?? 1, 1e-12) }
        }
        let mean = indices.reduce(0.0) { $0 + weights[$1] } / Double(max(indices.count, 1))
        if mean > 0 { for index in indices { weights[index] /= mean } }
        return weights
    }

    // MARK: - Private

    /// Scales weights to mean 1.
    private static func normalised(_ weights: [Double]) -> [Double] {
        let mean = weights.reduce(0, +) / Double(max(weights.count, 1))
        return mean > 0 ? weights.map { $0 / mean } : weights
    }
}
