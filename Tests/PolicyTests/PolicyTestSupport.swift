import Foundation
import Testing

import Policy

/// Paths and helpers shared by the policy tests.
enum PolicyTestSupport {
    /// The repository root, from this file's path (Tests/PolicyTests/PolicyTestSupport.swift).
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `policies/`.
    static func shippedPolicy(_ name: String) -> String {
        repoRoot.appendingPathComponent("policies").appendingPathComponent(name).path
    }

    /// The copied fixtures folder.
    static var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    /// The names of the files in a fixtures subfolder, sorted.
    static func fixtureNames(_ folder: String) -> [String] {
        guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let url = base.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.sorted()
    }

    /// The path of a fixture.
    static func fixturePath(_ relative: String) throws -> String {
        try fixtures.appendingPathComponent(relative).path
    }

    /// Parses text and returns the error it must throw.
    static func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> PolicyError? {
        do {
            let policy = try PolicyLoader.parse(text, path: "p.yml")
            Issue.record("expected an error, parsed \(policy)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lockgate-policy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
