import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// `lockgate explain` output: text (one token per line, indented by entry, evidence per behaviour) and JSON
/// (schema version 1), deterministic.
@Suite struct SequenceRendererTests {
    static let analysis = PackageFixture.analyzer.analyse(
        files: PackageFixture.files([
            ("package/package.json", #"{"name": "r", "version": "0.1.0", "scripts": {"postinstall": "node x.js"}}"#),
            ("package/x.js", "b read_env_all\nb use_network"),
        ]), ecosystem: nil)

    @Test func textListsEachTokenWithEvidence() {
        let text = String(decoding: SequenceRenderer.render(Self.analysis, format: .text), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "r 0.1.0 (npm)")
        #expect(lines.contains("start install  postinstall: node x.js"))
        #expect(lines.contains("  install:install_hook  package/package.json:1:47  " + Self.snippet))
        #expect(lines.contains("  install:read_env_all  package/x.js:1:1  b read_env_all"))
        #expect(lines.contains("end install"))
        #expect(text.hasSuffix("\n"))
    }

    static var snippet: String {
        #"{"name": "r", "version": "0.1.0", "scripts": {"postinstall": "node x.js"}}"#
    }

    @Test func jsonIsVersionedAndRoundTrips() throws {
        let data = SequenceRenderer.render(Self.analysis, format: .json)
        let document = try JSONDecoder().decode(SequenceDocument.self, from: data)
        #expect(document.schemaVersion == 1)
        #expect(document.name == "r")
        #expect(document.tokens.map(\.token) == Self.analysis.sequence.tokenStrings)
        #expect(document.tokens.first?.name == "postinstall: node x.js")
        #expect(
            document.tokens.compactMap(\.behaviour).map(\.kind) == [.installHook, .readEnvironmentAll, .useNetwork])
        #expect(SequenceRenderer.render(Self.analysis, format: .json) == data)
    }

    @Test func emptyPackageRenders() {
        let empty = PackageFixture.analyzer.analyse(files: [], ecosystem: .pypi)
        let text = String(decoding: SequenceRenderer.render(empty, format: .text), as: UTF8.self)
        #expect(text.contains("(no behaviours)"))
        #expect(text.hasPrefix("(unnamed package) (pypi)"))
    }
}
