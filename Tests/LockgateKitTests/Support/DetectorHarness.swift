import Classifier
import Foundation
import LockgateCore
import LockgateKit
import LockgateTestSupport
import Names
import Policy

/// A project folder (a git repository root, so reports show paths relative to it), a loopback registry serving the
/// project's packages, and a cache folder: `audit` runs the real pipeline — download, integrity check, archive
/// reader, analyser, detector, SQLite verdict cache, policy — with the model the test gives it.
final class DetectorHarness: @unchecked Sendable {
    // @unchecked Sendable: immutable after init; the registry is itself thread-safe.
    let directory: TemporaryDirectory
    let registry: FakeRegistry

    /// A typosquat detector with no popular names: the fixtures' names are never candidates.
    static let noTyposquats = TyposquatDetector(popular: PopularNames(npm: [], pypi: []))

    /// The fixed date allowlist expiry is judged against.
    static let today = "2026-06-01"

    init() throws {
        directory = try TemporaryDirectory()
        registry = try FakeRegistry()
        try directory.write("project/.git/HEAD", "ref: refs/heads/main\n")
    }

    deinit { registry.stop() }

    /// The project folder.
    var project: String { directory.path + "/project" }
    /// lockgate's cache folder (archives and the verdict database).
    var cacheDirectory: String { directory.path + "/cache" }

    /// Fetch options that point npm and pip at the loopback registry.
    func fetchOptions(offline: Bool = false) -> FetchOptions {
        FetchOptions(
            offline: offline, jobs: 4, cacheDirectory: cacheDirectory, timeout: 30,
            environment: [
                "HOME": directory.path + "/home", "npm_config_registry": registry.baseURL,
                "PIP_INDEX_URL": registry.simpleURL,
            ])
    }

    /// Publishes npm packages and writes package-lock.json locking them (public registry URLs, which the configured
    /// registry replaces, as npm does).
    /// - Parameter packages: (name, version, tarball).
    func npmProject(_ packages: [(String, String, Data)]) throws {
        let locked = packages.map { name, version, tarball in
            let integrity = registry.publishNPM(name: name, version: version, tarball: tarball)
            return NPMLockfile.Entry(name: name, version: version, integrity: integrity)
        }
        try directory.write("project/package-lock.json", NPMLockfile.text(locked))
    }

    /// Publishes Python sdists and writes requirements.txt pinning them with their sha256.
    /// - Parameter packages: (name, version, sdist).
    func pythonProject(_ packages: [(String, String, Data)]) throws {
        var lines: [String] = []
        for (name, version, sdist) in packages {
            let sha256 = registry.publishPython(project: name, fileName: "\(name)-\(version).tar.gz", data: sdist)
            lines.append("\(name)==\(version) --hash=sha256:\(sha256)")
        }
        try directory.write("project/requirements.txt", lines.joined(separator: "\n") + "\n")
    }

    /// Audits the project's lockfiles.
    /// - Parameters:
    ///   - model: The behaviour model, or nil for none.
    ///   - policy: The policy's YAML text, or nil for the built-in default.
    ///   - offline: Whether to use the cache alone.
    /// - Returns: The report.
    func audit(model: BehaviourClassifier?, policy: String? = nil, offline: Bool = false) async throws -> ScanReport {
        let (resolved, path) = try Self.policy(policy, in: directory)
        let auditor = Auditor(typosquats: Self.noTyposquats, classifier: model)
        let options = AuditOptions(
            paths: [], workingDirectory: project, policy: resolved, policyPath: path, today: Self.today)
        return await auditor.audit(options, fetch: fetchOptions(offline: offline))
    }

    /// A policy from YAML (written to a file, so evidence can point at it), or the default.
    static func policy(_ yaml: String?, in directory: TemporaryDirectory) throws -> (Policy, String?) {
        guard let yaml else { return (.defaultPolicy, nil) }
        let path = try directory.write("policy-\(UUID().uuidString).yml", yaml)
        return (try PolicyLoader.parse(yaml, path: path), path)
    }

    /// YAML for a policy with top-level thresholds and optional per-ecosystem overrides.
    static func thresholds(block: Double, warn: Double, npm: (Double, Double)? = nil, pypi: (Double, Double)? = nil)
        -> String
    {
        func number(_ value: Double) -> String { String(format: "%.6f", min(1, max(0, value))) }
        var yaml = "version: 1\nthresholds:\n  block: \(number(block))\n  warn: \(number(warn))\n"
        var overrides: [String] = []
        for (name, pair) in [("npm", npm), ("pypi", pypi)] {
            guard let (ecosystemBlock, ecosystemWarn) = pair else { continue }
            overrides.append(
                "  \(name):\n    thresholds:\n"
                    + "      block: \(number(ecosystemBlock))\n      warn: \(number(ecosystemWarn))\n")
        }
        if !overrides.isEmpty { yaml += "ecosystems:\n" + overrides.joined() }
        return yaml
    }
}

extension ScanReport {
    /// The report of the package with this name.
    func package(_ name: String) -> PackageReport? { packages.first { $0.name == name } }
}

extension PackageReport {
    /// The detector's findings: `detector_score` and `behaviour_<kind>`.
    var detectorFindings: [Finding] {
        findings.filter { $0.rule == "detector_score" || $0.rule.hasPrefix("behaviour_") }
    }
}
