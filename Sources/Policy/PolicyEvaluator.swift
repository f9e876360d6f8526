import Foundation
import LockgateCore

/// Applies a policy: the lockfile checks it governs, and the verdict for a package given every stage's findings.
public struct PolicyEvaluator: Sendable {
    /// The policy applied.
    public let policy: Policy
    /// The policy file's path, for evidence that points at allowlist and denylist entries; nil for a built-in policy.
    public let policyPath: String?
    /// The current date, `YYYY-MM-DD`: allowlist entries that expire before it no longer apply.
    public let today: String

    /// Creates an evaluator.
    /// - Parameters:
    ///   - policy: The policy.
    ///   - policyPath: The policy file's path, or nil for a built-in policy.
    ///   - today: The current date as `YYYY-MM-DD` (see `PolicyEvaluator.date(_:)`); tests pin it.
    public init(policy: Policy, policyPath: String?, today: String) {
        self.policy = policy
        self.policyPath = policyPath
        self.today = today
    }

    /// A date as `YYYY-MM-DD` in UTC, the form `today` takes.
    /// - Parameter date: The date; now by default.
    /// - Returns: The calendar date in UTC.
    public static func date(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The detector score thresholds for an ecosystem: its override where set, else the top-level value.
    /// - Parameter ecosystem: The ecosystem.
    /// - Returns: A score at or above `block` blocks; at or above `warn` warns.
    public func thresholds(for ecosystem: Ecosystem) -> (block: Double, warn: Double) {
        let thresholds = policy.thresholds(for: ecosystem)
        return (thresholds.block, thresholds.warn)
    }

    /// A finding of `rule` at the severity the policy gives it, or nil when the policy turns the rule off.
    /// - Parameters:
    ///   - rule: The rule id.
    ///   - message: The message.
    ///   - evidence: Where it shows.
    /// - Returns: The finding, or nil.
    func finding(_ rule: String, _ message: String, _ evidence: [Evidence]) -> Finding? {
        let carried = RuleCatalog.rule(rule)?.defaultSeverity ?? .warn
        return applyingLevel(to: Finding(rule: rule, severity: carried, message: message, evidence: evidence))
    }

    /// Applies the policy's level for the finding's rule: a new severity, or nil when the rule is off. Rules the
    /// policy does not name keep the severity the finding carries.
    /// - Parameter finding: The finding.
    /// - Returns: The finding after policy, or nil.
    func applyingLevel(to finding: Finding) -> Finding? {
        guard let level = policy.level(for: finding.rule) else { return finding }
        guard let severity = level.severity else { return nil }
        var result = finding
        result.severity = severity
        return result
    }

    /// Sorts findings by rule, then message, then evidence, so the same input gives the same order.
    /// - Parameter findings: Findings in any order.
    /// - Returns: The sorted findings.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { left, right in
            if left.rule != right.rule { return left.rule < right.rule }
            if left.message != right.message { return left.message < right.message }
            if left.severity != right.severity { return left.severity > right.severity }
            let leftPlace = left.evidence.first.map { ($0.path, $0.line ?? 0, $0.column ?? 0) } ?? ("", 0, 0)
            let rightPlace = right.evidence.first.map { ($0.path, $0.line ?? 0, $0.column ?? 0) } ?? ("", 0, 0)
            return leftPlace < rightPlace
        }
    }
}
