import LockgateCore
import Policy
import Testing

/// `PolicyEvaluator.decide`: severity overrides, denylist, allowlist by name, version and digest, expiry, verdicts.
@Suite struct DecisionTests {
    static let digest = String(repeating: "0123456789abcdef", count: 4)
    static let policyText = """
        version: 1
        rules:
          typosquat_candidate: block
          source_url: off
        allowlist:
          - package: left-pad
            ecosystem: npm
            reason: vendored fork
          - package: lodash@4.17.21
            reason: reviewed release
          - sha256: \(digest.uppercased())
            reason: archive reviewed
          - package: Django_REST.framework
            ecosystem: pypi
            reason: internal review
          - package: old-thing
            reason: legacy exception
            expires: 2026-05-31
          - package: edge-case
            reason: good through the last day
            expires: 2026-06-01
        denylist:
          - package: event-stream@3.3.6
            ecosystem: npm
            reason: compromised release (flatmap-stream)
          - package: ctx
            reason: hijacked name
        """

    static func evaluator(today: String = "2026-06-01") throws -> PolicyEvaluator {
        let policy = try PolicyLoader.parse(policyText, path: ".lockgate.yml")
        return PolicyEvaluator(policy: policy, policyPath: ".lockgate.yml", today: today)
    }

    static func finding(_ rule: String, _ severity: Severity? = nil, _ message: String = "m") -> Finding {
        Finding(rule: rule, severity: severity ?? RuleCatalog.rule(rule)?.defaultSeverity ?? .warn,
                message: message, evidence: [Evidence(path: "package-lock.json", line: 3, column: 5)])
    }

    static func npm(_ name: String, _ version: String = "1.0.0", sha256: String? = nil) -> PolicySubject {
        PolicySubject(ecosystem: .npm, name: name, version: version, sha256: sha256)
    }

    @Test func verdictFollowsTheWorstFinding() {
        #expect(PolicyEvaluator.verdict(for: []) == .pass)
        #expect(PolicyEvaluator.verdict(for: [Self.finding("source_path", .info)]) == .pass)
        #expect(PolicyEvaluator.verdict(for: [Self.finding("source_path", .info), Self.finding("source_git")]) == .warn)
        #expect(PolicyEvaluator.verdict(for: [Self.finding("source_git"), Self.finding("name_url_mismatch")]) == .block)
    }

    @Test func severityOverridesAndOffApplyToEveryStagesFindings() throws {
        let decision = try Self.evaluator().decide(Self.npm("reqeust"), findings: [
            Self.finding("typosquat_candidate", .warn, "reqeust is one edit from request"),
            Self.finding("source_url"),
            Self.finding("integrity_mismatch", .block, "archive digest differs"),
        ])
        #expect(decision.verdict == .block)
        #expect(decision.findings.map(\.rule) == ["integrity_mismatch", "typosquat_candidate"])
        #expect(decision.findings.map(\.severity) == [.block, .block])
    }

