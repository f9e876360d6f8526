import Foundation
import Testing

@testable import Classifier

@Suite struct ModelFileTests {
    static func model() throws -> BehaviourClassifier {
        try ModelTrainer(configuration: TrainingTests.configuration())
            .train(SyntheticCorpus.orderProblem(count: 60, seed: 1), seed: 3, provenance: TrainingTests.provenance)
    }

    @Test func roundTripKeepsBytesAndScores() throws {
        let model = try Self.model()
        let data = try model.encoded()
        let decoded = try BehaviourClassifier(data: data)
        #expect(try decoded.encoded() == data)
        for sample in SyntheticCorpus.orderProblem(count: 20, seed: 2) {
            #expect(decoded.score(sample.sequence) == model.score(sample.sequence))
        }
        #expect(decoded.modelVersion == model.modelVersion)
    }

    @Test func linearModelRoundTrips() throws {
        let model = try ModelTrainer(configuration: TrainingTests.configuration(.logisticRegression))
            .train(SyntheticCorpus.presenceProblem(count: 40, seed: 1), seed: 3, provenance: TrainingTests.provenance)
        let decoded = try BehaviourClassifier(data: try model.encoded())
        let sample = SyntheticCorpus.presenceProblem(count: 1, seed: 9)[0].sequence
        #expect(decoded.score(sample) == model.score(sample))
    }

    @Test func rejectsOtherVersionsAndBrokenDocuments() throws {
        let model = try Self.model()
        var file = model.file
        file.format = 99
        #expect(throws: ClassifierError.self) { try BehaviourClassifier(file: file) }
        file = model.file
        file.featureVersion = 0
        #expect(throws: ClassifierError.self) { try BehaviourClassifier(file: file) }
        file = model.file
        file.trees?.trees[0].left[0] = 0
        #expect(throws: ClassifierError.self) { try BehaviourClassifier(file: file) }
        file = model.file
        file.vocabulary = Array(file.vocabulary.prefix(1))
        #expect(throws: ClassifierError.self) { try BehaviourClassifier(file: file) }
        file = model.file
        file.trees = nil
        #expect(throws: ClassifierError.self) { try BehaviourClassifier(file: file) }
        for bytes in [Data(), Data("{".utf8), Data([0xFF, 0x00, 0x12]), Data("[]".utf8)] {
            #expect(throws: ClassifierError.self) { try BehaviourClassifier(data: bytes) }
        }
    }

    @Test func unknownVocabularyNamesNeverFire() throws {
        let model = try Self.model()
        var file = model.file
        file.vocabulary[0] = "tok:install:a_kind_from_the_future"
        let changed = try BehaviourClassifier(file: file)
        #expect(changed.vocabulary.column(of: FeatureKey.unknown(0)) == 0)
    }
}
