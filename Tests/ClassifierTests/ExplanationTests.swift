import Testing

@testable import Classifier

@Suite struct ExplanationTests {
    @Test(arguments: [EstimatorKind.boostedTrees, .logisticRegression])
    func contributionsSumToTheMargin(estimator: EstimatorKind) throws {
        let model = try ModelTrainer(configuration: TrainingTests.configuration(estimator))
            .train(SyntheticCorpus.orderProblem(count: 80, seed: 1), seed: 2, provenance: TrainingTests.provenance)
        for sample in SyntheticCorpus.orderProblem(count: 15, seed: 3) {
            let explanation = model.explanation(sample.sequence)
            let total = explanation.bias + explanation.contributions.map(\.weight).reduce(0, +)
            #expect(abs(total - model.margin(sample.sequence)) < 1e-4)
            #expect(abs(explanation.score - model.score(sample.sequence)) < 1e-6)
            let weights = explanation.contributions.map(\.weight)
            #expect(zip(weights, weights.dropFirst()).allSatisfy { $0 >= $1 })
            for contribution in explanation.contributions {
                #expect(contribution.behaviourIndices.allSatisfy { sample.sequence.behaviours.indices.contains($0) })
            }
        }
    }

    @Test func topContributionsNameTheDecisiveOrder() throws {
        let model = try ModelTrainer(configuration: TrainingTests.configuration())
            .train(SyntheticCorpus.orderProblem(count: 120, seed: 4), seed: 2, provenance: TrainingTests.provenance)
        let sequence = SyntheticCorpus.sequence([.readFile, .readEnvironmentAll, .url, .useNetwork])
        let top = model.explain(sequence, top: 3)
        #expect(!top.isEmpty && top.count <= 3)
        #expect(top.allSatisfy { $0.weight > 0 && $0.isPresent })
        let first = try #require(top.first)
        // The decisive feature reads the order (which of reading the environment and using the network comes first,
        // or how early one of them does: both classes hold the same behaviours) and points at those behaviours.
        #expect(FeatureKey(name: first.feature)?.family?.readsOrder == true, "\(first.feature)")
        #expect(!first.behaviourIndices.isEmpty && Set(first.behaviourIndices).isSubset(of: [1, 3]))
        let kinds = Set(top.flatMap(\.behaviourIndices).map { sequence.behaviours[$0].kind })
        #expect(kinds.contains(.readEnvironmentAll) || kinds.contains(.useNetwork))
        #expect(model.explain(sequence, top: 0).isEmpty)
    }
}
