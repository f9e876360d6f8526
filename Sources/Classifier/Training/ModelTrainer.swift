import Foundation
import LockgateCore

/// Trains the behaviour-sequence model: fits the learner, calibrates it on grouped out-of-fold margins (Platt), picks
/// the block and warn thresholds on the calibrated out-of-fold scores, and refits on every sample.
///
/// Deterministic: the same samples, configuration and seed give the same model, byte for byte.
public struct ModelTrainer: Sendable {
    /// How to train.
    public var configuration: TrainingConfiguration

    /// Creates a trainer.
    /// - Parameter configuration: How to train.
    public init(configuration: TrainingConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Where the training corpora came from, recorded in the model.
    public struct Provenance: Sendable, Hashable {
        /// SHA-256 over the corpora's labels.
        public var corpusHash: String
        /// The corpus folders' names.
        public var corpora: [String]

        /// Creates a provenance record.
        /// - Parameters:
        ///   - corpusHash: SHA-256 over the corpora's labels.
        ///   - corpora: The corpus folders' names.
        public init(corpusHash: String, corpora: [String]) {
            self.corpusHash = corpusHash
            self.corpora = corpora
        }
    }

    /// Trains a model on every sample.
    /// - Parameters:
    ///   - samples: The labelled sequences.
    ///   - seed: The seed of every random choice.
    ///   - provenance: The corpora, recorded in the model.
    /// - Returns: The model.
    /// - Throws: `ClassifierError.cannotTrain` when a class is missing.
    public func train(_ samples: [LabelledSequence], seed: UInt64, provenance: Provenance) throws(ClassifierError)
        -> BehaviourClassifier
    {
        let extractor = FeatureExtractor(options: configuration.features)
        let extractions = samples.map { extractor.extract($0.sequence) }
        let file = try trainFile(
            samples: samples, extractions: extractions, indices: Array(samples.indices), seed: seed,
            provenance: provenance)
        return try BehaviourClassifier(file: file)
    }

    /// Trains a model document on some of the samples (the evaluator calls this once per fold).
    /// - Parameters:
    ///   - samples: Every sample.
    ///   - extractions: Every sample's features (from this configuration's extractor).
    ///   - indices: The samples to train on.
    ///   - seed: The seed.
    ///   - provenance: The corpora.
    /// - Returns: The document.
    /// - Throws: `ClassifierError.cannotTrain` when a class is missing.
    func trainFile(
        samples: [LabelledSequence], extractions: [FeatureExtractor.Extraction], indices: [Int], seed: UInt64,
        provenance: Provenance
    ) throws(ClassifierError) -> ModelFile {
        let labels = samples.map(\.isMalicious)
        guard indices.contains(where: { labels[$0] }), indices.contains(where: { !labels[$0] }) else {
            throw .cannotTrain("the training samples need both malicious and benign packages")
        }
        let weights = FittedEstimator.weights(for: samples, indices: indices, configuration: configuration)
        let margins = outOfFoldMargins(
            samples: samples, extractions: extractions, labels: labels, indices: indices, seed: seed)
        let calibration = PlattCalibrator.fit(
            margins: indices.map { margins[$0] }, labels: indices.map { labels[$0] },
            weights: indices.map { weights[$0] })
        let scores = indices.map { calibration.probability(margins[$0]) }
        var perEcosystem: [String: ScoreThresholds] = [:]
        for ecosystem in Ecosystem.allCases {
            let benign = zip(indices, scores).filter { !labels[$0.0] && samples[$0.0].ecosystem == ecosystem }.map(\.1)
            guard !benign.isEmpty else { continue }
            perEcosystem[ecosystem.rawValue] = ScoreThresholds(
                block: ThresholdSelector.threshold(
                    benignScores: [benign], maxFalsePositiveRate: configuration.blockFalsePositiveRate),
                warn: ThresholdSelector.threshold(
                    benignScores: [benign], maxFalsePositiveRate: configuration.warnFalsePositiveRate))
        }
        let strictest = ScoreThresholds(
            block: perEcosystem.values.map(\.block).max() ?? 0.5, warn: perEcosystem.values.map(\.warn).max() ?? 0.5)
        let thresholds = ThresholdSet(all: strictest, ecosystems: perEcosystem)
        var generator = SeededGenerator.derived(seed: seed, stream: 1)
        let fitted = FittedEstimator(
            configuration: configuration, extractions: extractions, labels: labels, weights: weights, indices: indices,
            generator: &generator)
        var outOfFold: [String: MetricsSummary] = [:]
        let slices: [(String, Ecosystem?)] = [("overall", nil)] + Ecosystem.allCases.map { ($0.rawValue, $0) }
        for (name, ecosystem) in slices {
            let chosen = zip(indices, scores).filter { ecosystem == nil || samples[$0.0].ecosystem == ecosystem }
            guard !chosen.isEmpty else { continue }
            let flagged = chosen.map { $0.1 >= thresholds.thresholds(for: samples[$0.0].ecosystem).block ? 1.0 : 0 }
            var summary = MetricsSummary(
                BinaryMetrics(scores: flagged, labels: chosen.map { labels[$0.0] }, threshold: 1))
            summary.rocAUC = ROCCurve.area(scores: chosen.map(\.1), labels: chosen.map { labels[$0.0] })
            outOfFold[name] = summary
        }
        var samplesPerStratum: [String: Int] = [:]
        for index in indices { samplesPerStratum[samples[index].stratum, default: 0] += 1 }
        let record = TrainingRecord(
            corpusHash: provenance.corpusHash, corpora: provenance.corpora, seed: seed, samples: samplesPerStratum,
            configuration: configuration, outOfFold: outOfFold)
        var file = ModelFile(
            format: ModelFile.currentFormat, modelVersion: "", featureVersion: FeatureOptions.currentVersion,
            features: configuration.features, estimator: configuration.estimator, vocabulary: fitted.vocabulary.names,
            trees: fitted.trees, linear: fitted.linear, calibration: calibration, thresholds: thresholds,
            training: record)
        file.modelVersion = modelVersion(of: file, provenance: provenance, seed: seed)
        return file
    }

    // MARK: - Private

    /// Margins of each sample from a model that did not see its group (grouped folds inside `indices`).
    private func outOfFoldMargins(
        samples: [LabelledSequence], extractions: [FeatureExtractor.Extraction], labels: [Bool], indices: [Int],
        seed: UInt64
    ) -> [Double] {
        let folds = max(configuration.calibrationFolds, 2)
        let assignment = GroupedKFold.assign(
            groups: indices.map { samples[$0].group }, strata: indices.map { samples[$0].stratum }, folds: folds,
            seed: seed)
        var margins = [Double](repeating: 0, count: samples.count)
        for fold in 0..<folds {
            let train = zip(indices, assignment).filter { $0.1 != fold }.map(\.0)
            let test = zip(indices, assignment).filter { $0.1 == fold }.map(\.0)
            guard !test.isEmpty, train.contains(where: { labels[$0] }), train.contains(where: { !labels[$0] }) else {
                continue
            }
            let foldWeights = FittedEstimator.weights(for: samples, indices: train, configuration: configuration)
            var generator = SeededGenerator.derived(seed: seed, stream: 100 + UInt64(fold))
            let fitted = FittedEstimator(
                configuration: configuration, extractions: extractions, labels: labels, weights: foldWeights,
                indices: train, generator: &generator)
            for index in test { margins[index] = fitted.margin(extractions[index]) }
        }
        return margins
    }

    /// `m<format>.f<features>.<learner>.<corpus hash>.s<seed>.<content hash>`: the content hash (FNV-1a over the
    /// document's sorted-key JSON, version field empty) changes whenever anything learned or configured changes,
    /// even when the corpus and seed do not (a retrain after an analyser change).
    private func modelVersion(of file: ModelFile, provenance: Provenance, seed: UInt64) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(file)) ?? Data()
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let learner = configuration.estimator == .boostedTrees ? "gbt" : "lr"
        let corpus = provenance.corpusHash.prefix(12)
        let content = String(hash, radix: 16)
        return "m\(ModelFile.currentFormat).f\(FeatureOptions.currentVersion).\(learner).\(corpus).s\(seed)."
            + String(repeating: "0", count: max(0, 16 - content.count)) + content
    }
}
