import LockgateCore

/// The package a policy decision is about.
public struct PolicySubject: Sendable, Hashable {
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// The package name.
    public var name: String
    /// The version (or the specifier, for an unpinned requirement).
    public var version: String
    /// The archive's sha256 (hex), once fetched; allowlist and denylist entries by digest need it.
    public var sha256: String?
    /// The detector score in [0, 1], once the detector has run. Carried for the detector stage, which reports a score
    /// at or above `PolicyEvaluator.thresholds(for:)` as a finding of its own; `decide` judges findings only.
    public var score: Double?

    /// Creates a subject.
    /// - Parameters:
    ///   - ecosystem: The ecosystem.
    ///   - name: The name.
    ///   - version: The version.
    ///   - sha256: The archive digest, if known.
    ///   - score: The detector score, if known.
    public init(ecosystem: Ecosystem, name: String, version: String, sha256: String? = nil, score: Double? = nil) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
        self.sha256 = sha256
        self.score = score
    }

    /// Creates a subject for a locked package.
    /// - Parameters:
    ///   - package: The locked package.
    ///   - sha256: The archive digest, if known.
    ///   - score: The detector score, if known.
    public init(package: LockedPackage, sha256: String? = nil, score: Double? = nil) {
        self.init(ecosystem: package.ecosystem, name: package.name, version: package.version, sha256: sha256,
                  score: score)
    }
}
