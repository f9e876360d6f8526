import Foundation
import LockgateTestSupport
import LockgateCore
import Policy
import Testing

/// The `lockgate` binary scores with the bundled model. The model is retrained as the corpus grows, so these tests
/// assert only coarse properties: every analysed package gets a score in [0, 1], and the verdict follows the
/// policy's thresholds for that score.
@Suite struct DetectorCommandTests {
    static func inputs() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(
            "stealer.tgz",
            data: try DetectorFixtures.archive(.npmStealer, name: "envpost", version: "1.0.0", variant: 50))
        try directory.write(
            "plain.tgz", data: try DetectorFixtures.archive(.npmPlain, name: "plainlib", version: "1.0.0", variant: 51))
        try directory.write(
            "pystealer-0.1.0.tar.gz",
            data: try DetectorFixtures.archive(.pypiStealer, name: "pystealer", version: "0.1.0", variant: 52))
        return directory
    }

    @Test func scanScoresEveryPackageAndGradesByTheDefaultThresholds() throws {
        let directory = try Self.inputs()
        let result = try CommandRunner.lockgate(
            ["scan", "stealer.tgz", "plain.tgz", "pystealer-0.1.0.tar.gz", "--format", "json"], in: directory.path)
        #expect(!result.stderr.contains("no behaviour model"), "the bundled model ships")
        let packages = try FetchAuditTests.packages(result.stdout)
        #expect(packages.count == 3, "\(result.stdout)\(result.stderr)")
        var expectedStatus: Int32 = 0
        for package in packages {
            let score = try #require(package["score"] as? Double, "\(package)")
            #expect((0...1).contains(score))
            let findings = package["findings"] as? [[String: Any]] ?? []
            let detector = findings.filter { finding in
                let rule = finding["rule"] as? String ?? ""
                return rule == "detector_score" || rule.hasPrefix("behaviour_")
            }
            // The default policy gates at the bundled model's own per-ecosystem thresholds.
            let ecosystem = try #require((package["ecosystem"] as? String).flatMap(Ecosystem.init(rawValue:)))
            let thresholds = Policy.defaultPolicy.thresholds(for: ecosystem)
            let expected = score >= thresholds.block ? "block" : score >= thresholds.warn ? "warn" : "pass"
            #expect(package["verdict"] as? String == expected, "\(package)")
            if expected == "pass" {
                #expect(detector.isEmpty)
            } else {
                #expect(detector.contains { $0["rule"] as? String == "detector_score" })
                #expect(detector.allSatisfy { $0["severity"] as? String == expected })
            }
            if expected == "block" { expectedStatus = 1 }
        }
        #expect(result.status == expectedStatus)
    }

    @Test func zeroThresholdsBlockEveryScoredPackageWithValidSARIF() throws {
        let directory = try Self.inputs()
        try directory.write("zero.yml", "version: 1\nthresholds:\n  block: 0.0\n  warn: 0.0\n")
        let result = try CommandRunner.lockgate(
            ["scan", "stealer.tgz", "plain.tgz", "--policy", "zero.yml", "--format", "sarif", "--output", "out.sarif",
             "--format", "text"],
            in: directory.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("detector_score: detector score "))
        let sarifPath = directory.path + "/out.sarif"
        let sarif = try Data(contentsOf: URL(fileURLWithPath: sarifPath))
        let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let scored = results.filter { $0["ruleId"] as? String == "detector_score" }
        #expect(scored.count == 2)
        for result in scored {
            let uri = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { $0["artifactLocation"] as? [String: Any] }?["uri"] as? String
            #expect(uri == "stealer.tgz" || uri == "plain.tgz")
            #expect(((result["properties"] as? [String: Any])?["score"] as? Double) != nil)
        }
        if FileManager.default.fileExists(atPath: DetectorReportTests.schema.path) {
            try SARIFSchema.expectValid(sarifPath, schema: DetectorReportTests.schema.path, in: directory.path)
        }
    }
}
