import LockgateCore

/// `lockgate eval`: grouped k-fold cross-validation of the training procedure at the default thresholds, per
/// ecosystem and overall, on a size-matched subset, by source, on a cross-source split, and the ablations.
public struct Evaluator: Sendable {
    /// How models are trained (the model under evaluation's configuration).
    public var configuration: TrainingConfiguration
    /// The default policy thresholds to measure at.
    public var thresholds: ThresholdSet
    /// The number of folds.
    public var folds: Int
    /// The seed.
    public var seed: UInt64
    /// Whether to run the ablations (four more cross-validations).
    public var ablations: Bool
    /// How many models train at once.
    public var concurrency: Int

    /// Creates an evaluator.
    /// - Parameters:
    ///   - configuration: How models are trained.
    ///   - thresholds: The default thresholds.
    ///   - folds: The number of folds.
    ///   - seed: The seed.
    ///   - ablations: Whether to run the ablations.
    ///   - concurrency: How many models train at once.
    public init(
        configuration: TrainingConfiguration, thresholds: ThresholdSet, folds: Int = 5, seed: UInt64 = 1,
        ablations: Bool = true, concurrency: Int = 2
    ) {
        self.configuration = configuration
        self.thresholds = thresholds
        self.folds = max(folds, 2)
        self.seed = seed
        self.ablations = ablations
        self.concurrency = concurrency
    }

