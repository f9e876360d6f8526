import Foundation
import LockgateCore
import Reporting
import Testing

/// The terminal report: colour only on request, untrusted text never reaches the terminal raw.
@Suite struct TextReporterTests {
    private static func text(_ report: ScanReport, colour: Bool) throws -> String {
        String(
            decoding: try Reporter.render(report, format: .text, options: ReportOptions(colour: colour)), as: UTF8.self)
    }

    @Test func noEscapeSequencesWithoutColour() throws {
        let text = try Self.text(ReportFixture.report, colour: false)
        #expect(!text.contains("\u{1B}"))
        // The fixture's snippet that holds ESC [ 2 J is shown escaped.
        #expect(!text.contains("\u{1B}[2J"))
    }

    @Test func verdictsAreColouredWithColour() throws {
        let text = try Self.text(ReportFixture.report, colour: true)
        #expect(text.contains("\u{1B}[31mblock\u{1B}[0m"))
        #expect(text.contains("\u{1B}[33mwarn\u{1B}[0m"))
        #expect(text.contains("\u{1B}[31merror\u{1B}[0m"))
        #expect(text.contains("\u{1B}[32m2 passed\u{1B}[0m"))
        // Colour does not change the layout: stripping the escapes gives the plain report.
        #expect(Self.strippingEscapes(text) == (try Self.text(ReportFixture.report, colour: false)))
    }

    @Test func tableProblemsAndSummary() throws {
        let lines = try Self.text(ReportFixture.report, colour: false).split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("VERDICT  PACKAGE@VERSION") == true)
        #expect(!lines.contains { $0.hasPrefix("pass") })
        let rows = lines.filter { line in
            !line.hasPrefix(" ")
                && ["error", "block", "warn"].contains(line.split(separator: " ").first.map(String.init))
        }
        #expect(rows.map { $0.split(separator: " ")[0] } == ["error", "block", "block", "warn", "warn"])
        #expect(rows[1].contains("tiny-scan@0.0.1") && rows[1].contains("downloads/tiny-scan-0.0.1.tgz"))
        #expect(lines.contains("could not check: poetry.lock:7:1: expected `=` after key `name`, found `|`"))
        #expect(lines.last == "7 packages: 2 blocked, 2 warned, 1 error, 2 passed; 1 lockfile could not be read")
        #expect(lines.contains("        at package-lock.json:12"))
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func emptyReportIsOneSummaryLine() throws {
        #expect(
            try Self.text(ReportFixture.emptyReport, colour: false)
                == "0 packages: 0 blocked, 0 warned, 0 errors, 0 passed\n")
    }

    @Test func controlCharactersInNamesAreEscaped() throws {
        let package = PackageReport(
            ecosystem: .npm, name: "bad\u{1B}]0;pwned\u{07}name", version: "1.0.0\nFAKE", lockfile: "package-lock.json",
            location: SourceLocation(line: 1, column: 1), verdict: .warn,
            findings: [Finding(rule: "typosquat_candidate", severity: .warn, message: "line1\nline2\u{202E}")])
        let text = try Self.text(ScanReport(packages: [package], problems: []), colour: true)
        #expect(text.contains("bad\\e]0;pwned\\u{7}name@1.0.0\\nFAKE"))
        #expect(text.contains("line1\\nline2\\u{202E}"))
        #expect(!text.contains("\u{07}"))
    }

    private static func strippingEscapes(_ text: String) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                while let next = scalars.next(), next != "m" {}
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
