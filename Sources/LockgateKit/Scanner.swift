import Archive
import Classifier
import Fetch
import Foundation
import LockgateCore
import Policy

/// `lockgate scan`: package archives (.tgz, .tar.gz, .whl, .zip) and unpacked package directories given on the
/// command line, read in memory, analysed and judged by the policy like locked packages.
public struct Scanner: Sendable {
    private let detector: Detector

    /// Creates a scanner.
    /// - Parameter classifier: The behaviour model (the bundled one in production); nil analyses without scoring
    ///     and reports every analysed package as `not_analysed` (warn), never as passed.
    public init(classifier: BehaviourClassifier? = nil) {
        detector = Detector(classifier: classifier)
    }

    /// The behaviour model's version, or nil when none is loaded: packages are then analysed but not scored, and
    /// each gets a `not_analysed` warning instead of a verdict from the detector.
    public var modelVersion: String? { detector.hasModel ? detector.modelVersion : nil }

    /// Scans inputs.
    /// - Parameters:
    ///   - inputs: Archive files or package directories, as given.
    ///   - ecosystem: Forces the ecosystem instead of detecting it from the content.
    ///   - options: The policy, working directory and date.
    /// - Returns: One package report per input (`input` set to the path as given).
    public func scan(_ inputs: [String], ecosystem: Ecosystem?, options: AuditOptions) -> ScanReport {
        let evaluator = PolicyEvaluator(policy: options.policy, policyPath: options.policyPath, today: options.today)
        let paths = RepositoryPaths(workingDirectory: options.workingDirectory)
        let limits = options.policy.archives.readerLimits
        var reports: [PackageReport] = []
        var problems: [RunProblem] = []
        for input in inputs {
            let absolute = paths.absolute(input)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                problems.append(RunProblem(path: input, location: nil, message: "no such file or directory"))
                continue
            }
            let package: ScannedPackage
            if isDirectory.boolValue {
                package = PackageDirectory.read(absolute, limits: limits)
            } else {
                guard let data = FileManager.default.contents(atPath: absolute) else {
                    problems.append(RunProblem(path: input, location: nil, message: "cannot read the file"))
                    continue
                }
                package = ScannedPackage.archive(data, fileName: (input as NSString).lastPathComponent, limits: limits)
            }
            let resolvedEcosystem = ecosystem ?? package.ecosystem
            guard let resolvedEcosystem else {
                problems.append(RunProblem(
                    path: input, location: nil,
                    message: "cannot tell whether this is an npm or a PyPI package (no package.json, setup.py, "
                        + "pyproject.toml, PKG-INFO or METADATA); use --ecosystem"))
                continue
            }
            let name = package.name ?? (input as NSString).lastPathComponent
            let version = package.version ?? ""
            let detection = package.unreadable
                ? Detector.Result(score: nil, findings: [])
                : detector.detect(
                    package.files, ecosystem: resolvedEcosystem,
                    fileName: isDirectory.boolValue ? nil : (input as NSString).lastPathComponent)
            let subject = PolicySubject(
                ecosystem: resolvedEcosystem, name: name, version: version, sha256: package.sha256,
                score: detection.score)
            var decision = Detector.judge(
                subject, findings: package.findings + detection.findings, policy: options.policy, evaluator: evaluator)
            if package.unreadable && !decision.findings.isEmpty { decision.verdict = max(decision.verdict, .block) }
            reports.append(PackageReport(
                ecosystem: resolvedEcosystem, name: name, version: version, input: input, sha256: package.sha256,
                score: detection.score, verdict: decision.verdict, findings: decision.findings))
        }
        return ScanReport(packages: reports, problems: problems)
    }
}

extension Policy.Archives {
    /// The archive reader's limits for these policy settings.
    var readerLimits: ArchiveLimits {
        ArchiveLimits(
            maxEntries: maxEntries, maxEntryBytes: maxEntryBytes, maxTotalBytes: maxTotalBytes,
            maxCompressionRatio: maxCompressionRatio, maxPathDepth: maxPathDepth)
    }
}
