import Archive
import Cache
import Fetch
import Foundation
import Lockfile
import LockgateCore
import Names
import Policy

extension Auditor {
    /// Audits every lockfile named by the options: lockfile and name checks, then (unless `fetch` is nil) every
    /// package downloaded, verified, read and analysed, then the policy's verdict per package.
    /// - Parameters:
    ///   - options: What to audit and under which policy.
    ///   - fetch: How to download; nil checks the lockfiles alone (`--lockfile-only`).
    ///   - progress: Called after each package is inspected.
    /// - Returns: The report; its `exitCode` is the run's exit status.
    public func audit(
        _ options: AuditOptions, fetch: FetchOptions? = nil, progress: (@Sendable (FetchProgress) -> Void)? = nil
    ) async -> ScanReport {
        let (parsed, problems, changes) = readForAudit(options)
        let evaluator = PolicyEvaluator(policy: options.policy, policyPath: options.policyPath, today: options.today)
        var work: [PackageWork] = []
        for file in parsed {
            let lines = String(decoding: file.data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let directory = (file.absolutePath as NSString).deletingLastPathComponent
            for package in file.contents.packages where changes?.isNew(package, lockfile: file.absolutePath) ?? true {
                let findings = lockfileFindings(package, lockfile: file.contents.path, lines: lines, evaluator: evaluator)
                work.append(PackageWork(
                    package: package, lockfile: file.contents.path, lockfileDirectory: directory,
                    evidence: Evidence(
                        path: file.contents.path, line: package.location.line, column: package.location.column,
                        snippet: Self.line(package.location.line, in: lines)?.trimmingCharacters(in: .whitespaces)),
                    findings: findings))
            }
        }
        let inspections = await inspectAll(work, options: options, fetch: fetch, progress: progress)
        var reports: [PackageReport] = []
        for (item, inspection) in zip(work, inspections) {
            let package = item.package
            let subject = PolicySubject(
                ecosystem: package.ecosystem, name: package.name, version: package.version,
                sha256: inspection?.sha256, score: inspection?.score)
            var decision = Detector.judge(
                subject, findings: item.findings + (inspection?.findings ?? []), policy: options.policy,
                evaluator: evaluator)
            if inspection?.failed == true {
                if options.policy.fetch.failOpen {
                    decision.findings = decision.findings.map { finding in
                        guard finding.rule == "fetch_failed" else { return finding }
                        var open = finding
                        open.severity = .warn
                        open.message += " (fetch.fail-open: reported as a warning)"
                        return open
                    }
                    decision.verdict = PolicyEvaluator.verdict(for: decision.findings)
                } else {
                    decision.verdict = .error
                }
            }
            reports.append(PackageReport(
                ecosystem: package.ecosystem, name: package.name, version: package.version, lockfile: item.lockfile,
                location: package.location, sha256: inspection?.sha256, score: inspection?.score,
                verdict: decision.verdict, findings: decision.findings))
        }
        return ScanReport(packages: reports, problems: problems)
    }

    // MARK: - Private

    /// One package to judge, with what the lockfile alone says about it.
    private struct PackageWork: Sendable {
        var package: LockedPackage
        var lockfile: String
        var lockfileDirectory: String
        var evidence: Evidence
        var findings: [Finding]
    }

    private static func line(_ number: Int, in lines: [Substring]) -> String? {
        lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
    }

    /// Policy and name checks from the lockfile alone, for the entry and for every other source it lists.
    private func lockfileFindings(
        _ package: LockedPackage, lockfile: String, lines: [Substring], evaluator: PolicyEvaluator
    ) -> [Finding] {
        let line = Self.line(package.location.line, in: lines)
        var findings = evaluator.lockfileFindings(for: package, lockfilePath: lockfile, line: line)
        for other in package.otherSources {
            var variant = package
            variant.source = other.source
            variant.location = other.location
            let otherLine = Self.line(other.location.line, in: lines)
            for finding in evaluator.lockfileFindings(for: variant, lockfilePath: lockfile, line: otherLine)
            where !findings.contains(where: { $0.rule == finding.rule && $0.message == finding.message }) {
                findings.append(finding)
            }
        }
        findings += NameChecks.findings(
            for: package, lockfilePath: lockfile, snippet: line?.trimmingCharacters(in: .whitespaces),
            detector: typosquats)
        return findings
    }

    /// Inspects every package with at most `jobs` in flight; nil entries when fetching is off.
    private func inspectAll(
        _ work: [PackageWork], options: AuditOptions, fetch: FetchOptions?,
        progress: (@Sendable (FetchProgress) -> Void)?
    ) async -> [Inspection?] {
        guard let fetch, let inspector = makeInspector(options: options, fetch: fetch) else {
            return Array(repeating: nil, count: work.count)
        }
        var results = [Inspection?](repeating: nil, count: work.count)
        // The warm path: every package whose lockfile entry is unchanged since a previous run, in one database read.
        let cached = inspector.cachedInspections(work.map(\.package))
        var pending: [Int] = []
        for (index, item) in work.enumerated() {
            if let inspection = cached[LockfileIdentity.key(item.package)] {
                results[index] = inspection
            } else {
                pending.append(index)
            }
        }
        var done = work.count - pending.count
        var bytes = 0
        if done > 0 {
            progress?(FetchProgress(done: done, total: work.count, bytes: 0, current: "cache"))
        }
        await withTaskGroup(of: (Int, Inspection).self) { group in
            var next = 0
            func addNext() {
                guard next < pending.count else { return }
                let index = pending[next]
                let item = work[index]
                group.addTask {
                    let inspection = await inspector.inspect(
                        item.package, lockfileDirectory: item.lockfileDirectory, lockfileEvidence: item.evidence)
                    return (index, inspection)
                }
                next += 1
            }
            for _ in 0..<min(fetch.jobs, pending.count) { addNext() }
            for await (index, inspection) in group {
                results[index] = inspection
                done += 1
                bytes += inspection.downloadedBytes
                progress?(FetchProgress(done: done, total: work.count, bytes: bytes, current: work[index].package.id))
                addNext()
            }
        }
        return results
    }

    private func makeInspector(options: AuditOptions, fetch: FetchOptions) -> PackageInspector? {
        let projectDirectory = RepositoryPaths(workingDirectory: options.workingDirectory).root ?? options.workingDirectory
        let settings = RegistrySettings.load(
            projectDirectory: projectDirectory, environment: fetch.environment,
            policyNPMRegistry: options.policy.registries.npm, policyPyPIIndex: options.policy.registries.pypi)
        let client = CurlHTTPClient(configuration: HTTPClientConfiguration(
            totalTimeout: fetch.timeout, maxConcurrentTransfers: fetch.jobs, caBundle: fetch.caBundle))
        let http = RegistryHTTP(client: client, credentials: settings.credentials)
        return PackageInspector(
            locator: PackageLocator(http: http, settings: settings, maxFilesPerRelease: options.policy.fetch.maxFilesPerRelease),
            fetcher: CurlFetcher(http: http),
            archives: try? ArchiveStore(cacheDirectory: fetch.cacheDirectory, sha256: Digest.sha256),
            analyses: try? AnalysisStore(cacheDirectory: fetch.cacheDirectory),
            offline: fetch.offline,
            limits: options.policy.archives.readerLimits,
            detector: detector)
    }
}
