import LockgateCore

/// What a policy does with one rule's findings: report them at a severity, or turn the rule off.
public enum RuleLevel: String, Sendable, Hashable, CaseIterable {
    /// Findings block the package.
    case block
    /// Findings make the package's verdict `warn`.
    case warn
    /// Findings are shown but do not change the verdict.
    case info
    /// The rule is off: it produces no findings.
    case off

    /// The severity of the rule's findings, or nil when the rule is off.
    public var severity: Severity? {
        switch self {
        case .block: .block
        case .warn: .warn
        case .info: .info
        case .off: nil
        }
    }
}
