import LockgateCore

extension Evaluator {
    /// How much a package's code shows, from nothing to a high-signal behaviour that runs on install or load: the
    /// slices of ``byEvidence(samples:outcome:)``.
    enum Evidence: Int, CaseIterable {
        /// No behaviour outside tests, docs and examples apart from the install hook itself (a print-only
        /// setup.py, an empty module, a payload that lives only in a dependency list).
        case nothing
        /// Behaviours, none of them high-signal (`FeatureExtractor.highSignalKinds`).
        case lowSignal
        /// High-signal behaviours, all in functions nothing calls on install or load.
        case uncalled
        /// A high-signal behaviour at install time or when the package is loaded.
        case installOrLoad

        /// The row name.
        var title: String {
            switch self {
            case .nothing: "nothing outside tests and docs"
            case .lowSignal: "only low-signal behaviours"
            case .uncalled: "high-signal only in uncalled code"
            case .installOrLoad: "high-signal at install or load"
            }
        }

        /// The class of a sequence.
        init(_ sequence: BehaviourSequence) {
            var found = Evidence.nothing
            for behaviour in sequence.behaviours where behaviour.context != .auxiliary {
                guard FeatureExtractor.highSignalKinds.contains(behaviour.kind) else {
                    if behaviour.kind != .installHook, found == .nothing { found = .lowSignal }
                    continue
                }
                if behaviour.context == .deferred {
                    found = .uncalled
                } else {
                    self = .installOrLoad
                    return
                }
            }
            self = found
        }
    }

    /// One row per (ecosystem, how much the code shows): where the misses are, and what a behaviour-based detector
    /// can and cannot see.
    func byEvidence(samples: [LabelledSequence], outcome: CrossValidation.Outcome) -> EvaluationSection {
        let evidence = samples.map { Evidence($0.sequence) }
        var rows: [EvaluationRow] = []
        for ecosystem in Ecosystem.allCases {
            for kind in Evidence.allCases {
                let name = "\(ecosystem.rawValue), \(kind.title)"
                let found = row(
                    name, outcome: outcome, nested: false, samples: samples,
                    indices: { index in
                        samples[index].ecosystem == ecosystem && evidence[index] == kind
                    })
                if let found { rows.append(found) }
            }
        }
        return EvaluationSection(
            title: "By what the code shows (cross-validated scores, default thresholds)",
            note: "Packages by the strongest behaviour the analysers found outside tests, docs and examples: none "
                + "(apart from the install hook itself), only low-signal ones (imports, file and network use, URLs), "
                + "high-signal ones (secret stores, exfiltration channels, fetched or written code run, hiding, "
                + "persistence, obfuscation, evaluation) only in functions nothing calls, or a high-signal one at "
                + "install or load. Malware in the first two rows carries its payload where static analysis of the "
                + "package's own code cannot see it.",
            rows: rows)
    }

    /// The gate as `audit` and `scan` apply it at the default thresholds: the model's verdict, and the
    /// `install_time_threat` rule (`InstallTimeThreat`), which blocks whatever the score. A package the rule
    /// catches counts as scored 1, so these rows' ROC-AUC ranks it first.
    func gate(samples: [LabelledSequence], outcome: CrossValidation.Outcome) -> EvaluationSection {
        var gated = outcome
        var fired: [String: Int] = [:]
        var added: [String: Int] = [:]
        for (index, sample) in samples.enumerated() {
            guard let score = gated.scores[index], !InstallTimeThreat.behaviours(in: sample.sequence).isEmpty
            else { continue }
            fired[sample.stratum, default: 0] += 1
            if score < thresholds.thresholds(for: sample.ecosystem).block { added[sample.stratum, default: 0] += 1 }
            gated.scores[index] = 1
        }
        func listed(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        }
        return EvaluationSection(
            title: "The gate: model and install_time_threat rule (cross-validated scores, default thresholds)",
            note: "A package is blocked when its score reaches the block threshold or when code that runs at install "
                + "shows a behaviour of the install_time_threat rule (credential and browser stores, exfiltration "
                + "channels, public-IP lookups, persistence, packed, name-obfuscated or off-screen code); the warn "
                + "threshold as above. The rule fires on: \(listed(fired)); of those, below the block threshold: "
                + "\(listed(added)).",
            rows: rows(samples: samples, outcome: gated, nested: false))
    }
}
