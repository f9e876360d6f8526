import LockgateCore

/// The JSON report, schema version 1.
///
/// Field names are the wire format: change them only with a new schema version (and `docs/reports.md`).
struct JSONReportDocument: Encodable {
    /// The tool block.
    struct Tool: Encodable {
        let name: String
        let version: String
    }

    /// A line and column.
    struct Location: Encodable {
        let line: Int
        let column: Int

        init(_ location: SourceLocation) {
            line = location.line
            column = location.column
        }
    }

    /// One evidence entry.
    struct EvidenceEntry: Encodable {
        let path: String
        let line: Int?
        let column: Int?
        let snippet: String?
    }

    /// One finding.
    struct FindingEntry: Encodable {
        let rule: String
        let severity: String
        let message: String
        let evidence: [EvidenceEntry]
    }

    /// One package.
    struct PackageEntry: Encodable {
        let ecosystem: String
        let name: String
        let version: String
        let lockfile: String?
        let location: Location?
        let input: String?
        let sha256: String?
        let score: Double?
        let verdict: String
        let findings: [FindingEntry]
    }

    /// One problem.
    struct ProblemEntry: Encodable {
        let path: String
        let location: Location?
        let message: String

        init(_ problem: RunProblem) {
            path = problem.path
            location = problem.location.map(Location.init)
            message = problem.message
        }
    }

    /// The counts, plus the exit code the run ends with.
    struct SummaryEntry: Encodable {
        let packages: Int
        let pass: Int
        let warn: Int
        let block: Int
        let error: Int
        let problems: Int
        let exitCode: Int32
    }

    /// The schema version of this document.
    static let currentSchemaVersion = 1

    let schemaVersion: Int
    let tool: Tool
    let packages: [PackageEntry]
    let problems: [ProblemEntry]
    let summary: SummaryEntry

    /// Builds the document from a report, in canonical order.
    /// - Parameter report: The report.
    init(_ report: ScanReport) {
        schemaVersion = Self.currentSchemaVersion
        tool = Tool(name: "lockgate", version: report.toolVersion)
        packages = ReportOrdering.packages(report.packages).map(Self.entry)
        problems = ReportOrdering.problems(report.problems).map(ProblemEntry.init)
        let counts = report.summary
        summary = SummaryEntry(
            packages: counts.packages, pass: counts.pass, warn: counts.warn, block: counts.block, error: counts.error,
            problems: counts.problems, exitCode: report.exitCode.rawValue)
    }

    // MARK: - Private

    private static func entry(_ package: PackageReport) -> PackageEntry {
        PackageEntry(
            ecosystem: package.ecosystem.rawValue, name: package.name, version: package.version,
            lockfile: package.lockfile, location: package.location.map(Location.init), input: package.input,
            sha256: package.sha256, score: package.score, verdict: package.verdict.rawValue,
            findings: package.findings.map { finding in
                FindingEntry(
                    rule: finding.rule, severity: finding.severity.rawValue, message: finding.message,
                    evidence: finding.evidence.map {
                        EvidenceEntry(path: $0.path, line: $0.line, column: $0.column, snippet: $0.snippet)
                    })
            })
    }
}
