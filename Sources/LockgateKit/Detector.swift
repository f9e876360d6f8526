import Analysis
import Archive
import Classifier
import Foundation
import LockgateCore
import Policy

/// The detector: a package's files → its behaviour sequence (static analysis) → the bilingual model's calibrated
/// score, and the behaviours that drove the score as findings with their evidence.
struct Detector: Sendable {
    /// What the detector concluded about one package, before policy.
    struct Result: Sendable {
        /// The model's calibrated probability of malice; nil when no model is available (the findings then hold
        /// one `not_analysed` warning instead of behaviour findings).
        var score: Double?
        /// One finding per behaviour class among the score's strongest contributions (`behaviour_<kind>` rules),
        /// at severity `info` until the policy's thresholds grade them (see `Detector.grade`).
        var findings: [Finding]
    }

    /// How many of the strongest contributions name behaviours in the findings.
    static let topContributions = 8

    private let analyzer = PackageAnalyzer()
    private let classifier: BehaviourClassifier?

    /// Creates a detector with a model (nil: analysis only, no score, and a `not_analysed` finding per package).
    init(classifier: BehaviourClassifier?) {
        self.classifier = classifier
    }

    /// The version string that keys cached analyses: the model's version, or `unscored` without a model (not
    /// `none`, which earlier builds stored without the `not_analysed` finding).
    var modelVersion: String { classifier?.modelVersion ?? "unscored" }

    /// Whether a model is loaded.
    var hasModel: Bool { classifier != nil }

    /// Analyses and scores a package's files.
    /// - Parameters:
    ///   - entries: The archive's entries (files are analysed; links and directories are not).
    ///   - ecosystem: The ecosystem, when known.
    ///   - fileName: The archive's name, for evidence paths (`fileName!/path`); nil for a directory.
    /// - Returns: The score and the behaviour findings.
    func detect(_ entries: [ArchiveEntry], ecosystem: Ecosystem?, fileName: String?) -> Result {
        let files = entries.filter { $0.kind == .file }.map {
            PackageFile(path: $0.path, data: $0.data, isExecutable: $0.isExecutable)
        }
        let analysis = analyzer.analyse(files: files, ecosystem: ecosystem)
        // Findings that stand whatever the score: files left unanalysed, and install-time threats.
        let standing = [
            Self.incomplete(analysis.skippedFiles, files: files, fileName: fileName),
            Self.installThreat(analysis.sequence, fileName: fileName),
        ].compactMap { $0 }
        guard let classifier else {
            return Result(score: nil, findings: [Self.unscored(fileName: fileName)] + standing)
        }
        let explanation = classifier.explanation(analysis.sequence)
        return Result(
            score: explanation.score,
            findings: Self.findings(explanation, sequence: analysis.sequence, fileName: fileName) + standing)
    }

    /// The `analysis_incomplete` finding for source files the analyser left out because of its size caps (the
    /// score judges the rest only; a payload padded past the cap must not pass unseen), or nil when none was.
    /// - Parameters:
    ///   - skipped: The paths the analyser skipped.
    ///   - files: The package's files, for their sizes.
    ///   - fileName: The archive's name, for the evidence; nil for a directory.
    /// - Returns: The finding.
    static func incomplete(_ skipped: [String], files: [PackageFile], fileName: String?) -> Finding? {
        guard !skipped.isEmpty else { return nil }
        let sizes = Dictionary(files.map { ($0.path, $0.data.count) }, uniquingKeysWith: { first, _ in first })
        let named = skipped.prefix(3).map { path in
            "\(path) (\(String(format: "%.1f", Double(sizes[path] ?? 0) / 1_048_576)) MiB)"
        }
        let more = skipped.count > named.count ? " and \(skipped.count - named.count) more" : ""
        let cap = PackageAnalyzer.maxFileBytes >> 20
        let total = PackageAnalyzer.maxTotalBytes >> 20
        return Finding(
            rule: "analysis_incomplete",
            severity: RuleCatalog.rule("analysis_incomplete")?.defaultSeverity ?? .warn,
            message: "\(skipped.count) source file\(skipped.count == 1 ? " was" : "s were") not analysed (over the "
                + "analyser's caps: \(cap) MiB a file, \(total) MiB a package), so the score judges the rest only: "
                + named.joined(separator: ", ") + more,
            evidence: skipped.prefix(3).map { path in Evidence(path: fileName.map { "\($0)!/\(path)" } ?? path) })
    }

    /// The `install_time_threat` finding (`InstallTimeThreat`): what the install step does that ordinary install
    /// code does not, with up to three places, whatever the score; nil when nothing of the kind runs at install.
    /// - Parameters:
    ///   - sequence: The package's behaviour sequence.
    ///   - fileName: The archive's name, for the evidence; nil for a directory.
    /// - Returns: The finding.
    static func installThreat(_ sequence: BehaviourSequence, fileName: String?) -> Finding? {
        let indices = InstallTimeThreat.behaviours(in: sequence)
        guard !indices.isEmpty else { return nil }
        var kinds: [BehaviourKind] = []
        for index in indices where !kinds.contains(sequence.behaviours[index].kind) {
            kinds.append(sequence.behaviours[index].kind)
        }
        var places: [Evidence] = []
        for kind in kinds {
            guard places.count < 3, let index = indices.first(where: { sequence.behaviours[$0].kind == kind })
            else { continue }
            let behaviour = sequence.behaviours[index]
            places.append(
                Evidence(
                    path: fileName.map { "\($0)!/\(behaviour.path)" } ?? behaviour.path, line: behaviour.line,
                    column: behaviour.column, snippet: behaviour.snippet))
        }
        return Finding(
            rule: InstallTimeThreat.ruleID,
            severity: RuleCatalog.rule(InstallTimeThreat.ruleID)?.defaultSeverity ?? .block,
            message: "while it installs, the package " + kinds.map(\.summary).joined(separator: "; ")
                + " (ordinary install code does none of this; the rule applies whatever the detector score)",
            evidence: places)
    }

