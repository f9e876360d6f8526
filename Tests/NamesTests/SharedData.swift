import Foundation

/// Where the project's `../shared` folder is, for tests that read the real lockfiles and name tables. Users who clone
/// the project do not have it, so those tests are guarded with `.enabled(if: SharedData.isPresent)`.
enum SharedData {
    /// The repository root, derived from this file's path (`<root>/Tests/NamesTests/SharedData.swift`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the repository.
    static let root = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether the real lockfiles and name tables are there.
    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("lockfiles/MANIFEST.tsv").path)
            && FileManager.default.fileExists(atPath: root.appendingPathComponent("data/popular-npm.tsv").path)
    }
}