    @Test func findingsAreSortedByRuleThenMessage() {
        let evaluator = PolicyEvaluator(policy: .defaultPolicy, policyPath: nil, today: "2026-06-01")
        let decision = evaluator.decide(Self.npm("x"), findings: [
            Self.finding("source_git", nil, "b"), Self.finding("integrity_missing", nil, "z"),
            Self.finding("source_git", nil, "a"),
        ])
        #expect(decision.findings.map { "\($0.rule):\($0.message)" }
            == ["integrity_missing:z", "source_git:a", "source_git:b"])
        #expect(decision.verdict == .warn)
    }

    @Test func denylistedPackagesBlockWithTheReasonAndThePolicyLine() throws {
        let decision = try Self.evaluator().decide(Self.npm("event-stream", "3.3.6"), findings: [])
        #expect(decision.verdict == .block)
        let finding = try #require(decision.findings.first)
        #expect(finding.rule == "denylisted")
        #expect(finding.severity == .block)
        #expect(finding.message == "event-stream@3.3.6 is denylisted: compromised release (flatmap-stream)")
        #expect(finding.evidence == [Evidence(path: ".lockgate.yml", line: 23, column: 5,
                                              snippet: "package: event-stream@3.3.6")])
        // Another version, or the same name in the other ecosystem, is not denied.
        #expect(try Self.evaluator().decide(Self.npm("event-stream", "3.3.5"), findings: []).verdict == .pass)
        let pypi = PolicySubject(ecosystem: .pypi, name: "event-stream", version: "3.3.6")
        #expect(try Self.evaluator().decide(pypi, findings: []).verdict == .pass)
        // A name-only entry without an ecosystem denies every version in both ecosystems.
        let ctx = PolicySubject(ecosystem: .pypi, name: "ctx", version: "0.2.6")
        #expect(try Self.evaluator().decide(ctx, findings: []).findings.map(\.rule) == ["denylisted"])
    }

    @Test func allowlistByNameDowngradesToInfoWithTheReason() throws {
        let decision = try Self.evaluator().decide(Self.npm("left-pad", "1.3.0"), findings: [
            Self.finding("typosquat_candidate", .warn, "left-pad is close to leftpad"),
            Self.finding("source_git"),
        ])
        #expect(decision.verdict == .pass)
        #expect(decision.findings.map(\.severity) == [.info, .info])
        #expect(decision.findings.first?.message == "m (allowlisted: vendored fork)")
        #expect(decision.findings.last?.message == "left-pad is close to leftpad (allowlisted: vendored fork)")
        // The entry is for npm only.
        let pypi = PolicySubject(ecosystem: .pypi, name: "left-pad", version: "1.3.0")
        #expect(try Self.evaluator().decide(pypi, findings: [Self.finding("source_git")]).verdict == .warn)
    }

    @Test func allowlistByNameUsesPEP503ForPyPI() throws {
        let subject = PolicySubject(ecosystem: .pypi, name: "django-rest-framework", version: "3.15.1")
        let decision = try Self.evaluator().decide(subject, findings: [Self.finding("requirement_unpinned")])
        #expect(decision.verdict == .pass)
        // npm names compare exactly.
        let npm = try Self.evaluator().decide(Self.npm("Left-Pad"), findings: [Self.finding("source_git")])
        #expect(npm.verdict == .warn)
    }

    @Test func allowlistByNameAndVersion() throws {
        let evaluator = try Self.evaluator()
        #expect(evaluator.decide(Self.npm("lodash", "4.17.21"), findings: [Self.finding("source_git")]).verdict
            == .pass)
        #expect(evaluator.decide(Self.npm("lodash", "4.17.20"), findings: [Self.finding("source_git")]).verdict
            == .warn)
    }

    @Test func allowlistBySha256NeedsTheDigest() throws {
        let evaluator = try Self.evaluator()
        let findings = [Self.finding("typosquat_candidate")]
        #expect(evaluator.decide(Self.npm("anything", sha256: Self.digest), findings: findings).verdict == .pass)
        #expect(evaluator.decide(Self.npm("anything", sha256: Self.digest.uppercased()), findings: findings).verdict
            == .pass)
        #expect(evaluator.decide(Self.npm("anything"), findings: findings).verdict == .block)
        let other = String(repeating: "f", count: 64)
        #expect(evaluator.decide(Self.npm("anything", sha256: other), findings: findings).verdict == .block)
    }

    @Test func integrityMismatchesAndDenylistStayBlockingWhenAllowlisted() throws {
        var policy = try PolicyLoader.parse(Self.policyText, path: ".lockgate.yml")
        policy.allowlist.append(Policy.AllowlistEntry(selector: .name("event-stream"), reason: "we like it"))
        let evaluator = PolicyEvaluator(policy: policy, policyPath: ".lockgate.yml", today: "2026-06-01")
        let denied = evaluator.decide(Self.npm("event-stream", "3.3.6"), findings: [])
        #expect(denied.verdict == .block)
        let mismatch = evaluator.decide(Self.npm("left-pad"), findings: [
            Self.finding("fetch_integrity_mismatch", .block, "digest differs"), Self.finding("source_git"),
        ])
        #expect(mismatch.verdict == .block)
        #expect(mismatch.findings.map(\.severity) == [.block, .info])
        #expect(mismatch.findings.first?.message == "digest differs")
    }

    @Test func expiredEntriesDoNotApplyAndAreReported() throws {
        let findings = [Self.finding("source_git")]
        let before = try Self.evaluator(today: "2026-05-31").decide(Self.npm("old-thing"), findings: findings)
        #expect(before.verdict == .pass, "an entry applies through its expiry date")
        #expect(before.findings.map(\.rule) == ["source_git"])

        let after = try Self.evaluator(today: "2026-06-01").decide(Self.npm("old-thing"), findings: findings)
        #expect(after.verdict == .warn)
        #expect(after.findings.map(\.rule) == ["allowlist_expired", "source_git"])
        let expired = try #require(after.findings.first)
        #expect(expired.severity == .warn)
        #expect(expired.message.contains("2026-05-31"))
        #expect(expired.message.contains("legacy exception"))
        #expect(expired.evidence == [Evidence(path: ".lockgate.yml", line: 16, column: 5,
                                              snippet: "package: old-thing")])

        let lastDay = try Self.evaluator(today: "2026-06-01").decide(Self.npm("edge-case"), findings: findings)
        #expect(lastDay.verdict == .pass)
        let dayAfter = try Self.evaluator(today: "2026-06-02").decide(Self.npm("edge-case"), findings: findings)
        #expect(dayAfter.verdict == .warn)
    }

    @Test func expiredEntryFindingFollowsItsRuleLevel() throws {
        var policy = try PolicyLoader.parse(Self.policyText, path: ".lockgate.yml")
        policy.rules["allowlist_expired"] = .off
        let quiet = PolicyEvaluator(policy: policy, policyPath: nil, today: "2027-01-01")
        #expect(quiet.decide(Self.npm("old-thing"), findings: []).findings.isEmpty)
        policy.rules["allowlist_expired"] = .block
        let strict = PolicyEvaluator(policy: policy, policyPath: nil, today: "2027-01-01")
        let decision = strict.decide(Self.npm("old-thing"), findings: [])
        #expect(decision.verdict == .block)
        #expect(decision.findings.first?.evidence == [], "no policy path, no evidence")
    }

    @Test func lockfileFindingsFeedTheDecision() throws {
        let evaluator = try Self.evaluator()
        let package = LockedPackage(
            ecosystem: .npm, name: "left-pad", version: "1.3.0",
            source: PackageSource(kind: .registry, url: "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"),
            location: LockgateCore.SourceLocation(line: 40, column: 5))
        let lockfile = evaluator.lockfileFindings(for: package, lockfilePath: "package-lock.json", line: nil)
        #expect(lockfile.map(\.rule) == ["integrity_missing", "source_insecure_http"])
        let decision = evaluator.decide(PolicySubject(package: package), findings: lockfile)
        #expect(decision.verdict == .pass)
        #expect(decision.findings.allSatisfy {
            $0.severity == .info && $0.message.hasSuffix("(allowlisted: vendored fork)")
        })
    }
}
