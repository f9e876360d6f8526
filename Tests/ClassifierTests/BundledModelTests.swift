import Foundation
import LockgateCore
import Testing

@testable import Classifier

@Suite struct BundledModelTests {
    @Test func shippedModelLoadsAndIsConsistent() throws {
        let model = try BehaviourClassifier.bundled()
        #expect(model.file.format == ModelFile.currentFormat)
        #expect(model.file.featureVersion == FeatureOptions.currentVersion)
        #expect(model.file.training.corpusHash.count == 64)
        #expect(model.modelVersion.hasPrefix("m\(ModelFile.currentFormat).f\(FeatureOptions.currentVersion)."))
        for ecosystem in Ecosystem.allCases {
            let thresholds = model.thresholds.thresholds(for: ecosystem)
            #expect(thresholds.warn > 0 && thresholds.warn <= thresholds.block && thresholds.block <= 1)
            #expect(thresholds.block <= model.thresholds.all.block)
        }
        let sequence = SyntheticCorpus.sequence([.installHook, .readEnvironmentAll, .useNetwork])
        let score = model.score(sequence)
        #expect(score > 0 && score < 1)
        let explanation = model.explanation(sequence)
        #expect(
            abs(explanation.bias + explanation.contributions.map(\.weight).reduce(0, +) - model.margin(sequence)) < 1e-4
        )
    }

    @Test func shippedModelIsSmall() throws {
        let url = try #require(
            Bundle.module.url(forResource: "model", withExtension: "json", subdirectory: "Resources"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 10_000_000)
    }
}
