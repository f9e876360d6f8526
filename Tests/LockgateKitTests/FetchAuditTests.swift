import Foundation
import LockgateTestSupport
import Testing

/// `lockgate audit` downloading from a real registry on 127.0.0.1: verification, failures, the cache, offline runs.
@Suite struct FetchAuditTests {
    /// A project folder, a loopback registry and an environment that points npm and pip at it.
    final class Harness: @unchecked Sendable {
        // @unchecked Sendable: immutable after init; the registry is itself thread-safe.
        let directory: TemporaryDirectory
        let registry: FakeRegistry
        let environment: [String: String]

        init() throws {
            directory = try TemporaryDirectory()
            registry = try FakeRegistry()
            environment = [
                "HOME": directory.path + "/home", "XDG_CACHE_HOME": directory.path + "/cache",
                "npm_config_registry": registry.baseURL, "PIP_INDEX_URL": registry.simpleURL,
            ]
        }

        deinit { registry.stop() }

        func run(_ arguments: [String]) throws -> ProcessResult {
            try CommandRunner.lockgate(arguments, in: directory.path + "/project", environment: environment)
        }

        /// Publishes npm packages and writes a package-lock.json locking them from the public registry's URLs
        /// (which the configured registry replaces, as npm does).
        func npmProject(_ packages: [(String, String, Data)], integrity: [String: String] = [:]) throws {
            let locked = packages.map { name, version, tarball in
                let sri = registry.publishNPM(name: name, version: version, tarball: tarball)
                return NPMLockfile.Entry(name: name, version: version, integrity: integrity[name] ?? sri)
            }
            try directory.write("project/package-lock.json", NPMLockfile.text(locked))
        }
    }

