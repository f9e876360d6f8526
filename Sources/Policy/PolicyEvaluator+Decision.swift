import LockgateCore

extension PolicyEvaluator {
    /// Decides a package's verdict from every stage's findings.
    ///
    /// In order: each finding gets its rule's level from the policy (`off` drops it; findings of rules the policy
    /// does not name keep their severity); a denylisted package gets a blocking `denylisted` finding; an allowlist
    /// entry that matches and has expired adds `allowlist_expired` and does not apply; a matching entry that has not
    /// expired downgrades every finding to `info` with "(allowlisted: reason)" appended — except `denylisted` and
    /// integrity mismatches (rule ids containing `integrity_mismatch`), which keep their severity.
    /// - Parameters:
    ///   - subject: The package.
    ///   - findings: Its findings from every stage, at their rules' default severities or already after policy.
    /// - Returns: The verdict (block if any finding blocks, else warn if any warns, else pass) and the findings
    ///   sorted by rule, then message.
    public func decide(_ subject: PolicySubject, findings: [Finding]) -> PolicyDecision {
        var result = findings.compactMap { applyingLevel(to: $0) }
        let id = "\(subject.name)@\(subject.version)"
        for entry in policy.denylist where applies(entry.selector, entry.ecosystem, to: subject) {
            let evidence = policyEvidence(entry.location, entry.selector)
            if let finding = finding("denylisted", "\(id) is denylisted: \(entry.reason)", evidence) {
                result.append(finding)
            }
        }
        var trusted: Policy.AllowlistEntry?
        for entry in policy.allowlist where applies(entry.selector, entry.ecosystem, to: subject) {
            guard entry.isExpired(today: today) else {
                if trusted == nil { trusted = entry }
                continue
            }
            let message = "the allowlist entry for \(id) expired on \(entry.expires ?? "?") and no longer applies "
                + "(it said: \(entry.reason))"
            if let finding = finding("allowlist_expired", message, policyEvidence(entry.location, entry.selector)) {
                result.append(finding)
            }
        }
        if let trusted {
            result = result.map { Self.downgrade($0, reason: trusted.reason) }
        }
        let sorted = Self.sorted(result)
        return PolicyDecision(verdict: Self.verdict(for: sorted), findings: sorted)
    }

    /// The verdict a set of findings gives: block if any blocks, else warn if any warns, else pass.
    /// - Parameter findings: The findings after policy.
    /// - Returns: The verdict.
    public static func verdict(for findings: [Finding]) -> Verdict {
        switch findings.map(\.severity).max() {
        case .block: .block
        case .warn: .warn
        case .info, nil: .pass
        }
    }

    // MARK: - Private

    private func applies(_ selector: PackageSelector, _ ecosystem: Ecosystem?, to subject: PolicySubject) -> Bool {
        if let ecosystem, ecosystem != subject.ecosystem { return false }
        return selector.matches(ecosystem: subject.ecosystem, name: subject.name, version: subject.version,
                                sha256: subject.sha256)
    }

    /// Evidence at an entry of the policy file; none for a built-in policy.
    private func policyEvidence(_ location: SourceLocation?, _ selector: PackageSelector) -> [Evidence] {
        guard let policyPath else { return [] }
        return [Evidence(path: policyPath, line: location?.line, column: location?.column,
                         snippet: selector.description)]
    }

    /// An allowlisted package's finding: `info`, with the reason appended; denylist and integrity-mismatch findings
    /// keep their severity (an allowlist trusts a package, not bytes that differ from the locked ones).
    private static func downgrade(_ finding: Finding, reason: String) -> Finding {
        if finding.rule == "denylisted" || finding.rule.contains("integrity_mismatch") { return finding }
        var result = finding
        result.severity = .info
        result.message += " (allowlisted: \(reason))"
        return result
    }
}
