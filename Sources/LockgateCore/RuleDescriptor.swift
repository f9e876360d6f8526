/// What one kind of finding means: the text reports and SARIF rules show, and its default severity.
public struct RuleDescriptor: Sendable, Hashable, Codable {
    /// The stable snake_case id used by policies, baselines and SARIF `ruleId`.
    public var id: String
    /// A PascalCase name (SARIF `rule.name`).
    public var name: String
    /// One sentence.
    public var shortDescription: String
    /// A paragraph: what the rule sees and why it matters.
    public var fullDescription: String
    /// What to do about a finding, in Markdown.
    public var help: String
    /// The severity when the policy does not set one.
    public var defaultSeverity: Severity
    /// GitHub code scanning's `security-severity`, 0.0 to 10.0.
    public var securitySeverity: Double
    /// Tags (SARIF `properties.tags`).
    public var tags: [String]

    /// Whether the severity of this rule's findings follows the detector score and the policy's thresholds (the
    /// `detector_score` rule and every `behaviour_<kind>` rule) rather than a fixed default; a policy may still set
    /// such a rule to `off` or to a fixed severity.
    public var isScoreGraded: Bool { id == "detector_score" || id.hasPrefix("behaviour_") }

    /// Creates a rule descriptor.
    public init(
        id: String, name: String, shortDescription: String, fullDescription: String, help: String,
        defaultSeverity: Severity, securitySeverity: Double, tags: [String]
    ) {
        self.id = id
        self.name = name
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription
        self.help = help
        self.defaultSeverity = defaultSeverity
        self.securitySeverity = securitySeverity
        self.tags = tags
    }
}
