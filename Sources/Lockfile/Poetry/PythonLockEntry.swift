import LockgateCore

/// What one poetry.lock or uv.lock package entry turns out to be: an installable package, or a local link.
enum PythonLockEntry {
    /// A package with an archive to fetch.
    case package(LockedPackage)
    /// A directory, editable or virtual project inside the repository.
    case link(LocalLink)

    /// Whether a path or URL names a Python distribution archive (sdist or wheel) rather than a directory.
    /// - Parameter path: The path or URL as written.
    /// - Returns: True for `.whl`, `.zip`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`, `.tar` and `.egg` names.
    static func isArchive(_ path: String) -> Bool {
        var name = Substring(path.lowercased())
        if let cut = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = name[..<cut] }
        return archiveSuffixes.contains { name.hasSuffix($0) }
    }

    /// Adds link entries once per (name, path) and package entries through the collector.
    /// - Parameters:
    ///   - collector: Where packages go.
    ///   - links: Where local links go.
    func record(into collector: inout PackageCollector, links: inout [LocalLink]) {
        switch self {
        case .package(let package):
            collector.add(package)
        case .link(let link):
            if !links.contains(where: { $0.name == link.name && $0.path == link.path }) { links.append(link) }
        }
    }

    // MARK: - Private

    private static let archiveSuffixes = [
        ".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar", ".egg",
    ]
}
