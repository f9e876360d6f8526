import Foundation
import Lockfile
import LockgateCore
import Testing

private typealias CoreLocation = LockgateCore.SourceLocation

/// The YAML constructs the pnpm reader accepts, checked through the parser.
@Suite struct PNPMYAMLSubsetTests {
    private let sha1 = "sha1-6dcfXufJLW3J6S/9rRe4vUlBj5g="

    private func parse(_ text: String) throws -> LockfileContents {
        try PNPMLockParser().parse(text: text, format: .pnpm)
    }

    @Test func crlfLineEndings() throws {
        let text =
            "lockfileVersion: '9.0'\r\n\r\npackages:\r\n\r\n  a@1.0.0:\r\n    resolution: {integrity: \(sha1)}\r\n"
        let contents = try parse(text)
        #expect(contents.packages.map(\.id) == ["a@1.0.0"])
        #expect(contents.packages.first?.location == CoreLocation(line: 5, column: 3))
        #expect(contents.packages.first?.integrity.count == 1)
    }

    @Test func quotedKeysAndEscapes() throws {
        let text = """
            lockfileVersion: "9.0"
            packages:
              "left\\u002Dpad@1.3.0":
                resolution: {integrity: '\(sha1)'}
              'it''s@1.0.0':
                resolution: {integrity: "\(sha1)"}
            """
        let contents = try parse(text)
        #expect(contents.packages.map(\.id) == ["left-pad@1.3.0", "it's@1.0.0"])
        #expect(contents.packages.allSatisfy { $0.integrity.count == 1 })
    }

    @Test func commentsBlockScalarsAndPlainContinuations() throws {
        let text = """
            # written by pnpm
            lockfileVersion: '9.0'  # the format
            packages:
              # a comment between entries
              a@1.0.0:
                resolution: {integrity: \(sha1)}  # trailing comment
                deprecated: |
                  This package is deprecated:
                    use b instead.
                description: >-
                  folded
                  text
                note: a plain value
                  continued on the next line
                os:
                  - darwin
                  - linux
                cpu: [x64,
                  arm64]
            """
        let contents = try parse(text)
        #expect(contents.packages.map(\.id) == ["a@1.0.0"])
    }

    @Test func multiLineFlowResolution() throws {
        let text = """
            lockfileVersion: '9.0'
            packages:
              a@1.0.0:
                resolution: {
                  integrity: \(sha1),
                  tarball: 'https://example.com/a.tgz'
                }
              b@2.0.0: {resolution: {integrity: \(sha1)}}
            """
        let contents = try parse(text)
        #expect(contents.packages.map(\.id) == ["a@1.0.0", "b@2.0.0"])
        #expect(contents.packages.first?.source == PackageSource(kind: .tarball, url: "https://example.com/a.tgz"))
        #expect(contents.packages.last?.location == CoreLocation(line: 8, column: 3))
    }

    @Test func documentMarkers() throws {
        let text = "%YAML 1.2\n---\nlockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n...\n"
        let contents = try parse(text)
        #expect(contents.packages.map(\.id) == ["a@1.0.0"])
        #expect(contents.packages.first?.source == .registry)
    }

    @Test func listItemsHoldingMappings() throws {
        // Not written by pnpm, but valid YAML the reader must not misread.
        let text = """
            lockfileVersion: '9.0'
            extra:
            - name: x
              more: [1, {k: v}]
            - - nested
              - list
            packages:
              a@1.0.0: {}
            """
        #expect(try parse(text).packages.map(\.id) == ["a@1.0.0"])
    }

    @Test(arguments: [
        ("https://registry.npmjs.org/a/-/a-1.0.0.tgz", PackageSource.Kind.registry),
        ("https://npm.example.com/@s/a/-/a-1.0.0.tgz?x=1", .registry),
        ("https://example.com/downloads/a.tgz", .tarball),
        ("file:vendor/a-1.0.0.tgz", .tarball),
        ("https://codeload.github.com/u/a/tar.gz/abcdef0", .git),
        ("a/-/a-1.0.0.tgz", .registry),
    ])
    func tarballURLsAreClassified(url: String, kind: PackageSource.Kind) throws {
        let text = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {tarball: '\(url)'}\n"
        let package = try #require(try parse(text).packages.first)
        #expect(package.source == PackageSource(kind: kind, url: url))
    }
}