    @Test func cleanPackagesAreFetchedVerifiedAndPass() throws {
        let harness = try Harness()
        try harness.npmProject([
            ("alpha", "1.0.0", try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0")),
            ("beta", "2.1.0", try PackageFixtures.npmPackage(name: "beta", version: "2.1.0")),
        ])
        let result = try harness.run(["audit", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let packages = try Self.packages(result.stdout)
        #expect(packages.count == 2)
        #expect(packages.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        #expect(harness.registry.requests.map(\.path).sorted() == ["/alpha/-/alpha-1.0.0.tgz", "/beta/-/beta-2.1.0.tgz"])
    }

    @Test func aSecondAuditOfTheSameLockfileMakesNoRequest() throws {
        let harness = try Harness()
        try harness.npmProject([("alpha", "1.0.0", try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0"))])
        #expect(try harness.run(["audit"]).status == 0)
        let before = harness.registry.requests.count
        #expect(before == 1)
        let second = try harness.run(["audit", "--format", "json"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(harness.registry.requests.count == before)
        #expect(try Self.packages(second.stdout).first?["sha256"] as? String != nil)
        // --offline works from the cache alone.
        #expect(try harness.run(["audit", "--offline"]).status == 0)
        #expect(harness.registry.requests.count == before)
    }

    @Test func offlineWithAnEmptyCacheFailsClosed() throws {
        let harness = try Harness()
        try harness.npmProject([("alpha", "1.0.0", try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0"))])
        let result = try harness.run(["audit", "--offline"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("fetch_failed"))
        #expect(harness.registry.requests.isEmpty)
    }

    @Test func aTamperedTarballBlocksAndIsNotCachedAsGood() throws {
        let harness = try Harness()
        let good = try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0")
        try harness.npmProject([("alpha", "1.0.0", good)])
        let evil = try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0", index: "require('child_process')\n")
        harness.registry.override("/alpha/-/alpha-1.0.0.tgz", with: .ok(evil))
        let result = try harness.run(["audit", "--format", "json"])
        #expect(result.status == 1)
        let finding = try Self.packages(result.stdout).first.flatMap { ($0["findings"] as? [[String: Any]])?.first }
        #expect((finding?["rule"] as? String)?.contains("integrity") == true)
        #expect(finding?["severity"] as? String == "block")
        // Once the registry serves the pinned bytes again, the package passes: the tampered copy was not cached.
        harness.registry.override("/alpha/-/alpha-1.0.0.tgz", with: nil)
        #expect(try harness.run(["audit"]).status == 0)
    }

    @Test func missingPackageIsAnErrorWithExitThreeAndReportsAreStillWritten() throws {
        let harness = try Harness()
        try harness.npmProject([("alpha", "1.0.0", try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0"))])
        harness.registry.override("/alpha/-/alpha-1.0.0.tgz", with: .status(404))
        let result = try harness.run(["audit", "--format", "sarif", "--output", "out.sarif", "--format", "json"])
        #expect(result.status == 3)
        let package = try Self.packages(result.stdout).first
        #expect(package?["verdict"] as? String == "error")
        let sarif = try String(contentsOfFile: harness.directory.path + "/project/out.sarif", encoding: .utf8)
        #expect(sarif.contains("fetch_failed"))
    }

    @Test func failOpenPolicyTurnsFetchErrorsIntoWarnings() throws {
        let harness = try Harness()
        try harness.npmProject([("alpha", "1.0.0", try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0"))])
        try harness.directory.write("project/.lockgate.yml", "version: 1\nfetch:\n  fail-open: true\n")
        harness.registry.override("/alpha/-/alpha-1.0.0.tgz", with: .status(500))
        let result = try harness.run(["audit", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.packages(result.stdout).first?["verdict"] as? String == "warn")
    }

    @Test func hostileArchiveIsAFinding() throws {
        let harness = try Harness()
        let hostile = try PackageFixtures.rawTarGzip(["package/package.json": "{}", "package/../../escape.js": "x"])
        try harness.npmProject([("alpha", "1.0.0", hostile)])
        let result = try harness.run(["audit", "--format", "json"])
        let rules = try Self.packages(result.stdout).first.map { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(rules?.contains("archive_unsafe_path") == true, "\(result.stdout)")
        #expect(result.status == 1)
    }

    @Test func pythonRequirementsResolveThroughTheIndexWithRelativeURLs() throws {
        for style in [FakeRegistry.IndexStyle.json, .html] {
            let harness = try Harness()
            harness.registry.setIndexStyle(style)
            let sdist = try PackageFixtures.sdist(name: "tinylib", version: "0.3.0")
            let sha = harness.registry.publishPython(project: "tinylib", fileName: "tinylib-0.3.0.tar.gz", data: sdist)
            try harness.directory.write("project/requirements.txt", "tinylib==0.3.0 --hash=sha256:\(sha)\n")
            let result = try harness.run(["audit", "--format", "json"])
            #expect(result.status == 0, "\(style): \(result.stdout) \(result.stderr)")
            #expect(try Self.packages(result.stdout).first?["sha256"] as? String == sha)
            #expect(harness.registry.requests.map(\.path) == ["/simple/tinylib/", "/files/tinylib-0.3.0.tar.gz"])
        }
    }

    @Test func pythonFileWithAnotherHashIsAnIntegrityBlock() throws {
        let harness = try Harness()
        let sdist = try PackageFixtures.sdist(name: "tinylib", version: "0.3.0")
        harness.registry.publishPython(project: "tinylib", fileName: "tinylib-0.3.0.tar.gz", data: sdist)
        try harness.directory.write("project/requirements.txt", "tinylib==0.3.0 --hash=sha256:\(String(repeating: "ab", count: 32))\n")
        let result = try harness.run(["audit", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("integrity_mismatch"))
    }

    @Test func projectNpmrcTokenIsSentToItsRegistryOnly() throws {
        let harness = try Harness()
        try harness.npmProject([("alpha", "1.0.0", try PackageFixtures.npmPackage(name: "alpha", version: "1.0.0"))])
        let host = harness.registry.baseURL.replacingOccurrences(of: "http://", with: "")
        try harness.directory.write("project/.npmrc", "registry=\(harness.registry.baseURL)\n//\(host):_authToken=tok123\n")
        var environment = harness.environment
        environment["npm_config_registry"] = nil
        let result = try CommandRunner.lockgate(["audit"], in: harness.directory.path + "/project", environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(harness.registry.requests.first?.headers["authorization"] == "Bearer tok123")
    }

    static func packages(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["packages"] as? [[String: Any]] ?? []
    }
}
