import Foundation
import LockgateTestSupport
import Testing

/// End-to-end tests of `lockgate audit` through the built binary: exit codes, messages and report files.
@Suite struct AuditCommandTests {
    @Test func cleanLockfilePassesWithExitZero() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("lodash", "4.17.21"), ("react", "18.2.0")]))
        let result = try CommandRunner.lockgate(["audit", "--lockfile-only"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 packages"))
    }

    @Test func denylistedPackageBlocksWithExitOne() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("lodash", "4.17.21"), ("event-stream", "3.3.6")]))
        try directory.write(".lockgate.yml", """
            version: 1
            denylist:
              - package: event-stream@3.3.6
                reason: compromised release (flatmap-stream)
            """)
        let result = try CommandRunner.lockgate(["audit", "--lockfile-only", "--format", "json"], in: directory.path)
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let packages = json?["packages"] as? [[String: Any]] ?? []
        let blocked = packages.first { $0["name"] as? String == "event-stream" }
        #expect(blocked?["verdict"] as? String == "block")
        let location = blocked?["location"] as? [String: Any]
        #expect(location?["line"] as? Int == 8)
    }

    @Test func typosquatWarnsButPasses() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("loadsh", "1.0.0")]))
        let result = try CommandRunner.lockgate(["audit", "--lockfile-only"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("typosquat_candidate"))
        #expect(result.stdout.contains("lodash"))
    }

    @Test func brokenLockfileExitsThreeNamingFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/a\": {\n")
        let result = try CommandRunner.lockgate(["audit", "--lockfile-only", "--format", "sarif", "--output", "out.sarif"], in: directory.path)
        #expect(result.status == 3)
        // The SARIF report is still written, with the lockfile that could not be checked shown as such.
        let sarif = try String(contentsOfFile: directory.url.appendingPathComponent("out.sarif").path, encoding: .utf8)
        #expect(sarif.contains("\"executionSuccessful\" : false") || sarif.contains("\"executionSuccessful\":false"))
        #expect(sarif.contains("package-lock.json"))
    }

    @Test func brokenLockfileMessageOnText() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", "{\n  \"lockfileVersion\": 3,\n  \"packages\": [1, 2,\n")
        let result = try CommandRunner.lockgate(["audit", "--lockfile-only", "package-lock.json"], in: directory.path)
        #expect(result.status == 3)
        let output = result.stdout + result.stderr
        #expect(output.range(of: #"package-lock\.json:\d+:\d+"#, options: .regularExpression) != nil, "\(output)")
    }

    @Test func invalidPolicyExitsTwoNamingLineAndKey() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("lodash", "4.17.21")]))
        try directory.write("policy.yml", "version: 1\nthresholds:\n  blok: 0.9\n")
        let result = try CommandRunner.lockgate(["audit", "--lockfile-only", "--policy", "policy.yml"], in: directory.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("policy.yml:3"), "\(result.stderr)")
        #expect(result.stderr.contains("blok"))
    }

    @Test func unknownOptionIsAUsageErrorWithExitTwo() throws {
        let directory = try TemporaryDirectory()
        let result = try CommandRunner.lockgate(["audit", "--no-such-option"], in: directory.path)
        #expect(result.status == 2)
    }

    @Test func missingPathAndEmptyTreeFailClosed() throws {
        let directory = try TemporaryDirectory()
        let missing = try CommandRunner.lockgate(["audit", "--lockfile-only", "nope/package-lock.json"], in: directory.path)
        #expect(missing.status == 3)
        #expect((missing.stdout + missing.stderr).contains("no such file"))
        let empty = try CommandRunner.lockgate(["audit", "--lockfile-only"], in: directory.path)
        #expect(empty.status == 3)
        #expect((empty.stdout + empty.stderr).contains("no lockfile found"))
    }

    @Test func helpListsExitCodes() throws {
        let directory = try TemporaryDirectory()
        let result = try CommandRunner.lockgate(["audit", "--help"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("3  could not finish"))
    }

    @Test func severalFormatsAtOnceGoWhereTheirOutputSays() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("lodash", "4.17.21")]))
        let result = try CommandRunner.lockgate(
            ["audit", "--lockfile-only", "--format", "sarif", "--output", "lockgate.sarif", "--format", "json", "-o", "out.json",
             "--format", "text"],
            in: directory.path)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("lockgate.sarif").path))
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out.json").path))
        #expect(result.stdout.contains("1 package"))
        #expect(!result.stdout.contains("\"schemaVersion\""))
    }

    @Test func sameInputGivesSameBytes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("loadsh", "1.0.0"), ("lodash", "4.17.21")]))
        try directory.write("requirements.txt", "reqeusts>=2.0\nflask==3.0.0\n")
        for format in ["json", "sarif", "markdown", "text"] {
            let first = try CommandRunner.lockgate(["audit", "--lockfile-only", "--format", format], in: directory.path)
            let second = try CommandRunner.lockgate(["audit", "--lockfile-only", "--format", format], in: directory.path)
            #expect(first.stdout == second.stdout, "format \(format)")
            #expect(!first.stdout.isEmpty)
        }
    }
}
