import Foundation
import LockgateTestSupport
import Testing

/// `lockgate scan` on archives and directories, and `lockgate cache`.
@Suite struct ScanCommandTests {
    @Test func scansArchivesAndDirectoriesDetectingTheEcosystem() throws {
        let directory = try TemporaryDirectory()
        try directory.write("demo-1.0.0.tgz", data: try PackageFixtures.npmPackage(name: "demo", version: "1.0.0"))
        try directory.write("tinylib-0.3.0.tar.gz", data: try PackageFixtures.sdist(name: "tinylib", version: "0.3.0"))
        try directory.write("unpacked/package.json", "{\"name\": \"unpacked\", \"version\": \"2.0.0\"}")
        try directory.write("unpacked/index.js", "module.exports = 2;\n")
        let result = try CommandRunner.lockgate(
            ["scan", "demo-1.0.0.tgz", "tinylib-0.3.0.tar.gz", "unpacked", "--format", "json"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let packages = try FetchAuditTests.packages(result.stdout)
        let summary = packages.map { "\($0["input"] as? String ?? "")=\($0["ecosystem"] as? String ?? "")/\($0["name"] as? String ?? "")@\($0["version"] as? String ?? "")" }
        #expect(summary == ["demo-1.0.0.tgz=npm/demo@1.0.0", "tinylib-0.3.0.tar.gz=pypi/tinylib@0.3.0", "unpacked=npm/unpacked@2.0.0"])
        #expect((packages.first?["sha256"] as? String)?.count == 64)
    }

    @Test func hostileArchiveBlocksAndGarbageIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        try directory.write("evil.tgz", data: try PackageFixtures.rawTarGzip(["package/package.json": "{}", "/etc/cron.d/x": "* * * * * sh"]))
        try directory.write("garbage.tgz", data: Data("this is not an archive".utf8))
        let result = try CommandRunner.lockgate(["scan", "evil.tgz", "garbage.tgz", "--ecosystem", "npm", "--format", "json"], in: directory.path)
        #expect(result.status == 1)
        let rules = try FetchAuditTests.packages(result.stdout).map {
            ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        }
        #expect(rules == [["archive_unsafe_path"], ["archive_unreadable"]])
    }

    @Test func unknownEcosystemAndMissingInputFailClosed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("notes/readme.txt", "hello")
        let unknown = try CommandRunner.lockgate(["scan", "notes"], in: directory.path)
        #expect(unknown.status == 3)
        #expect((unknown.stdout + unknown.stderr).contains("--ecosystem"))
        let missing = try CommandRunner.lockgate(["scan", "nope.tgz"], in: directory.path)
        #expect(missing.status == 3)
    }

    @Test func cachePruneEmptiesTheCache() throws {
        let directory = try TemporaryDirectory()
        let cache = directory.path + "/cache"
        try directory.write("cache/archives/ab/abcdef", "x")
        let result = try CommandRunner.lockgate(["cache", "prune", "--all", "--cache-dir", cache], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("removed 1 archives"))
        #expect(!FileManager.default.fileExists(atPath: cache + "/archives/ab/abcdef"))
        #expect(FileManager.default.fileExists(atPath: cache + "/verdicts.sqlite"))
    }
}
