import Foundation
import LockgateCore

/// The behaviour-sequence model at inference time: scores a package's sequence as a calibrated probability of
/// malice and explains the score by the behaviours behind it.
public struct BehaviourClassifier: Sendable {
    /// The model document.
    public let file: ModelFile
    /// Column lookup.
    let vocabulary: FeatureVocabulary
    /// The feature extractor of the model's feature families.
    let extractor: FeatureExtractor

    /// Wraps a model document after checking that it is one this build can run.
    /// - Parameter file: The document.
    /// - Throws: `ClassifierError` for another layout or feature version, or an inconsistent document.
    public init(file: ModelFile) throws(ClassifierError) {
        guard file.format == ModelFile.currentFormat else {
            throw .unsupportedVersion(what: "file format", found: file.format, expected: ModelFile.currentFormat)
        }
        guard file.featureVersion == FeatureOptions.currentVersion else {
            throw .unsupportedVersion(
                what: "feature", found: file.featureVersion, expected: FeatureOptions.currentVersion)
        }
        let keys = file.vocabulary.enumerated().map { FeatureKey(name: $1) ?? FeatureKey.unknown($0) }
        guard Set(keys).count == keys.count else { throw .malformed("the vocabulary names a feature twice") }
        switch file.estimator {
        case .boostedTrees:
            guard let trees = file.trees else { throw .malformed("boosted trees are missing") }
            guard trees.trees.allSatisfy(\.isWellFormed) else { throw .malformed("a tree is not well formed") }
            guard trees.maxColumn < keys.count else {
                throw .malformed("a tree splits on a column beyond the vocabulary")
            }
        case .logisticRegression:
            guard let linear = file.linear, linear.weights.count == keys.count, linear.scales.count == keys.count
            else { throw .malformed("the logistic regression's weights do not match the vocabulary") }
        }
        self.file = file
        self.vocabulary = FeatureVocabulary(keys: keys)
        self.extractor = FeatureExtractor(options: file.features)
    }

    /// Decodes a model document.
    /// - Parameters:
    ///   - data: The JSON bytes.
    ///   - path: The file's path, for messages.
    /// - Throws: `ClassifierError` when the bytes are not a model this build can run.
    public init(data: Data, path: String = "model") throws(ClassifierError) {
        let file: ModelFile
        do {
            file = try JSONDecoder().decode(ModelFile.self, from: data)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        try self.init(file: file)
    }

    /// Reads a model file.
    /// - Parameter path: The file.
    /// - Throws: `ClassifierError` when the file cannot be read or is not a model this build can run.
    public init(contentsOf path: String) throws(ClassifierError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file, or it cannot be read")
        }
        try self.init(data: data, path: path)
    }

    /// The model shipped with lockgate (`Resources/model.json`).
    /// - Returns: The classifier.
    /// - Throws: `ClassifierError` when the resource is missing or unreadable.
    public static func bundled() throws(ClassifierError) -> BehaviourClassifier {
        guard let url = Bundle.module.url(forResource: "model", withExtension: "json", subdirectory: "Resources") else {
            throw .missingResource("Resources/model.json")
        }
        return try BehaviourClassifier(contentsOf: url.path)
    }

    /// The model's identity (goes into the verdict cache key).
    public var modelVersion: String { file.modelVersion }

    /// The default policy thresholds chosen when the model was trained.
    public var thresholds: ThresholdSet { file.thresholds }

    /// The model as JSON bytes (sorted keys: the same model always gives the same bytes).
    /// - Returns: The bytes.
    /// - Throws: `ClassifierError.malformed` when a value cannot be encoded (a non-finite number).
    public func encoded() throws(ClassifierError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(file)
        } catch {
            throw .malformed("cannot encode: \(error)")
        }
    }

    /// The calibrated probability that the package is malicious.
    /// - Parameter sequence: The package's behaviour sequence.
    /// - Returns: A probability in (0, 1).
    public func score(_ sequence: BehaviourSequence) -> Double {
        file.calibration.probability(margin(sequence))
    }

    /// The model's margin (log-odds before calibration).
    /// - Parameter sequence: The package's behaviour sequence.
    /// - Returns: The margin.
    public func margin(_ sequence: BehaviourSequence) -> Double {
        margin(dense: dense(extractor.extract(sequence)))
    }

    /// The features of the package that pushed the score up most, with the behaviours they came from.
    /// - Parameters:
    ///   - sequence: The package's behaviour sequence.
    ///   - top: How many to return at most.
    /// - Returns: Contributions of features present in the package with positive weight, largest first.
    public func explain(_ sequence: BehaviourSequence, top: Int) -> [Contribution] {
        Array(explanation(sequence).contributions.filter { $0.weight > 0 && $0.isPresent }.prefix(max(top, 0)))
    }

    /// The score taken apart into a bias and one contribution per feature (path attribution for trees, weight ×
    /// value for the linear model); bias plus contributions equals the margin.
    /// - Parameter sequence: The package's behaviour sequence.
    /// - Returns: The explanation, contributions largest weight first (ties by feature name).
    public func explanation(_ sequence: BehaviourSequence) -> Explanation {
        let extraction = extractor.extract(sequence, withSources: true)
        let features = dense(extraction)
        let (bias, credits) = attribute(dense: features)
        var contributions: [Contribution] = []
        for (column, weight) in credits where weight != 0 && column < vocabulary.count {
            let key = vocabulary.keys[column]
            contributions.append(
                Contribution(
                    feature: key.name, summary: key.summary, weight: weight,
                    behaviourIndices: extraction.sources[key] ?? [], isPresent: features[column] > 0))
        }
        contributions.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
        let margin = bias + credits.values.reduce(0, +)
        return Explanation(
            score: file.calibration.probability(margin), margin: margin, bias: bias, contributions: contributions)
    }

    // MARK: - Private

    /// The dense feature vector of an extraction.
    func dense(_ extraction: FeatureExtractor.Extraction) -> [Float] { vocabulary.dense(extraction) }

    /// The estimator's margin.
    func margin(dense features: [Float]) -> Double {
        if let trees = file.trees { return trees.margin(features) }
        return file.linear?.margin(features) ?? 0
    }

    /// The estimator's attribution.
    private func attribute(dense features: [Float]) -> (bias: Double, credits: [Int: Double]) {
        if let trees = file.trees { return trees.attribute(features) }
        return file.linear?.attribute(features) ?? (0, [:])
    }
}
