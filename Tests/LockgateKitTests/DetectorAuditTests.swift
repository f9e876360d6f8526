import Classifier
import Foundation
import LockgateCore
import LockgateKit
import LockgateTestSupport
import Testing

/// `audit` scores every downloaded package and gates on the score: a model trained here on synthetic packages, a
/// loopback registry, the real SQLite verdict cache, policies from YAML.
@Suite struct DetectorAuditTests {
    /// The npm "stealer" and the plain npm package every test locks.
    static let stealer = "envpost"
    static let plain = "plain-helper"

    /// A project locking the npm stealer and the plain npm package, and a harness around it.
    static func npmHarness() throws -> DetectorHarness {
        let harness = try DetectorHarness()
        try harness.npmProject([
            (stealer, "1.0.0", try DetectorFixtures.archive(.npmStealer, name: stealer, version: "1.0.0", variant: 30)),
            (plain, "2.0.0", try DetectorFixtures.archive(.npmPlain, name: plain, version: "2.0.0", variant: 30)),
        ])
        return harness
    }

    @Test func aStealerIsBlockedByItsBehavioursAndAPlainPackagePasses() async throws {
        let model = try DetectorModels.primary.get()
        let harness = try Self.npmHarness()
        let report = try await harness.audit(model: model)
        let stealer = try #require(report.package(Self.stealer))
        let plain = try #require(report.package(Self.plain))
        let score = try #require(stealer.score)
        try #require(score >= 0.90, "the test model should score the stealer above the default block threshold")
        #expect(stealer.verdict == .block)
        #expect(report.exitCode == .blocked)

        let summary = try #require(stealer.findings.first { $0.rule == "detector_score" })
        #expect(summary.severity == .block)
        #expect(summary.message.hasPrefix("detector score \(String(format: "%.2f", score)); strongest signals: "))
        #expect(!summary.evidence.isEmpty)

        let behaviours = stealer.findings.filter { $0.rule.hasPrefix("behaviour_") }
        #expect(!behaviours.isEmpty, "\(stealer.findings)")
        #expect(behaviours.allSatisfy { $0.severity == .block })
        let kinds = Set(behaviours.compactMap { finding in
            BehaviourKind(rawValue: String(finding.rule.dropFirst("behaviour_".count)))
        })
        #expect(kinds.count == behaviours.count, "each finding names one behaviour class")
        let driving: Set<BehaviourKind> = [
            .readEnvironmentAll, .useNetwork, .importNetworkModule, .urlRawIP, .installHook,
        ]
        #expect(!kinds.isDisjoint(with: driving), "\(kinds)")
        let files = DetectorFixtures.files(.npmStealer, name: Self.stealer, version: "1.0.0", variant: 30)
        for finding in [summary] + behaviours {
            for evidence in finding.evidence {
                try Self.expectPointsIntoPackage(evidence, archive: "\(Self.stealer)-1.0.0.tgz", files: files)
            }
        }
        for finding in behaviours {
            #expect(finding.message.contains("detector score \(String(format: "%.2f", score))"), "\(finding.message)")
            #expect(!finding.evidence.isEmpty)
        }

        #expect(plain.verdict == .pass, "\(plain.findings)")
        #expect(try #require(plain.score) < 0.5)
        #expect(plain.detectorFindings.isEmpty)
    }

    @Test func aPythonStealerInRequirementsIsBlockedAndAPlainOnePasses() async throws {
        let model = try DetectorModels.primary.get()
        let harness = try DetectorHarness()
        try harness.pythonProject([
            ("pystealer", "0.1.0",
             try DetectorFixtures.archive(.pypiStealer, name: "pystealer", version: "0.1.0", variant: 31)),
            ("pyplain", "0.2.0",
             try DetectorFixtures.archive(.pypiPlain, name: "pyplain", version: "0.2.0", variant: 31)),
        ])
        let report = try await harness.audit(model: model)
        let stealer = try #require(report.package("pystealer"))
        let plain = try #require(report.package("pyplain"))
        try #require((stealer.score ?? 0) >= 0.90, "the test model should score the stealer above 0.90")
        #expect(stealer.verdict == .block)
        let files = DetectorFixtures.files(.pypiStealer, name: "pystealer", version: "0.1.0", variant: 31)
        let behaviours = stealer.findings.filter { $0.rule.hasPrefix("behaviour_") }
        #expect(!behaviours.isEmpty)
        for evidence in behaviours.flatMap(\.evidence) {
            try Self.expectPointsIntoPackage(
                evidence, archive: "pystealer-0.1.0.tar.gz", root: "pystealer-0.1.0", files: files)
        }
        #expect(plain.verdict == .pass, "\(plain.findings)")
        #expect(plain.detectorFindings.isEmpty)
    }

