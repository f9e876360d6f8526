import Foundation
import LockgateCore
import Reporting
import Testing

/// The JSON report's schema: versioned, sorted, absent optionals omitted.
@Suite struct JSONReporterTests {
    private static func document(_ report: ScanReport) throws -> [String: Any] {
        let data = try Reporter.render(report, format: .json, options: ReportOptions())
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func schemaToolSummaryAndOrder() throws {
        let document = try Self.document(ReportFixture.report)
        #expect(document["schemaVersion"] as? Int == 1)
        #expect((document["tool"] as? [String: Any])?["name"] as? String == "lockgate")
        #expect((document["tool"] as? [String: Any])?["version"] as? String == LockgateVersion.current)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["packages": 7, "pass": 2, "warn": 2, "block": 2, "error": 1, "problems": 1, "exitCode": 3])
        let packages = try #require(document["packages"] as? [[String: Any]])
        let places = packages.map { "\($0["lockfile"] as? String ?? $0["input"] as? String ?? "")" }
        #expect(places == places.sorted())
        let problems = try #require(document["problems"] as? [[String: Any]])
        #expect(problems.first?["path"] as? String == "poetry.lock")
    }

    @Test func absentOptionalsAreOmitted() throws {
        let packages = try #require(try Self.document(ReportFixture.report)["packages"] as? [[String: Any]])
        let scanned = try #require(packages.first { $0["name"] as? String == "tiny-scan" })
        #expect(scanned["lockfile"] == nil && scanned["location"] == nil && scanned["sha256"] == nil)
        #expect(scanned["input"] as? String == "downloads/tiny-scan-0.0.1.tgz")
        let requests = try #require(packages.first { $0["name"] as? String == "requests" })
        let findings = try #require(requests["findings"] as? [[String: Any]])
        let missing = try #require(findings.first { $0["rule"] as? String == "integrity_missing" })
        let evidence = try #require((missing["evidence"] as? [[String: Any]])?.first)
        #expect(Set(evidence.keys) == ["path", "line"])
    }

    @Test func textIsSortedPrettyAndUnescaped() throws {
        let data = try Reporter.render(ReportFixture.report, format: .json, options: ReportOptions())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("http://evil.example/evil-pkg-1.0.0.tgz"))
        #expect(!text.contains("\\/"))
        #expect(
            text.range(of: "\"packages\"")?.lowerBound ?? text.endIndex < text.range(of: "\"schemaVersion\"")?
                .lowerBound ?? text.startIndex)
    }

    @Test func nonFiniteScoreThrows() throws {
        let package = PackageReport(
            ecosystem: .npm, name: "x", version: "1.0.0", score: .nan, verdict: .pass, findings: [])
        let report = ScanReport(packages: [package], problems: [])
        #expect(throws: ReportingError.self) { try Reporter.render(report, format: .json, options: ReportOptions()) }
        // Formats that do not print the score still render.
        #expect(throws: Never.self) { try Reporter.render(report, format: .sarif, options: ReportOptions()) }
        #expect(throws: Never.self) { try Reporter.render(report, format: .markdown, options: ReportOptions()) }
    }
}