    /// Sets the severity of detector findings from the score and the policy's thresholds: at or above `block`,
    /// block; at or above `warn`, warn; below, the findings are dropped (they did not drive a verdict).
    /// - Parameters:
    ///   - findings: Findings of every stage.
    ///   - score: The package's score.
    ///   - thresholds: The policy's thresholds for the package's ecosystem.
    /// - Returns: The findings with detector findings graded.
    static func grade(_ findings: [Finding], score: Double?, block: Double, warn: Double) -> [Finding] {
        findings.compactMap { finding in
            guard finding.rule == "detector_score" || finding.rule.hasPrefix("behaviour_") else { return finding }
            guard let score, score >= warn else { return nil }
            var graded = finding
            graded.severity = score >= block ? .block : .warn
            return graded
        }
    }

    /// Judges one package: grades the detector findings by the policy's thresholds for its ecosystem, then lets the
    /// policy's allow and deny lists and severities decide (the one path `audit` and `scan` share).
    /// - Parameters:
    ///   - subject: The package as the policy sees it (its score included).
    ///   - findings: Findings of every stage.
    ///   - policy: The policy.
    ///   - evaluator: The policy's evaluator.
    /// - Returns: The decision.
    static func judge(
        _ subject: PolicySubject, findings: [Finding], policy: Policy, evaluator: PolicyEvaluator
    ) -> PolicyDecision {
        let thresholds = policy.thresholds(for: subject.ecosystem)
        let graded = grade(findings, score: subject.score, block: thresholds.block, warn: thresholds.warn)
        return evaluator.decide(subject, findings: graded)
    }

    /// The finding for a package analysed without a model: `not_analysed` at warn, so that a package whose code was
    /// never scored is not reported as passed (the gate fails closed; see docs/cli.md, "Without a model").
    /// - Parameter fileName: The archive's name, for the evidence; nil for a directory.
    /// - Returns: The finding.
    static func unscored(fileName: String?) -> Finding {
        Finding(
            rule: "not_analysed", severity: RuleCatalog.rule("not_analysed")?.defaultSeverity ?? .warn,
            message: "\(fileName.map { "\($0) was" } ?? "the package was") analysed but not scored: no behaviour model "
                + "is loaded (a broken installation, or a library caller that passed none), so its code was not judged",
            evidence: fileName.map { [Evidence(path: $0)] } ?? [])
    }

    // MARK: - Private

    /// One finding per behaviour kind among the strongest positive contributions that name behaviours.
    private static func findings(_ explanation: Explanation, sequence: BehaviourSequence, fileName: String?) -> [Finding] {
        var order: [BehaviourKind] = []
        var reasons: [BehaviourKind: [String]] = [:]
        var evidence: [BehaviourKind: [Int]] = [:]
        let strongest = explanation.contributions.filter { $0.weight > 0 && $0.isPresent && !$0.behaviourIndices.isEmpty }
        for contribution in strongest.prefix(topContributions) {
            for index in contribution.behaviourIndices where sequence.behaviours.indices.contains(index) {
                let kind = sequence.behaviours[index].kind
                if reasons[kind] == nil { order.append(kind) }
                if !(reasons[kind]?.contains(contribution.summary) ?? false) {
                    reasons[kind, default: []].append(contribution.summary)
                }
                if !(evidence[kind]?.contains(index) ?? false) { evidence[kind, default: []].append(index) }
            }
        }
        let score = String(format: "%.2f", explanation.score)
        let signals = explanation.contributions.filter { $0.weight > 0 }.prefix(4).map(\.summary)
        // The summary points at the first place of each of the strongest behaviour classes, each place once.
        var places: [Evidence] = []
        for kind in order {
            guard places.count < 3, let index = evidence[kind]?.first else { continue }
            let behaviour = sequence.behaviours[index]
            let place = Evidence(
                path: fileName.map { "\($0)!/\(behaviour.path)" } ?? behaviour.path, line: behaviour.line,
                column: behaviour.column, snippet: behaviour.snippet)
            if !places.contains(where: { $0.path == place.path && $0.line == place.line }) { places.append(place) }
        }
        let summary = Finding(
            rule: "detector_score", severity: .info,
            message: "detector score \(score); strongest signals: \(signals.joined(separator: "; "))",
            evidence: places)
        return [summary] + order.map { kind in
            let because = (reasons[kind] ?? []).prefix(2).joined(separator: "; ")
            let places = (evidence[kind] ?? []).prefix(3).map { index -> Evidence in
                let behaviour = sequence.behaviours[index]
                let path = fileName.map { "\($0)!/\(behaviour.path)" } ?? behaviour.path
                return Evidence(path: path, line: behaviour.line, column: behaviour.column, snippet: behaviour.snippet)
            }
            let context = sequence.behaviours[(evidence[kind] ?? [0])[0]].context
            let when: String
            switch context {
            case .install: when = kind == .installHook ? "" : " at install time"
            case .deferred: when = " in code that runs only when called (nothing calls it while installing or loading)"
            case .auxiliary: when = " in tests, docs or examples"
            case .runtime: when = " when loaded or run"
            }
            return Finding(
                rule: kind.ruleID, severity: .info,
                message: "the package \(kind.summary)\(when) "
                    + "(detector score \(score); \(because))",
                evidence: Array(places))
        }
    }
}
