import Foundation
import LockgateCore

/// Renders the report for a person at a terminal: the packages that need attention as an aligned table with their
/// findings underneath, then what could not be checked, then a one-line summary.
public enum TextReporter {
    /// Renders a report as text.
    ///
    /// Untrusted text (names, messages, snippets) has its control characters escaped, so
    /// ANSI escapes appear only when `options.colour` is true.
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options; `colour` turns on ANSI colour.
    /// - Returns: UTF-8 text ending in a newline.
    /// - Throws: Never; the signature matches the other reporters.
    public static func render(_ report: ScanReport, options: ReportOptions) throws -> Data {
        Data(text(report, options: options).utf8)
    }

    /// The text of the report.
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options.
    /// - Returns: The text, ending in a newline.
    static func text(_ report: ScanReport, options: ReportOptions) -> String {
        let colour = options.colour
        var sections: [String] = []
        let attention = ReportOrdering.attention(ReportOrdering.packages(report.packages))
        if !attention.isEmpty { sections.append(packageTable(attention, colour: colour)) }
        let problems = ReportOrdering.problems(report.problems)
        if !problems.isEmpty {
            let label = paint("could not check:", .red, colour)
            sections.append(problems.map { "\(label) \(DisplayText.singleLine($0.description))\n" }.joined())
        }
        sections.append(summaryLine(report.summary, colour: colour) + "\n")
        return sections.joined(separator: "\n")
    }

    // MARK: - Private

    private static func packageTable(_ packages: [PackageReport], colour: Bool) -> String {
        var table = TextTable(header: ["VERDICT", "PACKAGE@VERSION", "ECOSYSTEM", "LOCKFILE:LINE", "RULES"])
        for package in packages {
            var rules: [String] = []
            for finding in package.findings where !rules.contains(finding.rule) { rules.append(finding.rule) }
            table.append(
                [
                    package.verdict.rawValue,
                    DisplayText.singleLine("\(package.name)@\(package.version)"),
                    package.ecosystem.rawValue,
                    DisplayText.singleLine(
                        DisplayText.place(
                            lockfile: package.lockfile, line: package.location?.line, input: package.input)),
                    rules.isEmpty ? "-" : DisplayText.singleLine(rules.joined(separator: ",")),
                ], style: ANSIStyle.forVerdict(package.verdict))
        }
        let widths = table.widths
        var out = table.line(.init(cells: table.header, style: nil), widths: widths, colour: false) + "\n"
        for (row, package) in zip(table.rows, packages) {
            out += table.line(row, widths: widths, colour: colour) + "\n"
            for finding in package.findings { out += findingLines(finding, colour: colour) }
        }
        return out
    }

    private static func findingLines(_ finding: Finding, colour: Bool) -> String {
        let severity = paint(finding.severity.rawValue, style(finding.severity), colour)
        var out =
            "    \(severity) \(DisplayText.singleLine(finding.rule)): \(DisplayText.singleLine(finding.message))\n"
        // The detector's findings explain a score: every place that drove it, with what is there. Other findings
        // point at their first place only.
        let graded = RuleCatalog.rule(finding.rule)?.isScoreGraded ?? false
        for evidence in finding.evidence.prefix(graded ? explanationLimit : 1) {
            var place = DisplayText.singleLine(DisplayText.place(path: evidence.path, line: evidence.line))
            if graded, let snippet = evidence.snippet, !snippet.isEmpty {
                place += ": " + DisplayText.singleLine(snippet)
            }
            out += "        " + paint("at \(place)", .dim, colour) + "\n"
        }
        return out
    }

    /// Evidence lines shown under a detector finding (`detector_score`, `behaviour_<kind>`).
    private static let explanationLimit = 3

    private static func summaryLine(_ summary: ScanReport.Summary, colour: Bool) -> String {
        let parts = [
            paint("\(summary.block) blocked", summary.block > 0 ? .red : nil, colour),
            paint("\(summary.warn) warned", summary.warn > 0 ? .yellow : nil, colour),
            paint(DisplayText.counted(summary.error, "error"), summary.error > 0 ? .red : nil, colour),
            paint("\(summary.pass) passed", summary.pass > 0 ? .green : nil, colour),
        ]
        var line = DisplayText.counted(summary.packages, "package") + ": " + parts.joined(separator: ", ")
        if summary.problems > 0 {
            line += "; " + paint(DisplayText.counted(summary.problems, "lockfile") + " could not be read", .red, colour)
        }
        return line
    }

    private static func style(_ severity: Severity) -> ANSIStyle {
        switch severity {
        case .block: .red
        case .warn: .yellow
        case .info: .dim
        }
    }

    private static func paint(_ text: String, _ style: ANSIStyle?, _ colour: Bool) -> String {
        guard colour, let style else { return text }
        return style.apply(text)
    }
}
