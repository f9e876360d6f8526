/// The package ecosystem a locked package belongs to.
public enum Ecosystem: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case npm
    case pypi

    public static func < (lhs: Ecosystem, rhs: Ecosystem) -> Bool { lhs.rawValue < rhs.rawValue }
}
