import LockgateCore
import Policy
import Testing

/// The lockfile checks the policy governs, one rule at a time, with `LockedPackage` values.
@Suite struct LockfileFindingsTests {
    static let at = LockgateCore.SourceLocation(line: 12, column: 5)
    static let sha512 = Integrity(algorithm: .sha512, hex: String(repeating: "ab", count: 64))

    static func npm(
        _ name: String = "left-pad", _ version: String = "1.3.0", source: PackageSource = .registry,
        integrity: [Integrity] = [sha512], bundled: Bool = false
    ) -> LockedPackage {
        LockedPackage(ecosystem: .npm, name: name, version: version, source: source, integrity: integrity,
                      location: at, bundled: bundled)
    }

    static func pypi(_ name: String, _ version: String, pinned: Bool = true, integrity: [Integrity] = [sha512])
        -> LockedPackage
    {
        LockedPackage(ecosystem: .pypi, name: name, version: version, integrity: integrity, location: at,
                      pinned: pinned)
    }

    static func findings(_ package: LockedPackage, policy: Policy = .defaultPolicy, line: String? = nil)
        -> [Finding]
    {
        PolicyEvaluator(policy: policy, policyPath: nil, today: "2026-06-01")
            .lockfileFindings(for: package, lockfilePath: "package-lock.json", line: line)
    }

    static func rules(_ package: LockedPackage, policy: Policy = .defaultPolicy) -> [String] {
        findings(package, policy: policy).map(\.rule)
    }

    @Test func cleanRegistryPackagesGiveNothing() {
        #expect(Self.rules(Self.npm()).isEmpty)
        let url = "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"
        #expect(Self.rules(Self.npm(source: PackageSource(kind: .registry, url: url))).isEmpty)
        #expect(Self.rules(Self.pypi("requests", "2.31.0")).isEmpty)
    }

