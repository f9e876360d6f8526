/// The decision about one package.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing stops it.
    case pass
    /// Suspicious: reported, does not fail the build.
    case warn
    /// Blocked by policy: the run exits 1.
    case block
    /// Could not be checked: the run exits 3 unless the policy fails open.
    case error

    private var rank: Int {
        switch self {
        case .pass: 0
        case .warn: 1
        case .block: 2
        case .error: 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}
