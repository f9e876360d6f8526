import Foundation
import Lockfile
import LockgateCore

/// Paths and loaders shared by the lockfile tests.
enum TestPaths {
    /// The repository root, derived from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository, where the real-lockfile corpus lives (absent on users' clones).
    static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/lockfiles`.
    static let sharedLockfiles: URL = shared.appendingPathComponent("lockfiles")

    /// Whether `../shared/lockfiles` is present; tests that need it are skipped (with this reason) when it is not.
    static var sharedLockfilesPresent: Bool {
        FileManager.default.fileExists(atPath: sharedLockfiles.appendingPathComponent("MANIFEST.tsv").path)
    }

    /// The fixtures folder of this test target (Tests/LockfileTests/Fixtures, copied as a resource).
    static var fixtures: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
            ?? repositoryRoot.appendingPathComponent("Tests/LockfileTests/Fixtures")
    }

    /// Reads a fixture's bytes.
    /// - Parameter name: The path under Fixtures/, e.g. `npm/v1-bundled.json`.
    /// - Returns: The bytes.
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }
}

extension LockfileParser {
    /// Parses text given inline in a test.
    /// - Parameters:
    ///   - text: The lockfile text.
    ///   - format: The format.
    ///   - path: The path to report.
    /// - Returns: The parsed contents.
    func parse(text: String, format: LockfileFormat, path: String = "test.lock") throws(LockfileError) -> LockfileContents {
        try parse(Data(text.utf8), format: format, context: ParseContext(path: path))
    }
}
