import Foundation
import LockgateCore
import Testing

/// Golden-file assertions: `Snapshots/<name>.<ext>`, with the tool version written as `${LOCKGATE_VERSION}`.
///
/// `RECORD_SNAPSHOTS=1` rewrites the file and fails the test, so a recording run is never mistaken for a pass.
enum Snapshot {
    /// The placeholder for `LockgateVersion.current`.
    static let versionPlaceholder = "${LOCKGATE_VERSION}"

    /// Compares rendered bytes with a golden file.
    /// - Parameters:
    ///   - data: The rendered bytes (UTF-8).
    ///   - name: The test's name.
    ///   - ext: The file extension.
    ///   - sourceLocation: Where to report a failure.
    static func assertMatches(
        _ data: Data, named name: String, ext: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let url = TestPaths.snapshots.appendingPathComponent("\(name).\(ext)")
        let actual = String(decoding: data, as: UTF8.self)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let recorded = replacingVersion(in: actual)
            try FileManager.default.createDirectory(at: TestPaths.snapshots, withIntermediateDirectories: true)
            try Data(recorded.utf8).write(to: url)
            Issue.record(
                "Recorded \(url.lastPathComponent); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let stored = try? Data(contentsOf: url) else {
            Issue.record("Missing snapshot \(url.path); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: stored, as: UTF8.self)
            .replacingOccurrences(of: versionPlaceholder, with: LockgateVersion.current)
        if actual != expected {
            Issue.record(
                "\(url.lastPathComponent) differs: \(firstDifference(expected, actual))", sourceLocation: sourceLocation
            )
        }
    }

    /// Replaces the tool version with the placeholder where it stands alone, not inside a longer version such as
    /// `20.1.0` or `0.1.0-beta`.
    /// - Parameter text: Rendered text.
    /// - Returns: The text with the placeholder.
    static func replacingVersion(in text: String) -> String {
        let version = LockgateVersion.current
        var out = ""
        var rest = text[...]
        while let range = rest.range(of: version) {
            let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : nil
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : nil
            let standsAlone = !isVersionCharacter(before) && !isVersionCharacter(after)
            out += rest[..<range.lowerBound]
            out += standsAlone ? versionPlaceholder : version
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    // MARK: - Private

    private static func isVersionCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "." || character == "-" || character == "+"
    }

    private static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end>"
            let b = index < right.count ? String(right[index]) : "<end>"
            if a != b { return "line \(index + 1)\n expected: \(a)\n   actual: \(b)" }
        }
        return "trailing bytes"
    }
}
