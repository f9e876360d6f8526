import LockgateCore
import Testing

@testable import Classifier

/// The "by what the code shows" evaluation slices: each package lands in the slice of the strongest behaviour found
/// outside tests and docs, and each slice's recall and false-positive rate count only its own packages.
@Suite struct EvidenceSliceTests {
    typealias Evidence = Evaluator.Evidence

    /// A sequence of (kind, context) behaviours in one entry.
    static func sequence(_ behaviours: [(BehaviourKind, CodeContext)], ecosystem: Ecosystem = .pypi)
        -> BehaviourSequence
    {
        let made = behaviours.enumerated().map { index, item in
            Behaviour(
                kind: item.0, path: "pkg/mod.py", line: index + 1, column: 1, snippet: "synthetic",
                language: .python, context: item.1)
        }
        return BehaviourSequence(
            ecosystem: ecosystem, behaviours: made,
            tokens: [.entryStart(.main)] + made.indices.map { .behaviour($0) } + [.entryEnd(.main)],
            features: PackageFeatures(fileCount: 1, totalBytes: 100, pythonFiles: 1, sourceBytes: 100))
    }

    /// Thresholds of 0.9 (block) and 0.5 (warn) for every ecosystem.
    static let evaluator = Evaluator(
        configuration: TrainingTests.configuration(),
        thresholds: ThresholdSet(all: ScoreThresholds(block: 0.9, warn: 0.5)))

    /// Labelled samples (one group each) and an outcome holding the given scores.
    static func scored(_ items: [(BehaviourSequence, Bool, Double)]) -> ([LabelledSequence], CrossValidation.Outcome) {
        let samples = items.enumerated().map { index, item in
            LabelledSequence(
                sequence: item.0, isMalicious: item.1, source: "synthetic", group: "g\(index)",
                identifier: "sample-\(index)")
        }
        return (samples, CrossValidation.Outcome(scores: items.map(\.2), foldThresholds: items.map { _ in nil }))
    }

    @Test func strongestBehaviourOutsideTestsDecidesTheSlice() {
        #expect(Evidence(Self.sequence([])) == .nothing)
        // The install hook alone (a print-only setup.py) and anything in tests show nothing.
        #expect(Evidence(Self.sequence([(.installHook, .install), (.evalCode, .auxiliary)])) == .nothing)
        #expect(Evidence(Self.sequence([(.installHook, .install), (.readFile, .install)])) == .lowSignal)
        #expect(Evidence(Self.sequence([(.url, .runtime), (.urlWebhook, .deferred)])) == .uncalled)
        // Order does not matter: a high-signal behaviour at load wins over one in uncalled code.
        #expect(Evidence(Self.sequence([(.evalCode, .deferred), (.readEnvironmentAll, .runtime)])) == .installOrLoad)
        #expect(Evidence(Self.sequence([(.readFile, .deferred), (.downloadExecute, .install)])) == .installOrLoad)
    }

    @Test func eachSliceCountsOnlyItsOwnPackages() {
        let items = [
            (Self.sequence([(.installHook, .install)]), true, 0.10),
            (Self.sequence([(.installHook, .install)]), false, 0.05),
            (Self.sequence([(.readFile, .runtime)]), true, 0.95),
            (Self.sequence([(.downloadExecute, .install)]), true, 0.99),
            (Self.sequence([(.downloadExecute, .install)]), false, 0.20),
            (Self.sequence([(.downloadExecute, .install)], ecosystem: .npm), true, 0.97),
        ]
        let (samples, outcome) = Self.scored(items)
        let evaluator = Self.evaluator
        let section = evaluator.byEvidence(samples: samples, outcome: outcome)
        let rows = Dictionary(uniqueKeysWithValues: section.rows.map { ($0.slice, $0) })
        #expect(
            section.rows.map(\.slice) == [
                "npm, high-signal at install or load", "pypi, nothing outside tests and docs",
                "pypi, only low-signal behaviours", "pypi, high-signal at install or load",
            ])
        let nothing = rows["pypi, nothing outside tests and docs"]
        #expect(nothing?.malicious == 1 && nothing?.benign == 1 && nothing?.recall == 0)
        #expect(rows["pypi, only low-signal behaviours"]?.recall == 1)
        let strong = rows["pypi, high-signal at install or load"]
        #expect(strong?.malicious == 1 && strong?.benign == 1 && strong?.recall == 1)
        #expect(strong?.falsePositiveRate == 0)
        #expect(rows["npm, high-signal at install or load"]?.malicious == 1)
    }

    @Test func theGateBlocksInstallTimeThreatsWhateverTheScore() {
        let items = [
            // A webhook at install scored low: the rule blocks it.
            (Self.sequence([(.installHook, .install), (.urlWebhook, .install)]), true, 0.10),
            // The same kind in code nothing calls, or in tests, is left to the score.
            (Self.sequence([(.urlWebhook, .deferred)]), true, 0.20),
            (Self.sequence([(.urlWebhook, .auxiliary)]), false, 0.05),
            // Kinds outside the rule (a binary installer's download and run) are left to the score too.
            (Self.sequence([(.downloadExecute, .install)]), false, 0.30),
            (Self.sequence([(.readFile, .runtime)]), true, 0.95),
        ]
        let (samples, outcome) = Self.scored(items)
        let evaluator = Self.evaluator
        let model = evaluator.rows(samples: samples, outcome: outcome, nested: false)
        let gate = evaluator.gate(samples: samples, outcome: outcome)
        let pypi = gate.rows.first { $0.slice == "pypi" }
        #expect(model.first { $0.slice == "pypi" }?.recall == 1.0 / 3)
        #expect(pypi?.recall == 2.0 / 3)
        #expect(pypi?.falsePositiveRate == 0)
        #expect(gate.note.contains("pypi/malicious 1"), "\(gate.note)")
    }
}