    @Test func topLevelThresholdsMoveTheVerdict() async throws {
        let model = try DetectorModels.primary.get()
        let harness = try Self.npmHarness()
        let score = try #require(try await harness.audit(model: model).package(Self.stealer)?.score)
        try #require(score > 0.02 && score < 0.999)

        // Block above the score, warn below it: the stealer warns, its detector findings at warn.
        let warned = try await harness.audit(
            model: model, policy: DetectorHarness.thresholds(block: (score + 1) / 2, warn: score / 2))
        let stealer = try #require(warned.package(Self.stealer))
        #expect(stealer.verdict == .warn)
        #expect(!stealer.detectorFindings.isEmpty)
        #expect(stealer.detectorFindings.allSatisfy { $0.severity == .warn })
        #expect(warned.exitCode == .ok)

        // Both above the score: it passes, the detector findings are dropped, the score is still reported.
        let passed = try await harness.audit(
            model: model, policy: DetectorHarness.thresholds(block: (score + 1) / 2, warn: (score + 1) / 2))
        let quiet = try #require(passed.package(Self.stealer))
        #expect(quiet.verdict == .pass)
        #expect(quiet.detectorFindings.isEmpty)
        #expect(quiet.score == score)

        // Both at zero: every scored package blocks, the plain one included.
        let strict = try await harness.audit(model: model, policy: DetectorHarness.thresholds(block: 0, warn: 0))
        #expect(strict.package(Self.plain)?.verdict == .block)
        #expect(strict.package(Self.plain)?.findings.contains { $0.rule == "detector_score" } == true)
    }

    @Test func perEcosystemThresholdsOverrideTheTopLevelOnes() async throws {
        let model = try DetectorModels.primary.get()
        let harness = try Self.npmHarness()
        try harness.pythonProject([
            ("pystealer", "0.1.0",
             try DetectorFixtures.archive(.pypiStealer, name: "pystealer", version: "0.1.0", variant: 32))
        ])
        let first = try await harness.audit(model: model)
        let npmScore = try #require(first.package(Self.stealer)?.score)
        let pypiScore = try #require(first.package("pystealer")?.score)
        let low = min(npmScore, pypiScore) / 2
        try #require(max(npmScore, pypiScore) < 0.999)

        // The top level would block both; PyPI's override raises its block threshold above its stealer's score.
        let policy = DetectorHarness.thresholds(
            block: low, warn: low / 2, pypi: ((pypiScore + 1) / 2, low / 2))
        let report = try await harness.audit(model: model, policy: policy)
        #expect(report.package(Self.stealer)?.verdict == .block)
        #expect(report.package("pystealer")?.verdict == .warn)

        // The other way round: npm's override lowers the bar the top level sets too high for both.
        let high = (max(npmScore, pypiScore) + 1) / 2
        let reversed = try await harness.audit(
            model: model, policy: DetectorHarness.thresholds(block: high, warn: high, npm: (low, low / 2)))
        #expect(reversed.package(Self.stealer)?.verdict == .block)
        #expect(reversed.package("pystealer")?.verdict == .pass)
    }

    @Test func allowlistDowngradesAndDenylistBlocksWhateverTheScore() async throws {
        let model = try DetectorModels.primary.get()
        let harness = try Self.npmHarness()
        let policy = """
            version: 1
            allowlist:
              - package: \(Self.stealer)@1.0.0
                reason: "reviewed: the test's own fixture"
            denylist:
              - package: \(Self.plain)
                reason: "denied by the test"

            """
        let report = try await harness.audit(model: model, policy: policy)
        let stealer = try #require(report.package(Self.stealer))
        try #require((stealer.score ?? 0) >= 0.90)
        #expect(stealer.verdict == .pass)
        #expect(!stealer.detectorFindings.isEmpty, "the explanation stays in the report")
        #expect(stealer.detectorFindings.allSatisfy { $0.severity == .info })
        #expect(stealer.detectorFindings.allSatisfy {
            $0.message.hasSuffix("(allowlisted: reviewed: the test's own fixture)")
        })

        let plain = try #require(report.package(Self.plain))
        #expect((plain.score ?? 1) < 0.5)
        #expect(plain.verdict == .block)
        #expect(plain.findings.contains { $0.rule == "denylisted" && $0.severity == .block })
    }

    @Test func withoutAModelEveryAnalysedPackageWarnsAsNotAnalysed() async throws {
        let harness = try Self.npmHarness()
        let report = try await harness.audit(model: nil)
        #expect(report.packages.count == 2)
        for package in report.packages {
            #expect(package.score == nil)
            #expect(package.verdict == .warn, "a package whose code was not scored is never passed")
            let finding = try #require(package.findings.first { $0.rule == "not_analysed" })
            #expect(finding.severity == .warn)
            #expect(finding.message.contains("no behaviour model is loaded"))
            #expect(package.detectorFindings.isEmpty)
        }
        let auditor = Auditor(typosquats: DetectorHarness.noTyposquats, classifier: nil)
        #expect(auditor.modelVersion == nil)
        #expect(Auditor(typosquats: DetectorHarness.noTyposquats, classifier: try DetectorModels.primary.get())
            .modelVersion == (try DetectorModels.primary.get()).modelVersion)
    }

    // MARK: - Support

    /// Evidence of a detector finding points at a file of the package (`archive!/root/path`), at a line that file
    /// has, with a snippet.
    static func expectPointsIntoPackage(
        _ evidence: Evidence, archive: String, root: String = "package", files: [String: String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let prefix = "\(archive)!/\(root)/"
        #expect(evidence.path.hasPrefix(prefix), "\(evidence.path)", sourceLocation: sourceLocation)
        let relative = String(evidence.path.dropFirst(prefix.count))
        let text = try #require(files[relative], "no fixture file \(relative)", sourceLocation: sourceLocation)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(evidence.line, sourceLocation: sourceLocation)
        #expect((1...lines.count).contains(line), "\(evidence.path):\(line)", sourceLocation: sourceLocation)
        #expect(!(evidence.snippet ?? "").isEmpty, sourceLocation: sourceLocation)
    }
}
