import Lockfile

/// Picks the lockfiles out of a list of repository paths (staged or indexed files), by the same rules as the
/// directory search: lockfile names only, never inside dependency folders, VCS metadata or virtual environments.
public enum StagedLockfiles {
    /// The lockfiles among repository-relative paths.
    /// - Parameter paths: Paths relative to the repository root, with `/` separators.
    /// - Returns: The lockfile paths, sorted.
    public static func filter(_ paths: [String]) -> [String] {
        let environments = Set(
            paths.compactMap { path -> String? in
                // A virtual environment below the root (the search never judges the folder it starts in).
                guard path.hasSuffix("/pyvenv.cfg") else { return nil }
                return String(path.dropLast("pyvenv.cfg".count))
            })
        return paths.filter { path in
            let components = path.split(separator: "/").map(String.init)
            guard let name = components.last else { return false }
            let folders = components.dropLast()
            if folders.contains(where: { LockfileDiscovery.skippedFolders.contains($0) }) { return false }
            if environments.contains(where: { path.hasPrefix($0) }) { return false }
            return LockfileDetector.isLockfileName(name, parentName: folders.last)
        }.sorted()
    }
}
