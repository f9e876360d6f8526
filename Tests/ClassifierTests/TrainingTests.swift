import Foundation
import LockgateCore
import Testing

@testable import Classifier

@Suite struct TrainingTests {
    /// A small, fast configuration for tests.
    static func configuration(_ estimator: EstimatorKind = .boostedTrees, order: Bool = true) -> TrainingConfiguration {
        TrainingConfiguration(
            estimator: estimator, boosting: BoostingParameters(trees: 40, maxDepth: 3, learningRate: 0.2),
            linear: LinearParameters(iterations: 200, learningRate: 0.05, l2: 1e-4),
            features: FeatureOptions(order: order), minimumFeatureCount: 2, calibrationFolds: 3)
    }

    static let provenance = ModelTrainer.Provenance(
        corpusHash: String(repeating: "ab", count: 32), corpora: ["synthetic"])

    /// AUC of a model on a separate synthetic sample.
    static func heldOutAUC(_ model: BehaviourClassifier, _ samples: [LabelledSequence]) -> Double {
        ROCCurve.area(scores: samples.map { model.score($0.sequence) }, labels: samples.map(\.isMalicious)) ?? 0
    }

    @Test func sameSeedSameBytes() throws {
        let samples = SyntheticCorpus.orderProblem(count: 80, seed: 1)
        let trainer = ModelTrainer(configuration: Self.configuration())
        let first = try trainer.train(samples, seed: 9, provenance: Self.provenance).encoded()
        let second = try trainer.train(samples, seed: 9, provenance: Self.provenance).encoded()
        #expect(first == second)
        let other = try trainer.train(samples, seed: 10, provenance: Self.provenance).encoded()
        #expect(first != other)
    }

    @Test func learnsASeparableProblem() throws {
        let model = try ModelTrainer(configuration: Self.configuration())
            .train(SyntheticCorpus.presenceProblem(count: 100, seed: 2), seed: 1, provenance: Self.provenance)
        let test = SyntheticCorpus.presenceProblem(count: 100, seed: 3)
        #expect(Self.heldOutAUC(model, test) > 0.99)
        let flagged = test.filter { model.score($0.sequence) >= model.thresholds.thresholds(for: $0.ecosystem).block }
        #expect(flagged.allSatisfy { $0.isMalicious })
        #expect(flagged.count >= 90)
    }

    @Test func orderAwareModelLearnsOrderThatABagCannotSee() throws {
        let train = SyntheticCorpus.orderProblem(count: 120, seed: 4)
        let test = SyntheticCorpus.orderProblem(count: 120, seed: 5)
        let ordered = try ModelTrainer(configuration: Self.configuration()).train(
            train, seed: 1, provenance: Self.provenance)
        let bag = try ModelTrainer(configuration: Self.configuration(order: false))
            .train(train, seed: 1, provenance: Self.provenance)
        #expect(Self.heldOutAUC(ordered, test) > 0.99)
        #expect(Self.heldOutAUC(bag, test) < 0.7)
    }

    @Test func logisticRegressionBaselineLearnsTheSeparableProblem() throws {
        let model = try ModelTrainer(configuration: Self.configuration(.logisticRegression))
            .train(SyntheticCorpus.presenceProblem(count: 100, seed: 6), seed: 1, provenance: Self.provenance)
        #expect(Self.heldOutAUC(model, SyntheticCorpus.presenceProblem(count: 100, seed: 7)) > 0.99)
        #expect(model.file.estimator == .logisticRegression)
    }

    @Test func oneClassCannotTrain() {
        let samples = SyntheticCorpus.presenceProblem(count: 20, seed: 1).filter(\.isMalicious)
        #expect(throws: ClassifierError.self) {
            try ModelTrainer(configuration: Self.configuration()).train(samples, seed: 1, provenance: Self.provenance)
        }
    }

    @Test func modelRecordsItsTraining() throws {
        let samples = SyntheticCorpus.orderProblem(count: 60, seed: 8)
        let model = try ModelTrainer(configuration: Self.configuration()).train(
            samples, seed: 77, provenance: Self.provenance)
        let record = model.file.training
        #expect(record.seed == 77)
        #expect(record.corpusHash == Self.provenance.corpusHash)
        #expect(record.samples.values.reduce(0, +) == samples.count)
        #expect(model.modelVersion.hasPrefix("m1.f\(FeatureOptions.currentVersion).gbt.abababababab.s77."))
        #expect(model.thresholds.all.warn <= model.thresholds.all.block)
        for ecosystem in [Ecosystem.npm, .pypi] {
            let own = model.thresholds.thresholds(for: ecosystem)
            #expect(own.warn <= own.block && own.block <= model.thresholds.all.block)
            #expect(model.thresholds.ecosystems[ecosystem.rawValue] != nil)
        }
        #expect(record.outOfFold["overall"]?.malicious == 60)
    }
}
