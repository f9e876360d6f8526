import LockgateCore
import Names
import Testing

@Suite struct NameChecksTests {
    static let detector = TyposquatDetector(popular: PopularNames(npm: ["lodash"], pypi: ["requests"]))

    @Test func catalogHasBothRules() throws {
        #expect(try #require(RuleCatalog.rule(NameChecks.typosquatRule)).defaultSeverity == .warn)
        #expect(try #require(RuleCatalog.rule(NameChecks.mismatchRule)).defaultSeverity == .block)
    }

    @Test func typosquatFindingCarriesMessageSeverityAndEvidence() throws {
        let package = LockedPackage(ecosystem: .npm, name: "loadsh", version: "1.0.0",
                                    location: SourceLocation(line: 12, column: 5))
        let findings = NameChecks.findings(for: package, lockfilePath: "package-lock.json",
                                           snippet: "\"node_modules/loadsh\": {", detector: Self.detector)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "typosquat_candidate")
        #expect(finding.severity == .warn)
        #expect(finding.message == "'loadsh' is one transposition from the popular package 'lodash'")
        #expect(finding.evidence == [Evidence(path: "package-lock.json", line: 12, column: 5,
                                              snippet: "\"node_modules/loadsh\": {")])
    }

    @Test func mismatchFindingNamesBothPackagesAndTheURL() throws {
        let url = "https://registry.npmjs.org/evil/-/evil-1.0.0.tgz"
        let package = LockedPackage(ecosystem: .npm, name: "lodash", version: "4.17.21",
                                    source: PackageSource(kind: .registry, url: url),
                                    location: SourceLocation(line: 3, column: 1))
        let findings = NameChecks.findings(for: package, lockfilePath: "yarn.lock", snippet: nil,
                                           detector: Self.detector)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "name_url_mismatch")
        #expect(finding.severity == .block)
        #expect(finding.message == "the entry is 'lodash' but its tarball URL names 'evil' (\(url))")
        #expect(finding.evidence == [Evidence(path: "yarn.lock", line: 3, column: 1)])
    }

    @Test func bothFindingsTyposquatFirst() {
        let package = LockedPackage(ecosystem: .pypi, name: "reqeusts", version: "1.0",
                                    source: PackageSource(kind: .registry, url: "other-1.0.tar.gz"),
                                    location: SourceLocation(line: 1, column: 1))
        let rules = NameChecks.findings(for: package, lockfilePath: "r.txt", snippet: nil, detector: Self.detector)
            .map(\.rule)
        #expect(rules == ["typosquat_candidate", "name_url_mismatch"])
    }

    @Test func cleanPackageHasNoFindings() {
        let url = "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz"
        let package = LockedPackage(ecosystem: .npm, name: "lodash", version: "4.17.21",
                                    source: PackageSource(kind: .registry, url: url),
                                    location: SourceLocation(line: 1, column: 1))
        #expect(NameChecks.findings(for: package, lockfilePath: "p", snippet: nil, detector: Self.detector).isEmpty)
    }
}
