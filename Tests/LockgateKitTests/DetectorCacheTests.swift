import Cache
import Classifier
import Foundation
import LockgateCore
import LockgateKit
import LockgateTestSupport
import Testing

/// The verdict cache (SQLite, keyed by archive sha256, analyser version and model version) keeps the detector's
/// score and findings: a second audit reuses them without a download; another model version does not reuse them.
@Suite struct DetectorCacheTests {
    @Test func theScoreIsCachedAndASecondAuditReusesIt() async throws {
        let model = try DetectorModels.primary.get()
        let harness = try DetectorAuditTests.npmHarness()
        let first = try await harness.audit(model: model)
        let stealer = try #require(first.package(DetectorAuditTests.stealer))
        let sha256 = try #require(stealer.sha256)
        let score = try #require(stealer.score)
        let requests = harness.registry.requests.count
        #expect(requests == 2)

        // The database holds the score and the ungraded detector findings under this model's version.
        let store = try AnalysisStore(cacheDirectory: harness.cacheDirectory)
        let stored = try #require(
            store.analysis(
                sha256: sha256, analyserVersion: AnalyserVersions.analyser, modelVersion: model.modelVersion))
        #expect(stored.score == score)
        let findings = try JSONDecoder().decode([Finding].self, from: stored.findingsJSON)
        #expect(findings.contains { $0.rule == "detector_score" })
        #expect(findings.filter { $0.rule.hasPrefix("behaviour_") }.map(\.rule).sorted()
            == stealer.findings.filter { $0.rule.hasPrefix("behaviour_") }.map(\.rule).sorted())

        // A second audit: no request, the same score, findings and verdicts.
        let second = try await harness.audit(model: model)
        #expect(harness.registry.requests.count == requests)
        #expect(second.packages == first.packages)

        // What the second run judged came from the database: a stored score the test writes itself is reported.
        let forged = CachedAnalysis(findingsJSON: try JSONEncoder().encode([Finding]()), score: 0.0123)
        try store.store(
            forged, sha256: sha256, analyserVersion: AnalyserVersions.analyser, modelVersion: model.modelVersion)
        let third = try await harness.audit(model: model)
        #expect(third.package(DetectorAuditTests.stealer)?.score == 0.0123)
        #expect(third.package(DetectorAuditTests.stealer)?.verdict == .pass)
        #expect(harness.registry.requests.count == requests)
    }

    @Test func anotherModelVersionDoesNotReuseTheCachedScore() async throws {
        let model = try DetectorModels.primary.get()
        let other = try DetectorModels.secondary.get()
        try #require(model.modelVersion != other.modelVersion)
        let harness = try DetectorAuditTests.npmHarness()
        let first = try await harness.audit(model: model)
        let sha256 = try #require(first.package(DetectorAuditTests.stealer)?.sha256)
        let store = try AnalysisStore(cacheDirectory: harness.cacheDirectory)
        // Poison the first model's entry: if the other model reused it, the stealer would pass.
        try store.store(
            CachedAnalysis(findingsJSON: try JSONEncoder().encode([Finding]()), score: 0.0), sha256: sha256,
            analyserVersion: AnalyserVersions.analyser, modelVersion: model.modelVersion)
        let requests = harness.registry.requests.count

        let rescored = try await harness.audit(model: other)
        let stealer = try #require(rescored.package(DetectorAuditTests.stealer))
        let expected = other.score(DetectorModels.sequence(.npmStealer, variant: 30, name: DetectorAuditTests.stealer))
        #expect(stealer.score != 0.0)
        #expect(abs((stealer.score ?? 0) - expected) < 1e-9, "scored afresh by the other model")
        #expect(stealer.findings.contains { $0.rule == "detector_score" })
        // The archives were verified when first stored, so re-scoring needs no download.
        #expect(harness.registry.requests.count == requests)
        let stored = store.analysis(
            sha256: sha256, analyserVersion: AnalyserVersions.analyser, modelVersion: other.modelVersion)
        #expect(stored?.score == stealer.score)
        // The first model's (poisoned) entry is still what the first model gets.
        #expect(try await harness.audit(model: model).package(DetectorAuditTests.stealer)?.score == 0.0)
    }

    @Test func offlineAuditWithAnotherModelRescoresFromTheArchiveStore() async throws {
        let harness = try DetectorAuditTests.npmHarness()
        _ = try await harness.audit(model: try DetectorModels.primary.get())
        let requests = harness.registry.requests.count
        let offline = try await harness.audit(model: try DetectorModels.secondary.get(), offline: true)
        #expect(offline.exitCode != .incomplete, "\(offline.packages.flatMap(\.findings))")
        #expect(offline.packages.allSatisfy { $0.score != nil })
        #expect(harness.registry.requests.count == requests)
    }
}
