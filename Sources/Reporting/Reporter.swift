import Foundation
import LockgateCore

/// Renders a `ScanReport` in any `ReportFormat`.
///
/// Reporters are pure: they return bytes and never write files; only the CLI writes.
public enum Reporter {
    /// Renders a report.
    /// - Parameters:
    ///   - report: The run's report.
    ///   - format: The output format.
    ///   - options: Presentation options.
    /// - Returns: The report's bytes (UTF-8), ending in a newline.
    /// - Throws: `ReportingError` when a value cannot be written in the format (a non-finite score).
    public static func render(_ report: ScanReport, format: ReportFormat, options: ReportOptions) throws -> Data {
        switch format {
        case .text: try TextReporter.render(report, options: options)
        case .json: try JSONReporter.render(report, options: options)
        case .sarif: try SARIFReporter.render(report, options: options)
        case .markdown: try MarkdownReporter.render(report, options: options)
        }
    }
}
