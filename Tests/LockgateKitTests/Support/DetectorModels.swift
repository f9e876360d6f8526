import Analysis
import Classifier
import Foundation
import LockgateCore
import LockgateTestSupport

/// Behaviour models trained by the tests on synthetic packages (`DetectorFixtures`, variants 0..<24) analysed by the
/// real analyser, so that what the detector tests assert does not depend on the bundled model, which is retrained as
/// the corpus grows. Packages the tests audit use other variants.
enum DetectorModels {
    /// Variants the models are trained on; tests use variants at or above this.
    static let trainingVariants = 24

    /// The model most tests use (seed 1).
    static let primary: Result<BehaviourClassifier, ClassifierError> = Result { () throws(ClassifierError) in
        try train(seed: 1)
    }

    /// Another model over the same packages (seed 2): a different model version.
    static let secondary: Result<BehaviourClassifier, ClassifierError> = Result { () throws(ClassifierError) in
        try train(seed: 2)
    }

    /// The behaviour sequence the analyser gives a fixture package.
    /// - Parameters:
    ///   - kind: The fixture kind.
    ///   - variant: The variant.
    /// - Returns: The sequence.
    ///   - name: The package name (the default: a training name).
    ///   - version: The version.
    static func sequence(
        _ kind: DetectorFixtures.Kind, variant: Int, name: String? = nil, version: String? = nil
    ) -> BehaviourSequence {
        let name = name ?? (kind.isNPM ? "train-\(kind.rawValue.lowercased())" : "train\(kind.rawValue.lowercased())")
        let version = version ?? "1.0.\(variant)"
        var files = DetectorFixtures.files(kind, name: name, version: version, variant: variant)
        if !kind.isNPM { files["PKG-INFO"] = "Metadata-Version: 2.1\nName: \(name)\nVersion: \(version)\n" }
        let root = kind.isNPM ? "package" : "\(name)-\(version)"
        let packageFiles = files.keys.sorted().map { path in
            PackageFile(path: "\(root)/\(path)", data: Data((files[path] ?? "").utf8))
        }
        return PackageAnalyzer().analyse(files: packageFiles, ecosystem: kind.isNPM ? .npm : .pypi).sequence
    }

    // MARK: - Private

    private static func train(seed: UInt64) throws(ClassifierError) -> BehaviourClassifier {
        var samples: [LabelledSequence] = []
        for variant in 0..<trainingVariants {
            for kind in DetectorFixtures.Kind.allCases {
                samples.append(
                    LabelledSequence(
                        sequence: sequence(kind, variant: variant), isMalicious: kind.isMalicious,
                        source: "synthetic", group: "\(kind.rawValue)-\(variant)",
                        identifier: "\(kind.rawValue)-\(variant)"))
            }
        }
        let configuration = TrainingConfiguration(
            boosting: BoostingParameters(trees: 40, maxDepth: 3, learningRate: 0.2), minimumFeatureCount: 2,
            calibrationFolds: 3)
        return try ModelTrainer(configuration: configuration).train(
            samples, seed: seed,
            provenance: ModelTrainer.Provenance(
                corpusHash: String(repeating: "5e", count: 32), corpora: ["synthetic-detector-fixtures"]))
    }
}
