import Foundation
import LockgateCore
import Reporting
import Testing

/// The SARIF log: valid against the OASIS schema, located on lockfile lines, stable fingerprints.
@Suite struct SARIFReporterTests {
    private static let canValidate = TestPaths.sarifSchemaIsPresent && PythonJSONSchema.isAvailable

    @Test(
        .enabled(
            if: canValidate,
            "needs ../shared/data/sarif-schema-2.1.0.json next to the repository and python3 with jsonschema"),
        arguments: [ReportFixture.report, ReportFixture.emptyReport])
    func validatesAgainstTheSARIFSchema(report: ScanReport) throws {
        let data = try Reporter.render(report, format: .sarif, options: ReportOptions())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lockgate-\(UUID().uuidString).sarif")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let errors = try PythonJSONSchema.validate(document: file, schema: TestPaths.sarifSchema)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    @Test func resultsStartOnThePackagesLockfileLine() throws {
        let run = try Self.run(ReportFixture.report)
        let results = try #require(run["results"] as? [[String: Any]])
        var checked = 0
        for result in results {
            let text = try #require((result["message"] as? [String: Any])?["text"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let region = try #require(physical["region"] as? [String: Any])
            let startLine = try #require(region["startLine"] as? Int)
            #expect(startLine >= 1)
            let package = try #require(ReportFixture.packages.first { text.hasPrefix("\($0.name)@\($0.version): ") })
            if let lockfile = package.lockfile, let line = package.location?.line {
                #expect(uri == lockfile.replacingOccurrences(of: " ", with: "%20"))
                #expect(startLine == line, "\(text)")
                checked += 1
            } else {
                #expect(uri == package.input)
                #expect(startLine == 1)
            }
        }
        // Info findings stay out of SARIF; every warn and block finding is a result.
        func actionable(_ package: PackageReport) -> Int { package.findings.filter { $0.severity >= .warn }.count }
        #expect(checked == ReportFixture.packages.filter { $0.lockfile != nil }.map(actionable).reduce(0, +))
        #expect(results.count == ReportFixture.packages.map(actionable).reduce(0, +))
    }

    @Test func levelsRulesAndRegions() throws {
        let run = try Self.run(ReportFixture.report)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(Set(ids) == Set(ReportFixture.packages.flatMap { $0.findings.filter { $0.severity >= .warn }.map(\.rule) }))
        let typosquat = try #require(rules.first { $0["id"] as? String == "typosquat_candidate" })
        let properties = try #require(typosquat["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "5.0")
        #expect(properties["precision"] as? String == "medium")
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
        }
        let levels = Dictionary(grouping: results.compactMap { $0["level"] as? String }, by: { $0 }).mapValues(\.count)
        #expect(levels == ["error": 3, "warning": 4])
        // The denylisted finding's region ends after its lockfile-line snippet.
        let denied = try #require(results.first { $0["ruleId"] as? String == "denylisted" })
        let region = try #require(Self.region(denied))
        #expect(region["startColumn"] as? Int == 5)
        #expect(region["endColumn"] as? Int == 5 + "\"node_modules/evil-pkg\": {".unicodeScalars.count)
        #expect((denied["relatedLocations"] as? [[String: Any]])?.count == 2)
    }

    @Test func problemsAndErrorPackagesAreNotifications() throws {
        let run = try Self.run(ReportFixture.report)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let texts = notifications.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(texts.count == 2)
        #expect(texts.contains { $0.hasPrefix("Could not check poetry.lock:") })
        #expect(texts.contains { $0.hasPrefix("Could not check broken-pkg@2.0.0:") })
        #expect(notifications.allSatisfy { $0["level"] as? String == "error" })

        let clean = try Self.run(ScanReport(packages: [ReportFixture.packages[0]], problems: []))
        let cleanInvocation = try #require((clean["invocations"] as? [[String: Any]])?.first)
        #expect(cleanInvocation["executionSuccessful"] as? Bool == true)
        #expect(cleanInvocation["toolExecutionNotifications"] == nil)
    }

    @Test func fingerprintsAreStableAndDistinct() throws {
        let results = try #require(try Self.run(ReportFixture.report)["results"] as? [[String: Any]])
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["lockgateFingerprint/v1"] }
        #expect(prints.count == results.count)
        #expect(Set(prints).count == prints.count)
        #expect(prints.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
        // Moving the package to another line keeps the fingerprint.
        var moved = ReportFixture.packages
        for index in moved.indices { moved[index].location?.line += 100 }
        let movedResults = try #require(
            try Self.run(ScanReport(packages: moved, problems: []))["results"] as? [[String: Any]])
        let movedPrints = movedResults.compactMap {
            ($0["partialFingerprints"] as? [String: String])?["lockgateFingerprint/v1"]
        }
        #expect(Set(movedPrints) == Set(prints))
    }

    @Test func automationDetailsAndDriver() throws {
        let data = try Reporter.render(
            ReportFixture.report, format: .sarif, options: ReportOptions(sarifCategory: "deps"))
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "deps/")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["semanticVersion"] as? String == LockgateVersion.current)
        #expect(driver["informationUri"] as? String == LockgateVersion.informationURI)
        #expect(String(decoding: data, as: UTF8.self).hasSuffix("}\n"))
    }

    @Test func packageWithoutLockfileOrInputIsLocatedInsideThePackage() throws {
        let package = PackageReport(
            ecosystem: .pypi, name: "orphan", version: "1.0", verdict: .warn,
            findings: [
                Finding(
                    rule: "typosquat_candidate", severity: .warn, message: "close to a popular name",
                    evidence: [Evidence(path: "orphan/__init__.py", line: 4, snippet: "import os")])
            ])
        let run = try Self.run(ScanReport(packages: [package], problems: []))
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        let artifact = (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String]
        #expect(artifact == ["uri": "orphan/__init__.py", "uriBaseId": "PACKAGEROOT"])
        #expect(run["originalUriBaseIds"] != nil)
    }

    // MARK: - Private

    private static func run(_ report: ScanReport) throws -> [String: Any] {
        let data = try Reporter.render(report, format: .sarif, options: ReportOptions())
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((log["runs"] as? [[String: Any]])?.first)
    }

    private static func region(_ result: [String: Any]) -> [String: Any]? {
        let location = (result["locations"] as? [[String: Any]])?.first
        return (location?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
    }
}
