import Foundation
import LockgateCore
import Policy
import Testing

/// Reading valid policy files: defaults for missing keys, overrides, and discovery.
@Suite struct PolicyLoaderTests {
    @Test func versionOnlyGivesTheDefaultPolicy() throws {
        #expect(try PolicyLoader.parse("version: 1\n", path: "p.yml") == Policy.defaultPolicy)
    }

    @Test func emptySectionsCountAsNotGiven() throws {
        let text = """
            version: 1
            thresholds:
            ecosystems: ~
            registries:
              allowed: null
            sources: {}
            rules:
            allowlist:
            denylist: []
            fetch:
            """
        #expect(try PolicyLoader.parse(text, path: "p.yml") == Policy.defaultPolicy)
    }

    @Test func ownTopLevelThresholdsApplyToEveryEcosystem() throws {
        // The default policy carries the model's per-ecosystem thresholds; a file's own top-level values replace them.
        let policy = try PolicyLoader.parse("version: 1\nthresholds: {block: 0.99, warn: 0.9}\n", path: "p.yml")
        for ecosystem in Ecosystem.allCases {
            #expect(policy.thresholds(for: ecosystem) == Policy.Thresholds(block: 0.99, warn: 0.9))
        }
        let both = try PolicyLoader.parse(
            "version: 1\nthresholds: {block: 0.99, warn: 0.9}\necosystems:\n  npm: {thresholds: {block: 0.995}}\n",
            path: "p.yml")
        #expect(both.thresholds(for: .npm) == Policy.Thresholds(block: 0.995, warn: 0.9))
        #expect(both.thresholds(for: .pypi) == Policy.Thresholds(block: 0.99, warn: 0.9))
        let none = try PolicyLoader.parse("version: 1\nrules: {source_git: block}\n", path: "p.yml")
        for ecosystem in Ecosystem.allCases {
            #expect(none.thresholds(for: ecosystem) == Policy.defaultPolicy.thresholds(for: ecosystem))
        }
    }

