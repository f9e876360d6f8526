import Foundation

/// Where the repository, `../shared` and the built binaries are, for tests.
public enum RepositoryLayout {
    /// The repository root (derived from this file's path).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (present for developers and CI, absent on users' clones).
    public static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether `../shared/lockfiles` is present.
    public static var sharedLockfilesPresent: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("lockfiles/MANIFEST.tsv").path)
    }

    /// The folder holding the built products of the running test bundle (`.build/<triple>/debug`).
    public static var productsDirectory: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // On Linux the test runner is `<products>/lockgatePackageTests.xctest`; elsewhere it may sit inside a bundle.
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("lockgate").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }

    /// The built `lockgate` executable.
    public static var lockgateBinary: URL { productsDirectory.appendingPathComponent("lockgate") }
}
