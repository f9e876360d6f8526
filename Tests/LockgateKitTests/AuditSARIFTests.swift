import Foundation
import LockgateTestSupport
import Testing

/// An audit's own SARIF, from a real lockfile of ../shared, validates against the SARIF 2.1.0 schema and puts every
/// result on its package's line.
@Suite(.enabled(if: RepositoryLayout.sharedLockfilesPresent, "../shared/lockfiles is absent (developers' checkout only)"))
struct AuditSARIFTests {
    static let schema = RepositoryLayout.shared.appendingPathComponent("data/sarif-schema-2.1.0.json")

    @Test func auditSARIFValidatesAndLocatesEachResultOnItsPackageLine() throws {
        let directory = try TemporaryDirectory()
        // A real lockfile with git sources, missing hashes and typosquat candidates, so the SARIF has results.
        let source = RepositoryLayout.shared.appendingPathComponent(
            "lockfiles/npm-shrinkwrap/balena-io__balena-cli@6ee0b48c9__npm-shrinkwrap.json")
        try directory.write("npm-shrinkwrap.json", data: try Data(contentsOf: source))
        try directory.write(".git/HEAD", "ref: refs/heads/main\n")
        let result = try CommandRunner.lockgate(
            ["audit", "--lockfile-only", "--format", "sarif", "--output", "out.sarif", "--format", "json", "--today", "2026-11-21"],
            in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let sarifURL = directory.url.appendingPathComponent("out.sarif")

        let check = try CommandRunner.run("python3", ["-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
            for e in errors[:20]: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """, Self.schema.path, sarifURL.path], in: directory.path)
        try #require(!check.stderr.contains("No module named"), "python3 with jsonschema is needed: ./scripts/setup --test-deps")
        #expect(check.status == 0, "SARIF schema errors: \(check.stdout)\(check.stderr)")

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarifURL)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let packages = try FetchAuditTests.packages(result.stdout)
        var lineOf: [String: Int] = [:]
        for package in packages {
            let id = "\(package["name"] as? String ?? "")@\(package["version"] as? String ?? "")"
            lineOf[id] = (package["location"] as? [String: Any])?["line"] as? Int
        }
        #expect(results.count >= 5)
        for sarifResult in results {
            let text = ((sarifResult["message"] as? [String: Any])?["text"] as? String) ?? ""
            let id = lineOf.keys.filter { text.hasPrefix($0 + ": ") }.max { $0.count < $1.count }
            let location = (sarifResult["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let region = location?["region"] as? [String: Any]
            let artifact = location?["artifactLocation"] as? [String: Any]
            #expect(artifact?["uri"] as? String == "npm-shrinkwrap.json")
            #expect(id != nil, "\(text)")
            #expect(region?["startLine"] as? Int == id.flatMap { lineOf[$0] }, "\(text)")
        }
    }
}