    @Test func plainHTTPBlocksAndNamesTheURL() throws {
        let url = "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"
        let line = "      \"resolved\": \"\(url)\",   "
        let findings = Self.findings(Self.npm(source: PackageSource(kind: .registry, url: url)), line: line)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "source_insecure_http")
        #expect(finding.severity == .block)
        #expect(finding.message.contains(url))
        #expect(finding.evidence == [Evidence(path: "package-lock.json", line: 12, column: 5,
                                              snippet: "\"resolved\": \"\(url)\",")])
        let git = Self.npm(source: PackageSource(kind: .git, url: "git+http://example.com/x.git"), integrity: [])
        #expect(Self.rules(git) == ["integrity_missing", "source_git", "source_insecure_http"])
    }

    @Test func registryHostsNotAllowedWarnWithTheHost() throws {
        let url = "https://npm.evil.example:8443/left-pad/-/left-pad-1.3.0.tgz"
        let findings = Self.findings(Self.npm(source: PackageSource(kind: .registry, url: url)))
        let finding = try #require(findings.first)
        #expect(findings.map(\.rule) == ["source_registry_not_allowed"])
        #expect(finding.severity == .warn)
        #expect(finding.message.contains("npm.evil.example"))
        #expect(finding.message.contains(url))
        let upperCase = PackageSource(kind: .registry, url: "https://user:pw@Registry.NPMJS.org./x/-/x-1.0.0.tgz")
        #expect(Self.rules(Self.npm(source: upperCase)).isEmpty)
    }

    @Test func wildcardAndPortPatterns() {
        var policy = Policy.defaultPolicy
        policy.registries.allowed = ["*.corp.example", "mirror.example:8443"]
        func rules(_ url: String) -> [String] {
            Self.rules(Self.npm(source: PackageSource(kind: .registry, url: url)), policy: policy)
        }
        #expect(rules("https://npm.corp.example/x/-/x-1.0.0.tgz").isEmpty)
        #expect(rules("https://a.b.corp.example/x/-/x-1.0.0.tgz").isEmpty)
        #expect(rules("https://corp.example/x/-/x-1.0.0.tgz") == ["source_registry_not_allowed"])
        #expect(rules("https://evilcorp.example/x/-/x-1.0.0.tgz") == ["source_registry_not_allowed"])
        #expect(rules("https://mirror.example:8443/x/-/x-1.0.0.tgz").isEmpty)
        #expect(rules("https://mirror.example/x/-/x-1.0.0.tgz") == ["source_registry_not_allowed"])
        #expect(rules("https://registry.npmjs.org/x/-/x-1.0.0.tgz") == ["source_registry_not_allowed"])
    }

    @Test func gitSourcesWarn() throws {
        let url = "git+ssh://git@github.com/user/repo.git#0123456789abcdef0123456789abcdef01234567"
        let findings = Self.findings(Self.npm(source: PackageSource(kind: .git, url: url)))
        #expect(findings.map(\.rule) == ["source_git"])
        #expect(findings.first?.severity == .warn)
        #expect(findings.first?.message.contains(url) == true)
    }

    @Test func remoteTarballsAreURLSources() {
        let url = "https://example.com/downloads/left-pad-1.3.0.tgz"
        let findings = Self.findings(Self.npm(source: PackageSource(kind: .tarball, url: url)))
        #expect(findings.map(\.rule) == ["source_url"])
        #expect(findings.first?.severity == .warn)
        #expect(findings.first?.message.contains(url) == true)
    }

    @Test(arguments: [
        PackageSource(kind: .path, url: "packages/shared"),
        PackageSource(kind: .tarball, url: "file:vendor/left-pad-1.3.0.tgz"),
        PackageSource(kind: .tarball, url: "./vendor/left-pad-1.3.0.tgz"),
        PackageSource(kind: .tarball, url: "C:\\vendor\\left-pad-1.3.0.tgz"),
    ])
    func pathSourcesAreInfoWithoutIntegrityFindings(_ source: PackageSource) throws {
        let findings = Self.findings(Self.npm(source: source, integrity: []))
        #expect(findings.map(\.rule) == ["source_path"])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.message.contains(try #require(source.url)) == true)
    }

    @Test func missingIntegrityWarnsUnlessBundledOrPresent() {
        #expect(Self.rules(Self.npm(integrity: [])) == ["integrity_missing"])
        #expect(Self.findings(Self.npm(integrity: [])).first?.severity == .warn)
        #expect(Self.rules(Self.npm(integrity: [], bundled: true)).isEmpty)
        let berry = Integrity(algorithm: .yarnBerry, hex: String(repeating: "cd", count: 64))
        #expect(Self.rules(Self.npm(integrity: [berry])).isEmpty)
        #expect(Self.rules(Self.pypi("requests", "2.31.0", integrity: [])) == ["integrity_missing"])
    }

    @Test func unpinnedRequirementsWarn() throws {
        let findings = Self.findings(Self.pypi("requests", ">=2.0", pinned: false))
        let finding = try #require(findings.first)
        #expect(findings.map(\.rule) == ["requirement_unpinned"])
        #expect(finding.severity == .warn)
        #expect(finding.message == "requests is not pinned to one exact version (>=2.0)")
        #expect(Self.findings(Self.pypi("requests", "", pinned: false)).first?.message.contains("no version") == true)
        // npm packages are never "unpinned" requirements.
        var npm = Self.npm()
        npm.pinned = false
        #expect(Self.rules(npm).isEmpty)
    }

    @Test func allowedSourceKindsGiveNoFinding() {
        var policy = Policy.defaultPolicy
        policy.sources = Policy.Sources(http: true, git: true, url: true, path: true, missingIntegrity: true,
                                        unpinned: true)
        let packages = [
            Self.npm(source: PackageSource(kind: .tarball, url: "http://example.com/x.tgz"), integrity: []),
            Self.npm(source: PackageSource(kind: .git, url: "git+https://github.com/a/b.git"), integrity: []),
            Self.npm(source: PackageSource(kind: .path, url: "../lib")),
            Self.pypi("flask", "~=3.0", pinned: false, integrity: []),
        ]
        for package in packages {
            #expect(Self.rules(package, policy: policy).isEmpty, "\(package.source)")
        }
    }

    @Test func rulesSetToOffOrOverriddenApply() {
        var policy = Policy.defaultPolicy
        policy.rules["source_git"] = .off
        policy.rules["integrity_missing"] = .block
        let package = Self.npm(source: PackageSource(kind: .git, url: "git+https://github.com/a/b.git"),
                               integrity: [])
        let findings = Self.findings(package, policy: policy)
        #expect(findings.map(\.rule) == ["integrity_missing"])
        #expect(findings.first?.severity == .block)
    }

    @Test func longLinesAreShortenedInTheSnippet() throws {
        let line = String(repeating: "x", count: 5_000)
        let findings = Self.findings(Self.npm(integrity: []), line: line)
        let snippet = try #require(findings.first?.evidence.first?.snippet)
        #expect(snippet.count == 201)
        #expect(Self.findings(Self.npm(integrity: []), line: "   ").first?.evidence.first?.snippet == nil)
    }
}
