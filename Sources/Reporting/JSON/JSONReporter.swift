import Foundation
import LockgateCore

/// Renders the machine-readable JSON report (schema version 1; see `docs/reports.md`).
public enum JSONReporter {
    /// Renders a report as JSON: sorted keys, pretty-printed, absent optionals omitted, a newline at the end.
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options (JSON ignores them).
    /// - Returns: UTF-8 JSON.
    /// - Throws: `ReportingError.unencodable` when a score is not a finite number.
    public static func render(_ report: ScanReport, options: ReportOptions) throws -> Data {
        try JSONOutput.encode(JSONReportDocument(report), format: "json")
    }
}
