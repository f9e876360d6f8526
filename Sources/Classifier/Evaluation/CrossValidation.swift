import Foundation

/// Grouped k-fold cross-validation of the whole training procedure: for each fold, a model is trained (with its
/// own inner calibration and thresholds) on the other folds and scores the fold's packages.
struct CrossValidation: Sendable {
    /// The training procedure.
    let trainer: ModelTrainer
    /// How many folds train at once.
    let concurrency: Int

    /// Out-of-fold results.
    struct Outcome: Sendable {
        /// Each sample's calibrated score from the model that did not see its group (nil for samples not tested).
        var scores: [Double?]
        /// The thresholds the fold's own training chose, by sample.
        var foldThresholds: [ScoreThresholds?]
    }

    /// Runs a list of train/test splits, each on its own model, at most `concurrency` at a time.
    /// - Parameters:
    ///   - samples: Every sample.
    ///   - splits: Each split's training and test indices.
    ///   - seed: The seed (each split derives its own stream).
    ///   - progress: Called after each split.
    /// - Returns: The scores of every tested sample.
    /// - Throws: `ClassifierError` when a split cannot be trained.
    func run(
        samples: [LabelledSequence], splits: [(train: [Int], test: [Int])], seed: UInt64,
        progress: (@Sendable (String) -> Void)?
    ) async throws(ClassifierError) -> Outcome {
        let extractor = FeatureExtractor(options: trainer.configuration.features)
        let extractions = samples.map { extractor.extract($0.sequence) }
        var outcome = Outcome(
            scores: [Double?](repeating: nil, count: samples.count),
            foldThresholds: [ScoreThresholds?](repeating: nil, count: samples.count))
        let trainer = self.trainer
        let results = await withTaskGroup(of: (Int, Result<[(Int, Double, ScoreThresholds)], ClassifierError>).self) {
            group in
            var collected: [(Int, Result<[(Int, Double, ScoreThresholds)], ClassifierError>)] = []
            var next = 0
            func launch(_ number: Int) {
                let split = splits[number]
                var splitStream = SeededGenerator.derived(seed: seed, stream: 1000 + UInt64(number))
                let splitSeed = splitStream.next()
                group.addTask {
                    do throws(ClassifierError) {
                        let file = try trainer.trainFile(
                            samples: samples, extractions: extractions, indices: split.train,
                            seed: splitSeed,
                            provenance: .init(corpusHash: "", corpora: []))
                        let model = try BehaviourClassifier(file: file)
                        let scored = split.test.map { index in
                            (
                                index,
                                model.file.calibration.probability(
                                    model.margin(dense: model.dense(extractions[index]))),
                                file.thresholds.thresholds(for: samples[index].ecosystem)
                            )
                        }
                        return (number, .success(scored))
                    } catch {
                        return (number, .failure(error))
                    }
                }
            }
            while next < min(max(concurrency, 1), splits.count) {
                launch(next)
                next += 1
            }
            while let result = await group.next() {
                collected.append(result)
                progress?("split \(collected.count) of \(splits.count) done")
                if next < splits.count {
                    launch(next)
                    next += 1
                }
            }
            return collected.sorted { $0.0 < $1.0 }
        }
        for (_, result) in results {
            switch result {
            case .success(let scored):
                for (index, score, thresholds) in scored {
                    outcome.scores[index] = score
                    outcome.foldThresholds[index] = thresholds
                }
            case .failure(let error):
                throw error
            }
        }
        return outcome
    }

    /// Grouped k-fold splits over every sample.
    /// - Parameters:
    ///   - samples: The samples.
    ///   - folds: The fold count.
    ///   - seed: The seed.
    /// - Returns: One split per fold.
    static func kFold(_ samples: [LabelledSequence], folds: Int, seed: UInt64) -> [(train: [Int], test: [Int])] {
        let assignment = GroupedKFold.assign(
            groups: samples.map(\.group), strata: samples.map(\.stratum), folds: folds, seed: seed)
        return (0..<max(folds, 2)).map { fold in
            (assignment.indices.filter { assignment[$0] != fold }, assignment.indices.filter { assignment[$0] == fold })
        }
    }
}
