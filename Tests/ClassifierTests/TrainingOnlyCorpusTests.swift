import LockgateCore
import Testing

@testable import Classifier

/// `lockgate eval --train-corpus`: extra packages every fold trains on, never scored, never sharing a group with the
/// fold's test set.
@Suite struct TrainingOnlyCorpusTests {
    /// Benign packages drawn exactly like the synthetic malware (credential-path reads among noise), so a model that
    /// learns from them can no longer trust that behaviour.
    static func credentialReadingBenign(count: Int, groups: (Int) -> String) -> [LabelledSequence] {
        let lookalikes = SyntheticCorpus.presenceProblem(count: 2 * count, seed: 99).filter(\.isMalicious)
        return lookalikes.prefix(count).enumerated().map { index, sample in
            LabelledSequence(
                sequence: sample.sequence, isMalicious: false, source: "extra", group: groups(index),
                identifier: "extra-\(index)")
        }
    }

    @Test func splitsTrainOnTheExtraPackagesButNeverTestThem() {
        let evaluated = SyntheticCorpus.presenceProblem(count: 40, seed: 3)
        // Half the extra packages reuse an evaluated group: each must stay out of the fold that tests that group.
        let extra = Self.credentialReadingBenign(count: 20) { $0 % 2 == 0 ? "p\($0)" : "extra-group-\($0)" }
        let splits = Evaluator.splits(evaluated: evaluated, trainingOnly: extra, folds: 4, seed: 1)
        let all = evaluated + extra
        #expect(splits.count == 4)
        var tested: [Int] = []
        for split in splits {
            tested += split.test
            #expect(split.test.allSatisfy { $0 < evaluated.count })
            let testGroups = Set(split.test.map { all[$0].group })
            #expect(split.train.allSatisfy { !testGroups.contains(all[$0].group) })
            let extraTrained = split.train.filter { $0 >= evaluated.count }
            let expected = extra.indices.filter { !testGroups.contains(extra[$0].group) }.map { $0 + evaluated.count }
            #expect(extraTrained == expected)
        }
        #expect(tested.sorted() == Array(evaluated.indices))
        // Every extra package in a fresh group trains in every fold.
        for index in extra.indices where extra[index].group.hasPrefix("extra-group") {
            #expect(splits.allSatisfy { $0.train.contains(evaluated.count + index) })
        }
    }

    @Test func extraPackagesChangeTheModelsButAreNotScored() async throws {
        let evaluated = SyntheticCorpus.presenceProblem(count: 60, seed: 5)
        let extra = Self.credentialReadingBenign(count: 120) { "extra-\($0)" }
        let evaluator = Evaluator(
            configuration: TrainingTests.configuration(), thresholds: ThresholdSet(all: .init(block: 0.9, warn: 0.5)),
            folds: 3, seed: 2, ablations: false, concurrency: 2)
        let alone = try await evaluator.run(evaluated)
        let helped = try await evaluator.run(evaluated, trainingOnly: extra)
        #expect(helped.scores.count == evaluated.count)
        #expect(Set(helped.scores.map(\.identifier)) == Set(evaluated.map(\.identifier)))
        #expect(helped.header.contains { $0.contains("every fold also trains on 120 others") })
        // The extra benign packages read credential paths too, so the malware's scores must fall.
        func meanMalicious(_ report: EvaluationReport) -> Double {
            let scores = report.scores.filter(\.isMalicious).map(\.score)
            return scores.reduce(0, +) / Double(scores.count)
        }
        #expect(meanMalicious(alone) > 0.8)
        #expect(meanMalicious(helped) < meanMalicious(alone) - 0.2)
    }
}