    /// Runs the evaluation.
    /// - Parameters:
    ///   - evaluated: The labelled corpus, split into folds and scored.
    ///   - trainingOnly: Packages every fold also trains on and none is scored on (extra training data), except
    ///     those whose group the fold tests.
    ///   - header: Facts to print above the tables (corpus hash, model version).
    ///   - progress: Called as models finish.
    /// - Returns: The report.
    /// - Throws: `ClassifierError` when a split cannot be trained.
    public func run(
        _ evaluated: [LabelledSequence], trainingOnly: [LabelledSequence] = [], header: [String] = [],
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws(ClassifierError) -> EvaluationReport {
        // The training-only packages sit after the evaluated ones and are never in a test set, so their scores stay
        // nil and every table below leaves them out.
        let samples = evaluated + trainingOnly
        let splits = Self.splits(evaluated: evaluated, trainingOnly: trainingOnly, folds: folds, seed: seed)
        progress?("cross-validation (\(folds) folds)")
        let main = try await CrossValidation(
            trainer: ModelTrainer(configuration: configuration), concurrency: concurrency
        )
        .run(samples: samples, splits: splits, seed: seed, progress: progress)
        var sections = [
            section(
                "Grouped \(folds)-fold cross-validation, default thresholds", samples: samples, outcome: main,
                nested: false,
                note: "Each fold's model is trained on the other folds (no group on both sides) with its own inner "
                    + "calibration; scores are compared with the default thresholds (\(thresholds.summary))."),
            gate(samples: samples, outcome: main),
            section(
                "Grouped \(folds)-fold cross-validation, thresholds chosen inside each fold", samples: samples,
                outcome: main, nested: true,
                note: "The same scores, each compared with the thresholds its fold's training chose on its own inner "
                    + "out-of-fold scores: no threshold has seen the package it judges."),
            sizeMatched(samples: samples, outcome: main),
            bySource(samples: samples, outcome: main),
            byEvidence(samples: samples, outcome: main),
        ]
        progress?("cross-source split")
        sections.append(try await crossSource(samples: samples, progress: progress))
        if ablations {
            sections.append(try await ablationSection(samples: samples, splits: splits, full: main, progress: progress))
        }
        let facts =
            header + [
                "\(evaluated.count) packages: " + strata(evaluated)
                    + (trainingOnly.isEmpty
                        ? "" : "; every fold also trains on \(trainingOnly.count) others: " + strata(trainingOnly)),
                "folds: \(folds), grouped by `group`; seed \(seed)",
                "default thresholds: \(thresholds.summary)",
            ]
        return EvaluationReport(header: facts, sections: sections, scores: scored(samples, outcome: main))
    }

    /// Scores a corpus with a trained model, no training (a held-out set).
    /// - Parameters:
    ///   - samples: The labelled packages.
    ///   - model: The model.
    ///   - header: Facts to print above the table.
    /// - Returns: The report.
    public static func heldOut(_ samples: [LabelledSequence], model: BehaviourClassifier, header: [String] = [])
        -> EvaluationReport
    {
        let scores = samples.map { model.score($0.sequence) }
        let outcome = CrossValidation.Outcome(
            scores: scores, foldThresholds: samples.map { model.thresholds.thresholds(for: $0.ecosystem) })
        let evaluator = Evaluator(configuration: model.file.training.configuration, thresholds: model.thresholds)
        let sections = [
            evaluator.section(
                "Held-out set, model \(model.modelVersion)", samples: samples, outcome: outcome, nested: false,
                note: "Every package scored by the given model at its default thresholds; nothing is trained."),
            evaluator.gate(samples: samples, outcome: outcome),
            evaluator.sizeMatched(samples: samples, outcome: outcome),
            evaluator.bySource(samples: samples, outcome: outcome),
            evaluator.byEvidence(samples: samples, outcome: outcome),
        ]
        return EvaluationReport(
            header: header + ["\(samples.count) packages: " + strata(samples)], sections: sections,
            scores: evaluator.scored(samples, outcome: outcome))
    }

    /// Grouped k-fold splits of `evaluated`, each training set extended with the training-only packages (indexed
    /// after the evaluated ones) whose group the split does not test.
    /// - Parameters:
    ///   - evaluated: The packages split into folds.
    ///   - trainingOnly: The packages only ever trained on.
    ///   - folds: The fold count.
    ///   - seed: The seed.
    /// - Returns: One split per fold, indices into `evaluated + trainingOnly`.
    static func splits(
        evaluated: [LabelledSequence], trainingOnly: [LabelledSequence], folds: Int, seed: UInt64
    ) -> [(train: [Int], test: [Int])] {
        CrossValidation.kFold(evaluated, folds: folds, seed: seed).map { split in
            let tested = Set(split.test.map { evaluated[$0].group })
            let extra = trainingOnly.indices.filter { !tested.contains(trainingOnly[$0].group) }
            return (train: split.train + extra.map { evaluated.count + $0 }, test: split.test)
        }
    }

    // MARK: - Private

    /// Each tested sample with its score and its ecosystem's default thresholds.
    private func scored(_ samples: [LabelledSequence], outcome: CrossValidation.Outcome) -> [ScoredSample] {
        zip(samples, outcome.scores).compactMap { sample, score in
            guard let score else { return nil }
            let chosen = thresholds.thresholds(for: sample.ecosystem)
            return ScoredSample(
                identifier: sample.identifier, ecosystem: sample.ecosystem, isMalicious: sample.isMalicious,
                source: sample.source, group: sample.group, score: score, block: chosen.block, warn: chosen.warn)
        }
    }

    /// `npm/benign 2938, ...`.
    private static func strata(_ samples: [LabelledSequence]) -> String {
        var counts: [String: Int] = [:]
        for sample in samples { counts[sample.stratum, default: 0] += 1 }
        return counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }

    private func strata(_ samples: [LabelledSequence]) -> String { Self.strata(samples) }

    /// Overall and per-ecosystem rows of the samples accepted by `filter`.
    func rows(
        samples: [LabelledSequence], outcome: CrossValidation.Outcome, nested: Bool,
        filter: (LabelledSequence) -> Bool = { _ in true }
    ) -> [EvaluationRow] {
        let slices: [(String, Ecosystem?)] = [("overall", nil)] + Ecosystem.allCases.map { ($0.rawValue, $0) }
        return slices.compactMap { name, ecosystem in
            row(name, samples: samples, outcome: outcome, nested: nested) {
                (ecosystem == nil || $0.ecosystem == ecosystem) && filter($0)
            }
        }
    }

    /// One row of the scored samples accepted by `filter` (nil when none).
    func row(
        _ name: String, samples: [LabelledSequence], outcome: CrossValidation.Outcome, nested: Bool,
        filter: (LabelledSequence) -> Bool
    ) -> EvaluationRow? {
        row(name, outcome: outcome, nested: nested, samples: samples, indices: { filter(samples[$0]) })
    }

    /// One row of the scored samples whose index `filter` accepts (nil when none).
    func row(
        _ name: String, outcome: CrossValidation.Outcome, nested: Bool, samples: [LabelledSequence],
        indices filter: (Int) -> Bool
    ) -> EvaluationRow? {
        var scores: [Double] = []
        var labels: [Bool] = []
        var block: [Double] = []
        var warn: [Double] = []
        for (index, sample) in samples.enumerated() where filter(index) {
            guard let score = outcome.scores[index] else { continue }
            let defaults = thresholds.thresholds(for: sample.ecosystem)
            let chosen = nested ? (outcome.foldThresholds[index] ?? defaults) : defaults
            scores.append(score)
            labels.append(sample.isMalicious)
            block.append(chosen.block)
            warn.append(chosen.warn)
        }
        guard !scores.isEmpty else { return nil }
        return EvaluationRow(slice: name, scores: scores, labels: labels, block: block, warn: warn)
    }

    /// A section of overall and per-ecosystem rows.
    func section(
        _ title: String, samples: [LabelledSequence], outcome: CrossValidation.Outcome, nested: Bool, note: String
    ) -> EvaluationSection {
        EvaluationSection(title: title, note: note, rows: rows(samples: samples, outcome: outcome, nested: nested))
    }
}
