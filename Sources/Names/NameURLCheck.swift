import LockgateCore

/// Compares the name a lockfile entry claims with the package its archive URL names.
///
/// Lockfile-injection attacks keep a trusted name on an entry and point its URL at another package's archive. The
/// URL layouts understood are the npm registry's (`/<name>/-/<name>-<version>.tgz`,
/// `/@scope/name/-/name-<version>.tgz`, percent-encoded or registry-relative as in pnpm 5 lockfiles) and PyPI
/// archive file names (`<name>-<version>.tar.gz`, `.zip`, wheels `<name>-<version>-<tags>.whl`). Anything else is
/// not judged.
public enum NameURLCheck {
    /// The package name an archive URL names.
    /// - Parameters:
    ///   - url: The tarball or file URL as the lockfile writes it (absolute, registry-relative or a bare file name).
    ///   - ecosystem: Which layout to expect.
    /// - Returns: The name as the URL spells it (percent-decoded), or nil when the URL is not in a known layout.
    public static func claimedName(inTarballURL url: String, ecosystem: Ecosystem) -> String? {
        guard let path = path(of: url) else { return nil }
        switch ecosystem {
        case .npm: return npmName(inPath: path)
        case .pypi: return PyPIFileName(path: path)?.name
        }
    }

    /// The name the entry's archive URL names when it is not the entry's name nor one of its aliases.
    /// - Parameter package: The locked package.
    /// - Returns: The other name, or nil when they agree, the entry has no URL, or the URL's layout is unknown.
    public static func mismatch(for package: LockedPackage) -> String? {
        guard package.source.kind != .git, package.source.kind != .path, let url = package.source.url,
            let path = path(of: url)
        else { return nil }
        let own = [package.name] + package.aliases
        switch package.ecosystem {
        case .npm:
            guard let claimed = npmName(inPath: path), !own.contains(claimed) else { return nil }
            return claimed
        case .pypi:
            guard let file = PyPIFileName(path: path) else { return nil }
            let normalised = Set(own.map { PackageName.pep503($0) })
            if normalised.contains(PackageName.pep503(file.name)) { return nil }
            // A legacy sdist name may itself hold `-<digit>`, which makes the split ambiguous: accept any reading.
            if normalised.contains(where: { file.couldBeNamed($0) }) { return nil }
            return file.name
        }
    }

    // MARK: - Private

    /// The URL's path (or the whole string when it has no scheme), without query or fragment; nil for `file:`,
    /// `git+`, `link:` and similar non-archive schemes.
    private static func path(of url: String) -> String? {
        var text = Substring(url.trimmingCharacters(in: " \t\r\n"))
        if let cut = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = text[..<cut] }
        guard !text.isEmpty else { return nil }
        if let scheme = text.firstRange(of: "://") {
            let lowered = text[..<scheme.lowerBound].lowercased()
            guard lowered == "https" || lowered == "http" else { return nil }
            let rest = text[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            return String(rest[slash...])
        }
        // Registry-relative paths (pnpm 5: `%40scope%2Fname/-/name-1.0.0.tgz`) and bare file names have no scheme;
        // `file:`, `link:`, `git@host:` and the like do.
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") { return nil }
        return String(text)
    }

    /// The name in an npm registry tarball path: the one or two segments before the `-` segment.
    private static func npmName(inPath rawPath: String) -> String? {
        let decoded = PercentDecoding.decode(rawPath)
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 3, segments[segments.count - 2] == "-",
            let file = segments.last, file.hasSuffix(".tgz")
        else { return nil }
        let bare = segments[segments.count - 3]
        guard !bare.hasPrefix("@"), !bare.isEmpty else { return nil }
        if segments.count >= 4, segments[segments.count - 4].hasPrefix("@"), segments[segments.count - 4].count > 1 {
            return "\(segments[segments.count - 4])/\(bare)"
        }
        return String(bare)
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        let trimmed = drop { set.contains($0) }
        return String(trimmed.reversed().drop { set.contains($0) }.reversed())
    }
}
