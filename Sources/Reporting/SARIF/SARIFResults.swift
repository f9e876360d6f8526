import LockgateCore

/// Turns package reports into SARIF results: one per finding, located on the package's lockfile line.
struct SARIFResults {
    /// The rule index of each rule id in `tool.driver.rules`.
    let ruleIndex: [String: Int]
    /// Every lockfile path in the report; evidence in these files is in the repository (`%SRCROOT%`).
    let repositoryPaths: Set<String>

    /// The results for every finding of every package, sorted by (uri, line, column, rule id, message).
    /// - Parameter packages: Packages in canonical order.
    /// - Returns: The results.
    func results(for packages: [PackageReport]) -> [SARIFResult] {
        var results: [SARIFResult] = []
        for package in packages {
            for finding in package.findings { results.append(result(finding, of: package)) }
        }
        return results.sorted { Self.key($0).lexicographicallyPrecedes(Self.key($1)) }
    }

    /// The primary location of a package: its lockfile line, else its input, else its first evidence file (inside
    /// the package, so against `PACKAGEROOT`).
    /// - Parameters:
    ///   - package: The package.
    ///   - snippet: The lockfile-line snippet that sets the region's end, if any.
    /// - Returns: The location, or nil when the package names no file at all.
    static func primaryLocation(of package: PackageReport, snippet: String?) -> SARIFLocation? {
        let artifact: SARIFArtifactLocation
        if let path = package.lockfile ?? package.input {
            artifact = SARIFURI.artifactLocation(path)
        } else if let path = package.findings.lazy.flatMap(\.evidence).first?.path {
            artifact = SARIFURI.artifactLocation(path, base: SARIFURI.packageRoot)
        } else {
            return nil
        }
        let line = max(1, package.location?.line ?? 1)
        let column = max(1, package.location?.column ?? 1)
        let length = snippet.map { $0.prefix { $0 != "\n" && $0 != "\r" }.unicodeScalars.count } ?? 0
        let region = SARIFRegion(
            startLine: line, startColumn: column, endLine: line, endColumn: column + max(1, length),
            snippet: snippet.map { SARIFSnippet(text: $0) })
        return SARIFLocation(
            physicalLocation: SARIFPhysicalLocation(artifactLocation: artifact, region: region))
    }

    // MARK: - Private

    private func result(_ finding: Finding, of package: PackageReport) -> SARIFResult {
        let path = package.lockfile ?? package.input
        let primary = Self.primaryLocation(of: package, snippet: lockfileSnippet(finding, of: package))
        let related = relatedLocations(finding, of: package)
        let fingerprint = SARIFFingerprint.fingerprint(
            rule: finding.rule, ecosystem: package.ecosystem.rawValue, name: package.name, version: package.version,
            path: path ?? "")
        return SARIFResult(
            ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule] ?? 0, level: SARIFRules.level(finding.severity),
            message: SARIFMessage(text: "\(package.name)@\(package.version): \(finding.message)"),
            locations: primary.map { [$0] } ?? [], relatedLocations: related.isEmpty ? nil : related,
            partialFingerprints: [SARIFFingerprint.key: fingerprint], properties: scoreProperties(finding, of: package))
    }

    /// The package's score on the detector's findings (`detector_score`, `behaviour_<kind>`), when it is finite.
    private func scoreProperties(_ finding: Finding, of package: PackageReport) -> SARIFResultProperties? {
        guard RuleCatalog.rule(finding.rule)?.isScoreGraded == true, let score = package.score, score.isFinite else {
            return nil
        }
        return SARIFResultProperties(score: score)
    }

    /// The snippet of the evidence on the package's own lockfile line: from this finding, else from any finding.
    private func lockfileSnippet(_ finding: Finding, of package: PackageReport) -> String? {
        guard let lockfile = package.lockfile else { return nil }
        let line = package.location?.line
        func onLine(_ evidence: Evidence) -> Bool {
            evidence.path == lockfile && evidence.line == line && !(evidence.snippet ?? "").isEmpty
        }
        let own = finding.evidence.first(where: onLine)
        let any = package.findings.lazy.flatMap(\.evidence).first(where: onLine)
        return (own ?? any)?.snippet
    }

    /// Evidence other than the package's own lockfile line, numbered from 1.
    private func relatedLocations(_ finding: Finding, of package: PackageReport) -> [SARIFLocation] {
        var locations: [SARIFLocation] = []
        for evidence in finding.evidence {
            if evidence.path == package.lockfile, evidence.line == nil || evidence.line == package.location?.line {
                continue
            }
            let inRepository = repositoryPaths.contains(evidence.path)
            let artifact = SARIFURI.artifactLocation(
                evidence.path, base: inRepository ? SARIFURI.sourceRoot : SARIFURI.packageRoot)
            let region = evidence.line.map { line in
                SARIFRegion(
                    startLine: max(1, line), startColumn: evidence.column.map { max(1, $0) },
                    snippet: evidence.snippet.map { SARIFSnippet(text: $0) })
            }
            var text = inRepository ? evidence.path : "\(package.name)@\(package.version): \(evidence.path)"
            if let line = evidence.line { text += ":\(line)" }
            if let snippet = evidence.snippet, !snippet.isEmpty { text += ": \(snippet)" }
            locations.append(
                SARIFLocation(
                    id: locations.count + 1,
                    physicalLocation: SARIFPhysicalLocation(artifactLocation: artifact, region: region),
                    message: SARIFMessage(text: text)))
        }
        return locations
    }

    private static func key(_ result: SARIFResult) -> [String] {
        let region = result.locations.first?.physicalLocation.region
        return [
            result.locations.first?.physicalLocation.artifactLocation.uri ?? "",
            padded(region?.startLine ?? 0), padded(region?.startColumn ?? 0), result.ruleId, result.message.text,
            result.partialFingerprints[SARIFFingerprint.key] ?? "",
        ]
    }

    /// Zero-padded so numbers sort as numbers inside a string key.
    private static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }
}
