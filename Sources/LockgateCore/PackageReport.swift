/// The outcome for one package: what it is, where it came from, what was found and the verdict.
public struct PackageReport: Sendable, Hashable, Codable {
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// The package name.
    public var name: String
    /// The version (or specifier, for an unpinned requirement).
    public var version: String
    /// The lockfile path it came from, relative to the working directory, when it came from a lockfile.
    public var lockfile: String?
    /// Its entry's position in that lockfile.
    public var location: SourceLocation?
    /// What was given on the command line, when it came from `scan`.
    public var input: String?
    /// The archive's sha256, once it has been fetched.
    public var sha256: String?
    /// The detector's score in [0, 1], once it exists.
    public var score: Double?
    /// The decision.
    public var verdict: Verdict
    /// What was found, sorted.
    public var findings: [Finding]

    /// Creates a package report.
    /// - Parameters:
    ///   - ecosystem: The ecosystem.
    ///   - name: The name.
    ///   - version: The version.
    ///   - lockfile: The lockfile path.
    ///   - location: The entry's position.
    ///   - input: The command-line input.
    ///   - sha256: The archive digest.
    ///   - score: The detector score.
    ///   - verdict: The decision.
    ///   - findings: What was found.
    public init(
        ecosystem: Ecosystem, name: String, version: String, lockfile: String? = nil,
        location: SourceLocation? = nil, input: String? = nil, sha256: String? = nil, score: Double? = nil,
        verdict: Verdict, findings: [Finding]
    ) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
        self.lockfile = lockfile
        self.location = location
        self.input = input
        self.sha256 = sha256
        self.score = score
        self.verdict = verdict
        self.findings = findings
    }
}
