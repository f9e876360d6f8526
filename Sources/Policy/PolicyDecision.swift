import LockgateCore

/// What the policy decided about one package: its verdict and its findings after policy.
public struct PolicyDecision: Sendable, Hashable {
    /// `block` when any finding blocks, else `warn` when any warns, else `pass`.
    public var verdict: Verdict
    /// The findings after severity overrides, denylist and allowlist, sorted by rule then message.
    public var findings: [Finding]

    /// Creates a decision.
    /// - Parameters:
    ///   - verdict: The verdict.
    ///   - findings: The findings.
    public init(verdict: Verdict, findings: [Finding]) {
        self.verdict = verdict
        self.findings = findings
    }
}
