import Foundation
import LockgateCore
import Reporting
import Testing

/// Golden files for every format over `ReportFixture`.
@Suite struct SnapshotTests {
    @Test func fixtureVersionsDoNotCollideWithTheToolVersion() {
        // The snapshot helper replaces the tool version with a placeholder; a package with the same version
        // would be replaced too and make the golden files wrong after a version bump.
        #expect(!ReportFixture.packages.contains { $0.version == LockgateVersion.current })
        #expect(Snapshot.replacingVersion(in: "x@2\(LockgateVersion.current)") == "x@2\(LockgateVersion.current)")
        #expect(Snapshot.replacingVersion(in: "\"\(LockgateVersion.current)\"") == "\"${LOCKGATE_VERSION}\"")
    }

    @Test func textReport() throws {
        let data = try Reporter.render(ReportFixture.report, format: .text, options: ReportOptions(colour: false))
        try Snapshot.assertMatches(data, named: "textReport", ext: "txt")
    }

    @Test func textReportColour() throws {
        let data = try Reporter.render(ReportFixture.report, format: .text, options: ReportOptions(colour: true))
        try Snapshot.assertMatches(data, named: "textReportColour", ext: "txt")
    }

    @Test func jsonReport() throws {
        let data = try Reporter.render(ReportFixture.report, format: .json, options: ReportOptions())
        try Snapshot.assertMatches(data, named: "jsonReport", ext: "json")
    }

    @Test func sarifReport() throws {
        let data = try Reporter.render(ReportFixture.report, format: .sarif, options: ReportOptions())
        try Snapshot.assertMatches(data, named: "sarifReport", ext: "sarif")
    }

    @Test func markdownReport() throws {
        let data = try Reporter.render(ReportFixture.report, format: .markdown, options: ReportOptions())
        try Snapshot.assertMatches(data, named: "markdownReport", ext: "md")
    }

    @Test(arguments: ReportFormat.allCases)
    func emptyReport(format: ReportFormat) throws {
        let data = try Reporter.render(ReportFixture.emptyReport, format: format, options: ReportOptions(colour: true))
        try Snapshot.assertMatches(data, named: "emptyReport-\(format.rawValue)", ext: format.fileExtension)
    }

    @Test func listJSON() throws {
        let data = try ListReporter.render(ReportFixture.lockfiles, problems: ReportFixture.listProblems, format: .json)
        try Snapshot.assertMatches(data, named: "listJSON", ext: "json")
    }

    @Test func listText() throws {
        let data = try ListReporter.render(ReportFixture.lockfiles, problems: ReportFixture.listProblems, format: .text)
        try Snapshot.assertMatches(data, named: "listText", ext: "txt")
    }
}