    @Test func everyKeyIsRead() throws {
        let path = try PolicyTestSupport.fixturePath("valid/full.yml")
        let policy = try PolicyLoader.load(path: path)
        #expect(policy.thresholds == Policy.Thresholds(block: 0.8, warn: 0.25))
        #expect(policy.ecosystems[.npm] == Policy.EcosystemOverride(thresholds: .init(block: 0.95)))
        #expect(policy.ecosystems[.pypi] == Policy.EcosystemOverride(thresholds: .init(warn: 0.4)))
        #expect(policy.registries.allowed == ["registry.npmjs.org", "*.corp.example", "mirror.example:8443"])
        #expect(policy.sources == Policy.Sources(http: true, git: true, url: true, path: true, missingIntegrity: true,
                                                 unpinned: true))
        #expect(policy.rules["typosquat_candidate"] == .block)
        #expect(policy.rules["source_path"] == .off)
        #expect(policy.rules["integrity_missing"] == .info)
        #expect(policy.rules["source_git"] == .warn, "rules left out keep their default")
        #expect(policy.allowlist.count == 4)
        #expect(policy.allowlist[0] == Policy.AllowlistEntry(
            selector: .name("left-pad"), ecosystem: .npm, reason: "vendored fork", expires: "2027-01-31",
            location: LockgateCore.SourceLocation(line: 29, column: 5)))
        #expect(policy.allowlist[1].selector == .nameVersion(name: "@scope/x", version: "1.0.0"))
        #expect(policy.allowlist[1].ecosystem == nil)
        #expect(policy.allowlist[2].selector == .sha256(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
        #expect(policy.allowlist[3].selector == .nameVersion(name: "Django_Rest.Framework", version: "3.15.1"))
        #expect(policy.denylist == [
            Policy.DenylistEntry(selector: .nameVersion(name: "event-stream", version: "3.3.6"), ecosystem: .npm,
                                 reason: "compromised release (flatmap-stream)",
                                 location: LockgateCore.SourceLocation(line: 41, column: 5)),
            Policy.DenylistEntry(selector: .name("ctx"), reason: "hijacked name",
                                 location: LockgateCore.SourceLocation(line: 44, column: 5)),
        ])
        #expect(policy.fetch.failOpen)
    }

    @Test func ecosystemOverridesFallBackToTopLevel() throws {
        let policy = try PolicyLoader.load(path: PolicyTestSupport.fixturePath("valid/full.yml"))
        let evaluator = PolicyEvaluator(policy: policy, policyPath: nil, today: "2026-01-01")
        #expect(evaluator.thresholds(for: .npm) == (block: 0.95, warn: 0.25))
        #expect(evaluator.thresholds(for: .pypi) == (block: 0.8, warn: 0.4))
        let defaults = PolicyEvaluator(policy: .defaultPolicy, policyPath: nil, today: "2026-01-01")
        let npm = Policy.defaultPolicy.thresholds(for: .npm)
        #expect(defaults.thresholds(for: .npm) == (block: npm.block, warn: npm.warn))
    }

    @Test func partialSectionsKeepTheOtherDefaults() throws {
        let text = """
            version: 1
            thresholds: {warn: 0.6}
            sources: {git: true}
            registries: {allowed: ["*"]}
            """
        let policy = try PolicyLoader.parse(text, path: "p.yml")
        #expect(policy.thresholds == Policy.Thresholds(block: Policy.defaultPolicy.thresholds.block, warn: 0.6))
        var expectedSources = Policy.defaultPolicy.sources
        expectedSources.git = true
        #expect(policy.sources == expectedSources)
        #expect(policy.registries.allows(host: "anything.example"))
        #expect(policy.rules == Policy.defaultPolicy.rules)
    }

    @Test(arguments: [
        ("left-pad", PackageSelector.name("left-pad")),
        ("left-pad@1.3.0", .nameVersion(name: "left-pad", version: "1.3.0")),
        ("@babel/core", .name("@babel/core")),
        ("@babel/core@7.24.0", .nameVersion(name: "@babel/core", version: "7.24.0")),
        ("requests@2.31.0", .nameVersion(name: "requests", version: "2.31.0")),
    ])
    func packageSelectorsParse(_ text: String, _ expected: PackageSelector) {
        #expect(PackageSelector.package(text) == expected)
    }

    @Test(arguments: ["", "@", "left-pad@", "@scope/x@", "a b", "a@1@2", "@@1"])
    func badPackageSelectorsAreRefused(_ text: String) {
        #expect(PackageSelector.package(text) == nil)
    }

    @Test func discoverStopsAtTheRepositoryRoot() throws {
        let root = try PolicyTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        let repo = root.appendingPathComponent("repo")
        let nested = repo.appendingPathComponent("packages/app/src")
        try fileManager.createDirectory(at: nested, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        // Above the repository root: never found.
        try Data("version: 1\n".utf8).write(to: root.appendingPathComponent(".lockgate.yml"))
        #expect(PolicyLoader.discover(startingAt: nested.path) == nil)

        let atRoot = repo.appendingPathComponent(".lockgate.yml")
        try Data("version: 1\n".utf8).write(to: atRoot)
        #expect(PolicyLoader.discover(startingAt: nested.path) == atRoot.standardizedFileURL.path)
        #expect(PolicyLoader.discover(startingAt: repo.path) == atRoot.standardizedFileURL.path)

        let closer = repo.appendingPathComponent("packages/.lockgate.yml")
        try Data("version: 1\n".utf8).write(to: closer)
        #expect(PolicyLoader.discover(startingAt: nested.path) == closer.standardizedFileURL.path)
        #expect(PolicyLoader.discover(startingAt: nested.path + "/../src/.") == closer.standardizedFileURL.path)
    }

    @Test func discoverWithoutARepositoryGoesUpToTheFilesystemRoot() throws {
        let root = try PolicyTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let file = root.appendingPathComponent(".lockgate.yml")
        try Data("version: 1\n".utf8).write(to: file)
        #expect(PolicyLoader.discover(startingAt: nested.path) == file.standardizedFileURL.path)
        // A directory named .lockgate.yml is not a policy file.
        try FileManager.default.createDirectory(at: nested.appendingPathComponent(".lockgate.yml"),
                                                withIntermediateDirectories: true)
        #expect(PolicyLoader.discover(startingAt: nested.path) == file.standardizedFileURL.path)
    }

    @Test func todayIsAnISODate() {
        #expect(PolicyEvaluator.date(Date(timeIntervalSince1970: 0)) == "1970-01-01")
        #expect(PolicyEvaluator.date(Date(timeIntervalSince1970: 1_709_251_199)) == "2024-02-29")
        #expect(PolicyEvaluator.date().count == 10)
    }
}
