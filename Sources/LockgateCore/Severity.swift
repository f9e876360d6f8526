/// How much a finding weighs in the verdict; the policy can change a rule's severity or turn it off.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Shown, never changes the verdict.
    case info
    /// Makes the package's verdict `warn` at least.
    case warn
    /// Makes the package's verdict `block`.
    case block

    private var rank: Int {
        switch self {
        case .info: 0
        case .warn: 1
        case .block: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
