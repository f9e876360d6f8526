import Foundation
import LockgateCore

/// Renders GitHub-flavoured Markdown for a CI job summary or a pull-request comment: the outcome as a heading, the
/// packages that need attention (errors, blocks, warnings) with their top evidence, what could not be checked, and
/// a line counting what passed.
public enum MarkdownReporter {
    /// Renders a report as Markdown.
    ///
    /// All untrusted text is escaped (see `docs/reports.md`).
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options; `evidenceLimit` and `markdownPackageLimit` bound the length.
    /// - Returns: UTF-8 Markdown ending in a newline.
    /// - Throws: Never; the signature matches the other reporters.
    public static func render(_ report: ScanReport, options: ReportOptions) throws -> Data {
        Data(markdown(report, options: options).utf8)
    }

    /// The Markdown of the report.
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options.
    /// - Returns: The Markdown, ending in a newline.
    static func markdown(_ report: ScanReport, options: ReportOptions) -> String {
        let summary = report.summary
        let attention = ReportOrdering.attention(ReportOrdering.packages(report.packages))
        let shown = Array(attention.prefix(options.markdownPackageLimit))
        var blocks = [heading(report), counts(summary)]
        if !shown.isEmpty {
            var table = packageTable(shown)
            if attention.count > shown.count {
                table += "\n_\(attention.count - shown.count) more not shown; see the SARIF or JSON report._"
            }
            blocks.append(table)
            blocks.append("### Findings\n\n" + shown.map { details($0, options: options) }.joined(separator: "\n\n"))
        }
        let problems = ReportOrdering.problems(report.problems)
        if !problems.isEmpty {
            let lines = problems.map { problem in
                let place = problem.location.map { "\(problem.path):\($0.line):\($0.column)" } ?? problem.path
                return "- \(MarkdownText.code(place)): \(MarkdownText.prose(problem.message))"
            }
            blocks.append("### Could not check\n\n" + lines.joined(separator: "\n"))
        }
        blocks.append("✅ \(summary.pass) of \(DisplayText.counted(summary.packages, "package")) passed.")
        blocks.append("<sub>lockgate \(MarkdownText.prose(report.toolVersion))</sub>")
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: - Private

    private static func heading(_ report: ScanReport) -> String {
        let summary = report.summary
        switch report.exitCode {
        case .incomplete:
            let unchecked = summary.error + summary.problems
            return "## ⛔ lockgate could not check everything (\(unchecked) unchecked)"
        case .blocked:
            return "## ❌ lockgate blocked \(DisplayText.counted(summary.block, "package"))"
        case .ok, .usage:
            if summary.warn > 0 { return "## ⚠️ lockgate: nothing blocked, \(summary.warn) warned" }
            return "## ✅ lockgate: nothing blocked"
        }
    }

    private static func counts(_ summary: ScanReport.Summary) -> String {
        var line =
            "**\(DisplayText.counted(summary.packages, "package"))**: \(summary.block) blocked, "
            + "\(summary.warn) warned, \(DisplayText.counted(summary.error, "error")), \(summary.pass) passed"
        if summary.problems > 0 {
            line += "; \(DisplayText.counted(summary.problems, "lockfile")) could not be read"
        }
        return line + "."
    }

    private static func packageTable(_ packages: [PackageReport]) -> String {
        var lines = ["| Verdict | Package | Ecosystem | Lockfile | Rules |", "| --- | --- | --- | --- | --- |"]
        for package in packages {
            var rules: [String] = []
            for finding in package.findings where !rules.contains(finding.rule) { rules.append(finding.rule) }
            let place = DisplayText.place(
                lockfile: package.lockfile, line: package.location?.line, input: package.input)
            let cells = [
                "\(icon(package.verdict)) \(package.verdict.rawValue)",
                MarkdownText.code("\(package.name)@\(package.version)", inTable: true),
                package.ecosystem.rawValue,
                MarkdownText.code(place, inTable: true),
                rules.isEmpty ? "—" : rules.map { MarkdownText.code($0, inTable: true) }.joined(separator: " "),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private static func details(_ package: PackageReport, options: ReportOptions) -> String {
        var title = "#### \(icon(package.verdict)) \(MarkdownText.code("\(package.name)@\(package.version)"))"
        title += " (\(package.ecosystem.rawValue)): \(package.verdict.rawValue)"
        var lines = [title, ""]
        var facts: [String] = []
        let place = DisplayText.place(lockfile: package.lockfile, line: package.location?.line, input: package.input)
        facts.append(MarkdownText.code(place))
        if let score = package.score, score.isFinite { facts.append("score \(formatted(score))") }
        if let sha256 = package.sha256 { facts.append("sha256 \(MarkdownText.code(sha256))") }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        if package.findings.isEmpty { lines.append("- no findings were recorded") }
        for finding in package.findings {
            let rule = MarkdownText.code(finding.rule)
            lines.append("- **\(finding.severity.rawValue)** \(rule): \(MarkdownText.prose(finding.message))")
            for evidence in finding.evidence.prefix(options.evidenceLimit) {
                var line = "  - " + MarkdownText.code(DisplayText.place(path: evidence.path, line: evidence.line))
                if let snippet = evidence.snippet, !snippet.isEmpty { line += ": " + MarkdownText.code(snippet) }
                lines.append(line)
            }
            if finding.evidence.count > options.evidenceLimit {
                lines.append("  - _and \(finding.evidence.count - options.evidenceLimit) more_")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func icon(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "✅"
        case .warn: "⚠️"
        case .block: "❌"
        case .error: "⛔"
        }
    }

    /// A score with two decimals, without Foundation's locale-dependent formatting.
    private static func formatted(_ score: Double) -> String {
        let hundredths = Int((min(1, max(0, score)) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
