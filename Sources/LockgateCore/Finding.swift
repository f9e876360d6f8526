/// A place in a file that supports a finding: a lockfile line, or a file inside a package.
public struct Evidence: Sendable, Hashable, Codable {
    /// The file: a lockfile path as given, or a path inside a package archive.
    public var path: String
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?
    /// A short excerpt of what is there.
    public var snippet: String?

    /// Creates evidence.
    /// - Parameters:
    ///   - path: The file.
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    ///   - snippet: A short excerpt.
    public init(path: String, line: Int? = nil, column: Int? = nil, snippet: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.snippet = snippet
    }
}

/// One thing lockgate found about a package, with the rule that found it and its evidence.
public struct Finding: Sendable, Hashable, Codable {
    /// The stable rule id (see `RuleCatalog`).
    public var rule: String
    /// The severity after policy.
    public var severity: Severity
    /// A sentence a person can act on.
    public var message: String
    /// Where it shows.
    public var evidence: [Evidence]

    /// Creates a finding.
    /// - Parameters:
    ///   - rule: The rule id.
    ///   - severity: The severity.
    ///   - message: The message.
    ///   - evidence: Where it shows.
    public init(rule: String, severity: Severity, message: String, evidence: [Evidence] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.evidence = evidence
    }
}
