import LockgateCore

/// A lockgate policy: what the gate allows, reports and blocks, read from `.lockgate.yml` or `--policy FILE`.
///
/// Every key of the file is optional except `version`; a missing key takes its value from
/// `Policy.defaultPolicy`, which is the same policy as `policies/default.yml`.
public struct Policy: Sendable, Hashable {
    /// The newest policy-file version this lockgate reads.
    public static let supportedVersion = 1

    /// The policy-file format version (`version:`).
    public var version: Int
    /// The detector score thresholds that apply to every ecosystem without an override.
    public var thresholds: Thresholds
    /// Per-ecosystem threshold overrides; a value missing from an override falls back to `thresholds`.
    public var ecosystems: [Ecosystem: EcosystemOverride]
    /// The registry hosts packages may come from.
    public var registries: Registries
    /// Which kinds of source are allowed without a finding.
    public var sources: Sources
    /// The level of every rule the policy names, by `RuleCatalog` id; rules it does not name keep their default.
    public var rules: [String: RuleLevel]
    /// Packages the policy trusts: their findings are downgraded to `info`.
    public var allowlist: [AllowlistEntry]
    /// Packages the policy denies: they always block.
    public var denylist: [DenylistEntry]
    /// How the fetch stage treats download errors, and how many files of a release it checks.
    public var fetch: Fetch
    /// Safety limits on reading package archives.
    public var archives: Archives

    /// Creates a policy.
    /// - Parameters:
    ///   - version: The policy-file version.
    ///   - thresholds: Top-level score thresholds.
    ///   - ecosystems: Per-ecosystem threshold overrides.
    ///   - registries: Allowed registry hosts.
    ///   - sources: Allowed source kinds.
    ///   - rules: Rule levels by rule id.
    ///   - allowlist: Trusted packages.
    ///   - denylist: Denied packages.
    ///   - fetch: Fetch-stage options.
    ///   - archives: Archive reading limits.
    public init(
        version: Int, thresholds: Thresholds, ecosystems: [Ecosystem: EcosystemOverride], registries: Registries,
        sources: Sources, rules: [String: RuleLevel], allowlist: [AllowlistEntry], denylist: [DenylistEntry],
        fetch: Fetch, archives: Archives
    ) {
        self.version = version
        self.thresholds = thresholds
        self.ecosystems = ecosystems
        self.registries = registries
        self.sources = sources
        self.rules = rules
        self.allowlist = allowlist
        self.denylist = denylist
        self.fetch = fetch
        self.archives = archives
    }

    /// The score thresholds for one ecosystem: its override where set, else the top-level value.
    /// - Parameter ecosystem: The ecosystem.
    /// - Returns: The effective thresholds.
    public func thresholds(for ecosystem: Ecosystem) -> Thresholds {
        let override = ecosystems[ecosystem]?.thresholds
        return Thresholds(
            block: override?.block ?? thresholds.block,
            warn: override?.warn ?? thresholds.warn
        )
    }

    /// The level the policy sets for a rule.
    /// - Parameter rule: A rule id.
    /// - Returns: The level, or nil when the policy does not name the rule (its findings keep their severity).
    public func level(for rule: String) -> RuleLevel? {
        rules[rule]
    }
}
