import LockgateCore

/// Turns the name checks of one locked package into findings: `typosquat_candidate` and `name_url_mismatch`.
public enum NameChecks {
    /// The rule id of a name that is close to a popular name.
    public static let typosquatRule = "typosquat_candidate"
    /// The rule id of an entry whose archive URL names another package.
    public static let mismatchRule = "name_url_mismatch"

    /// Checks one package's name and archive URL.
    /// - Parameters:
    ///   - package: The locked package.
    ///   - lockfilePath: The lockfile's path as given, for the evidence.
    ///   - snippet: The lockfile text of the entry, if the caller has it.
    ///   - detector: The typosquat detector.
    /// - Returns: Zero, one or two findings, typosquat first, each with its rule's default severity and one
    ///   evidence at the entry's location.
    public static func findings(
        for package: LockedPackage, lockfilePath: String, snippet: String?, detector: TyposquatDetector
    ) -> [Finding] {
        let evidence = [
            Evidence(
                path: lockfilePath, line: package.location.line, column: package.location.column, snippet: snippet)
        ]
        var findings: [Finding] = []
        if let match = detector.match(package.name, ecosystem: package.ecosystem) {
            findings.append(
                Finding(
                    rule: typosquatRule, severity: severity(of: typosquatRule), message: match.description,
                    evidence: evidence))
        }
        if let claimed = NameURLCheck.mismatch(for: package), let url = package.source.url {
            let message = "the entry is '\(package.name)' but its tarball URL names '\(claimed)' (\(url))"
            findings.append(
                Finding(rule: mismatchRule, severity: severity(of: mismatchRule), message: message, evidence: evidence))
        }
        return findings
    }

    // MARK: - Private

    /// The catalog's default severity; `warn` if the catalog ever lost the rule (a test checks it has both).
    private static func severity(of rule: String) -> Severity {
        RuleCatalog.rule(rule)?.defaultSeverity ?? .warn
    }
}
