/// The report formats `lockgate audit` and `lockgate scan` can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// An aligned table for a person at a terminal, with optional ANSI colour.
    case text
    /// Machine-readable JSON (schema version 1, see `docs/reports.md`).
    case json
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub-flavoured Markdown for a CI job summary or a pull-request comment.
    case markdown

    /// The usual file extension for the format, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .sarif: "sarif"
        case .markdown: "md"
        }
    }
}
