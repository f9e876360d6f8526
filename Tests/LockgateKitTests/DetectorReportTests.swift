import Foundation
import LockgateCore
import LockgateKit
import LockgateTestSupport
import Reporting
import Testing

/// Every report format explains a detector verdict: SARIF with a rule per behaviour class, results on the package's
/// lockfile line and the package files as related locations; JSON, text and Markdown with the evidence.
@Suite struct DetectorReportTests {
    /// An audit of the npm stealer and the plain package with the test model, and the stealer's report.
    static func audited() async throws -> (report: ScanReport, stealer: PackageReport, harness: DetectorHarness) {
        let harness = try DetectorAuditTests.npmHarness()
        let report = try await harness.audit(model: try DetectorModels.primary.get())
        let stealer = try #require(report.package(DetectorAuditTests.stealer))
        try #require(stealer.verdict == .block, "the test model should block the stealer")
        return (report, stealer, harness)
    }

    @Test func sarifHasARulePerBehaviourAndResultsOnTheLockfileLineWithPackageFilesRelated() async throws {
        let (report, stealer, harness) = try await Self.audited()
        let data = try Reporter.render(report, format: .sarif, options: ReportOptions())
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        let behaviourRules = Set(stealer.findings.map(\.rule).filter { $0.hasPrefix("behaviour_") })
        #expect(!behaviourRules.isEmpty)
        #expect(behaviourRules.isSubset(of: Set(ruleIDs)))
        #expect(ruleIDs.contains("detector_score"))
        for rule in rules where (rule["id"] as? String).map({ behaviourRules.contains($0) }) == true {
            let properties = rule["properties"] as? [String: Any]
            #expect(properties?["precision"] as? String == "medium")
            #expect((properties?["tags"] as? [String])?.contains("behaviour") == true)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }

        let results = try #require(run["results"] as? [[String: Any]])
        let detectorResults = results.filter { result in
            let rule = result["ruleId"] as? String ?? ""
            return rule == "detector_score" || rule.hasPrefix("behaviour_")
        }
        #expect(detectorResults.count == stealer.detectorFindings.count)
        let line = try #require(stealer.location?.line)
        let lockfile = try String(contentsOfFile: harness.project + "/package-lock.json", encoding: .utf8)
        let lockfileLines = lockfile.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lockfileLines[line - 1].contains("node_modules/\(DetectorAuditTests.stealer)"))
        var packageRoot = false
        for result in detectorResults {
            #expect(result["level"] as? String == "error")
            let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let artifact = physical?["artifactLocation"] as? [String: Any]
            #expect(artifact?["uri"] as? String == "package-lock.json")
            #expect((physical?["region"] as? [String: Any])?["startLine"] as? Int == line)
            let score = try #require((result["properties"] as? [String: Any])?["score"] as? Double)
            #expect(abs(score - (stealer.score ?? 0)) < 1e-12)
            let related = try #require(result["relatedLocations"] as? [[String: Any]], "\(result)")
            #expect(!related.isEmpty)
            for location in related {
                let place = location["physicalLocation"] as? [String: Any]
                let relatedArtifact = place?["artifactLocation"] as? [String: Any]
                let region = place?["region"] as? [String: Any]
                #expect(relatedArtifact?["uriBaseId"] as? String == "PACKAGEROOT")
                packageRoot = true
                let archive = "\(DetectorAuditTests.stealer)-1.0.0.tgz"
                #expect((relatedArtifact?["uri"] as? String)?.hasPrefix("\(archive)!/package/") == true)
                #expect((region?["startLine"] as? Int ?? 0) >= 1)
                #expect(((region?["snippet"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
                let message = (location["message"] as? [String: Any])?["text"] as? String ?? ""
                #expect(message.hasPrefix("\(DetectorAuditTests.stealer)@1.0.0: \(archive)!/package/"))
            }
        }
        #expect(packageRoot)
        #expect((run["originalUriBaseIds"] as? [String: Any])?["PACKAGEROOT"] != nil)
        // The plain package passes and has no result.
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(!messages.contains { $0.hasPrefix(DetectorAuditTests.plain + "@") })
    }

    @Test(.enabled(
        if: FileManager.default.fileExists(atPath: Self.schema.path), "../shared/data (the SARIF schema) is absent"))
    func detectorSARIFValidatesAgainstTheSchema() async throws {
        let (report, _, harness) = try await Self.audited()
        let path = try harness.directory.write(
            "detector.sarif", data: try Reporter.render(report, format: .sarif, options: ReportOptions()))
        try SARIFSchema.expectValid(path, schema: Self.schema.path, in: harness.directory.path)
    }

    @Test func jsonTextAndMarkdownShowTheExplanation() async throws {
        let (report, stealer, _) = try await Self.audited()
        let behaviour = try #require(stealer.findings.first { $0.rule.hasPrefix("behaviour_") })
        let evidence = try #require(behaviour.evidence.first)
        let place = "\(evidence.path):\(evidence.line ?? 0)"
        let snippet = try #require(evidence.snippet)

        let json = try #require(
            try JSONSerialization.jsonObject(with: try Reporter.render(report, format: .json, options: ReportOptions()))
                as? [String: Any])
        let packages = try #require(json["packages"] as? [[String: Any]])
        let package = try #require(packages.first { $0["name"] as? String == DetectorAuditTests.stealer })
        #expect(abs((package["score"] as? Double ?? -1) - (stealer.score ?? 0)) < 1e-12)
        let findings = try #require(package["findings"] as? [[String: Any]])
        let jsonBehaviour = try #require(findings.first { $0["rule"] as? String == behaviour.rule })
        let jsonEvidence = try #require((jsonBehaviour["evidence"] as? [[String: Any]])?.first)
        #expect(jsonEvidence["path"] as? String == evidence.path)
        #expect(jsonEvidence["line"] as? Int == evidence.line)
        #expect(jsonEvidence["snippet"] as? String == snippet)

        let text = String(decoding: try Reporter.render(report, format: .text, options: ReportOptions()), as: UTF8.self)
        #expect(text.contains("block \(behaviour.rule): "), "\(text)")
        #expect(text.contains("at \(place): "), "\(text)")
        #expect(text.contains("detector_score"))

        let markdown = String(
            decoding: try Reporter.render(report, format: .markdown, options: ReportOptions()), as: UTF8.self)
        #expect(markdown.contains("score \(String(format: "%.2f", stealer.score ?? 0))"))
        #expect(markdown.contains("`\(behaviour.rule)`"))
        #expect(markdown.contains("`\(place)`"), "\(markdown)")
    }

    // MARK: - Support

    static let schema = RepositoryLayout.shared.appendingPathComponent("data/sarif-schema-2.1.0.json")
}
