import Foundation
import Lockfile

/// Finds a project's lockfiles by name in a directory tree, never inside dependency folders, VCS metadata or
/// virtual environments.
public enum LockfileDiscovery {
    /// Folder names never descended into.
    public static let skippedFolders: Set<String> = [
        "node_modules", ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pypackages__", "site-packages",
        ".build", ".yarn", ".pnpm-store", ".mypy_cache", ".pytest_cache", "__pycache__", "bower_components",
    ]

    /// Lists lockfiles under a directory, sorted by path.
    /// - Parameter directory: The directory to search (the path as given; results are prefixed with it).
    /// - Returns: Lockfile paths.
    public static func lockfiles(under directory: String) -> [String] {
        var found: [String] = []
        var pending = [directory]
        let manager = FileManager.default
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            let parentName = URL(fileURLWithPath: folder).lastPathComponent
            for name in names.sorted() {
                let path = folder == "." ? name : (folder as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !skippedFolders.contains(name) && !isVirtualEnvironment(path) && !isSymbolicLink(path) {
                        pending.append(path)
                    }
                } else if LockfileDetector.isLockfileName(name, parentName: parentName) {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    // MARK: - Private

    /// A Python virtual environment of any name has a `pyvenv.cfg` at its root.
    private static func isVirtualEnvironment(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("pyvenv.cfg"))
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return attributes?[.type] as? FileAttributeType == .typeSymbolicLink
    }
}
