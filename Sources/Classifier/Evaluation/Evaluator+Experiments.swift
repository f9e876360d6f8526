import LockgateCore

extension Evaluator {
    /// The benign packages no larger than the 90th percentile of the malicious packages' size, per ecosystem.
    func sizeMatched(samples: [LabelledSequence], outcome: CrossValidation.Outcome) -> EvaluationSection {
        var limits: [Ecosystem: Int] = [:]
        for ecosystem in Ecosystem.allCases {
            let sizes = samples.filter { $0.isMalicious && $0.ecosystem == ecosystem }
                .map(\.sequence.features.totalBytes).sorted()
            if !sizes.isEmpty { limits[ecosystem] = sizes[min(sizes.count - 1, sizes.count * 9 / 10)] }
        }
        let limitText = Ecosystem.allCases.compactMap { ecosystem in
            limits[ecosystem].map { "\(ecosystem.rawValue) ≤ \($0) bytes" }
        }.joined(separator: ", ")
        return EvaluationSection(
            title: "Size-matched subset (cross-validated scores, default thresholds)",
            note: "Every malicious package, and only the benign packages no larger (uncompressed) than the 90th "
                + "percentile of the malicious ones of their ecosystem (\(limitText)): a model that learned "
                + "\"small means malicious\" fails here.",
            rows: rows(samples: samples, outcome: outcome, nested: false) { sample in
                sample.isMalicious || sample.sequence.features.totalBytes <= (limits[sample.ecosystem] ?? 0)
            })
    }

    /// One row per (ecosystem, source, label).
    func bySource(samples: [LabelledSequence], outcome: CrossValidation.Outcome) -> EvaluationSection {
        var keys: Set<String> = []
        for sample in samples { keys.insert("\(sample.ecosystem.rawValue) \(sample.source) (\(label(sample)))") }
        let rows = keys.sorted().compactMap { key in
            row(key, samples: samples, outcome: outcome, nested: false) {
                "\($0.ecosystem.rawValue) \($0.source) (\(label($0)))" == key
            }
        }
        return EvaluationSection(
            title: "By source (cross-validated scores, default thresholds)",
            note: "Recall of each malicious source and false-positive rate of each benign source.", rows: rows)
    }

    /// Train without npm `maltracker` malware, test on it.
    func crossSource(samples: [LabelledSequence], progress: (@Sendable (String) -> Void)?) async throws(ClassifierError)
        -> EvaluationSection
    {
        let heldOutSource = "maltracker"
        let npmBenign = samples.indices.filter { samples[$0].ecosystem == .npm && !samples[$0].isMalicious }
        let benignFolds = GroupedKFold.assign(
            groups: npmBenign.map { samples[$0].group }, strata: npmBenign.map { samples[$0].stratum }, folds: 5,
            seed: seed)
        var test = Set(zip(npmBenign, benignFolds).filter { $0.1 == 0 }.map(\.0))
        for index in samples.indices
        where samples[index].ecosystem == .npm && samples[index].isMalicious && samples[index].source == heldOutSource {
            test.insert(index)
        }
        let testGroups = Set(test.map { samples[$0].group })
        let train = samples.indices.filter { !test.contains($0) && !testGroups.contains(samples[$0].group) }
        let outcome = try await CrossValidation(trainer: ModelTrainer(configuration: configuration), concurrency: 1)
            .run(samples: samples, splits: [(train, test.sorted())], seed: seed, progress: progress)
        let trainedOn = Set(
            train.filter { samples[$0].isMalicious && samples[$0].ecosystem == .npm }
                .map { samples[$0].source }
        ).sorted().joined(separator: ", ")
        let rows = [false, true].compactMap { nested in
            row(
                nested ? "\(heldOutSource), split's own thresholds" : "\(heldOutSource), default thresholds",
                samples: samples, outcome: outcome, nested: nested
            ) { _ in true }
        }
        return EvaluationSection(
            title: "Cross-source: npm malware of \(heldOutSource) never seen in training",
            note: "Trained on npm malware from \(trainedOn), all of PyPI, and four fifths of the npm benign groups; "
                + "tested on every npm \(heldOutSource) sample and the remaining fifth of npm benign groups.",
            rows: rows)
    }

    /// The ablations: order-aware against bag of behaviours, with and without package-level features, and the
    /// logistic-regression baseline, each cross-validated on the same folds at thresholds chosen inside each fold.
    func ablationSection(
        samples: [LabelledSequence], splits: [(train: [Int], test: [Int])], full: CrossValidation.Outcome,
        progress: (@Sendable (String) -> Void)?
    ) async throws(ClassifierError) -> EvaluationSection {
        var variants: [(String, TrainingConfiguration)] = []
        func variant(_ name: String, _ change: (inout TrainingConfiguration) -> Void) {
            var changed = configuration
            change(&changed)
            variants.append((name, changed))
        }
        variant("bag of behaviours") { $0.features.order = false }
        variant("order-aware, no package features") { $0.features.packageFeatures = false }
        variant("bag of behaviours, no package features") {
            $0.features.order = false
            $0.features.packageFeatures = false
        }
        variant("logistic regression, same features") { $0.estimator = .logisticRegression }
        var rows = rows(samples: samples, outcome: full, nested: true).map { row in
            var named = row
            let learner = configuration.estimator.rawValue
            named.slice = "\(learner), order-aware + package features (shipped) — \(row.slice)"
            return named
        }
        for (name, changed) in variants {
            progress?("ablation: \(name)")
            let outcome = try await CrossValidation(
                trainer: ModelTrainer(configuration: changed), concurrency: concurrency
            )
            .run(samples: samples, splits: splits, seed: seed, progress: progress)
            let learner = changed.estimator == configuration.estimator ? "\(changed.estimator.rawValue), " : ""
            rows += self.rows(samples: samples, outcome: outcome, nested: true).map { row in
                var named = row
                named.slice = "\(learner)\(name) — \(row.slice)"
                return named
            }
        }
        return EvaluationSection(
            title: "Ablations (same folds, thresholds chosen inside each fold)",
            note: "Each variant goes through the whole training procedure on the same grouped folds; its recall and "
                + "false-positive rate are at the block and warn thresholds its own inner calibration chose.",
            rows: rows)
    }

    // MARK: - Private

    /// `malicious` or `benign`.
    private func label(_ sample: LabelledSequence) -> String { sample.isMalicious ? "malicious" : "benign" }
}
