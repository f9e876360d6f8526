import LockgateCore

extension Policy {
    /// A package the policy trusts (`allowlist:`): its findings are kept but downgraded to `info`.
    public struct AllowlistEntry: Sendable, Hashable {
        /// Which package.
        public var selector: PackageSelector
        /// The ecosystem it applies to, or nil for both.
        public var ecosystem: Ecosystem?
        /// Why the package is trusted (required, non-empty).
        public var reason: String
        /// The last day the entry applies, `YYYY-MM-DD`, or nil for no expiry.
        public var expires: String?
        /// Where the entry starts in the policy file, for evidence.
        public var location: SourceLocation?

        /// Creates an allowlist entry.
        /// - Parameters:
        ///   - selector: Which package.
        ///   - ecosystem: The ecosystem, or nil for both.
        ///   - reason: Why it is trusted.
        ///   - expires: The last day it applies (`YYYY-MM-DD`).
        ///   - location: Its position in the policy file.
        public init(
            selector: PackageSelector, ecosystem: Ecosystem? = nil, reason: String, expires: String? = nil,
            location: SourceLocation? = nil
        ) {
            self.selector = selector
            self.ecosystem = ecosystem
            self.reason = reason
            self.expires = expires
            self.location = location
        }

        /// Whether the entry has expired: its expiry date is before `today`.
        /// - Parameter today: The current date, `YYYY-MM-DD`.
        /// - Returns: True when `expires` is set and earlier than `today`.
        public func isExpired(today: String) -> Bool {
            guard let expires else { return false }
            return expires < today
        }
    }

    /// A package the policy denies (`denylist:`): it always blocks.
    public struct DenylistEntry: Sendable, Hashable {
        /// Which package.
        public var selector: PackageSelector
        /// The ecosystem it applies to, or nil for both.
        public var ecosystem: Ecosystem?
        /// Why the package is denied (required, non-empty).
        public var reason: String
        /// Where the entry starts in the policy file, for evidence.
        public var location: SourceLocation?

        /// Creates a denylist entry.
        /// - Parameters:
        ///   - selector: Which package.
        ///   - ecosystem: The ecosystem, or nil for both.
        ///   - reason: Why it is denied.
        ///   - location: Its position in the policy file.
        public init(
            selector: PackageSelector, ecosystem: Ecosystem? = nil, reason: String, location: SourceLocation? = nil
        ) {
            self.selector = selector
            self.ecosystem = ecosystem
            self.reason = reason
            self.location = location
        }
    }
}
