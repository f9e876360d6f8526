import LockgateCore

/// Reads requirements that point at an archive, a repository or a path instead of an index:
/// `name @ https://...`, `git+https://...@sha#egg=name==1.0`, bare archive URLs, `./dir`, `-e .`.
struct RequirementURL {
    /// The logical line.
    let line: RequirementsLine
    /// The file path, for errors.
    let path: String

    /// Whether a requirement is a URL or a path rather than a name (pip's `_looks_like_path` and URL checks).
    /// - Parameter requirement: The requirement text.
    /// - Returns: True for URLs, VCS URLs, `file:` URLs and paths.
    static func looksLikeURLOrPath(_ requirement: Substring) -> Bool {
        let first = requirement.prefix { !$0.isWhitespace && $0 != ";" }
        let lower = first.lowercased()
        if first.contains("://") || vcsPrefixes.contains(where: lower.hasPrefix) || lower.hasPrefix("file:") {
            return true
        }
        if first.hasPrefix(".") || first.hasPrefix("/") || first.hasPrefix("~") { return true }
        return first.contains("/") || first.contains("\\") || archiveSuffixes.contains(where: lower.hasSuffix)
    }

    /// Builds the package for a URL or path requirement.
    /// - Parameters:
    ///   - url: The text from the URL or path on (markers may follow after whitespace and `;`).
    ///   - explicitName: The name before `@` in a PEP 508 direct reference.
    ///   - hashes: The `--hash` values on the line.
    ///   - editable: True for `-e`.
    /// - Returns: A package with source kind git (VCS), tarball (archive URL) or path (local path, `file:`); pinned
    ///   only with a hash or a VCS commit.
    /// - Throws: `LockfileError` when the name cannot be told or text follows the URL.
    func package(url text: Substring, explicitName: Substring?, hashes: [Integrity], editable: Bool)
        throws(LockfileError) -> LockedPackage
    {
        let url = text.prefix { !$0.isWhitespace }
        guard !url.isEmpty else { throw error(at: text.startIndex, "expected a URL or a path") }
        let after = text[url.endIndex...].drop { $0.isWhitespace }
        if !after.isEmpty, !after.hasPrefix(";") {
            throw error(at: after.startIndex, "unexpected text after the URL; expected '; <marker>' or an option")
        }
        let lower = url.lowercased()
        let kind: PackageSource.Kind =
            if Self.vcsPrefixes.contains(where: lower.hasPrefix) {
                .git
            } else if url.contains("://"), !lower.hasPrefix("file:") { .tarball } else { .path }
        if explicitName != nil, !url.contains(":") {
            throw error(at: url.startIndex, "expected a URL after '@' in a direct reference")
        }
        let egg = Self.fragment(of: url, key: "egg")
        let eggName = egg?.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        var version = ""
        if let egg, let eggName, egg[eggName.endIndex...].hasPrefix("==") {
            version = String(egg[eggName.endIndex...].dropFirst(2))
        }
        let pinned = kind != .path && (!hashes.isEmpty || (kind == .git && Self.hasCommitReference(url)))
        if !pinned, !version.isEmpty { version = "==" + version }
        let name: String
        if let written = explicitName ?? eggName.flatMap({ $0.isEmpty ? nil : $0 }) {
            name = PackageName.pep503(written)
        } else if let derived = Self.derivedName(url, kind: kind) {
            // A path written as `.` or `..` names the project itself: keep it as written.
            name = derived == String(url) ? derived : PackageName.pep503(derived)
        } else {
            throw error(
                at: url.startIndex,
                "cannot tell the package name from '\(url.prefix(80))'; expected 'name @ URL' or #egg=name")
        }
        let location = line.location(of: explicitName?.startIndex ?? url.startIndex)
        return LockedPackage(
            ecosystem: .pypi, name: name, version: version, source: PackageSource(kind: kind, url: String(url)),
            integrity: hashes, location: location, pinned: pinned)
    }

    // MARK: - Private

    private static let vcsPrefixes = ["git+", "hg+", "svn+", "bzr+"]
    private static let archiveSuffixes = [
        ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar", ".zip", ".whl",
    ]

    private func error(at index: Substring.Index, _ message: String) -> LockfileError {
        LockfileError(path: path, location: line.location(of: index), message: message)
    }

    /// A `#key=value` fragment parameter (`#egg=name&subdirectory=dir`).
    private static func fragment(of url: Substring, key: String) -> Substring? {
        guard let hash = url.firstIndex(of: "#") else { return nil }
        for pair in url[url.index(after: hash)...].split(separator: "&") where pair.hasPrefix(key + "=") {
            return pair.dropFirst(key.count + 1)
        }
        return nil
    }

    /// The URL's path (after the host) without query and fragment; the whole text for a plain path.
    private static func urlPath(_ url: Substring) -> Substring {
        var body = url.prefix { $0 != "#" && $0 != "?" }
        if let scheme = body.range(of: "://") {
            let rest = body[scheme.upperBound...]
            body = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        } else if body.lowercased().hasPrefix("file:") {
            body = body.dropFirst(5)
        }
        return body
    }

    /// A VCS URL whose reference (`...repo@<ref>`) is a commit hash of 7 to 40 hex digits.
    private static func hasCommitReference(_ url: Substring) -> Bool {
        let path = urlPath(url)
        guard let at = path.lastIndex(of: "@") else { return false }
        let reference = path[path.index(after: at)...]
        return (7...40).contains(reference.count) && reference.utf8.allSatisfy { $0.isHexDigit }
    }

    /// A name for a URL without one: a GitHub repository name, a VCS repository name, or the archive's file stem.
    private static func derivedName(_ url: Substring, kind: PackageSource.Kind) -> String? {
        var path = urlPath(url)
        if kind == .git, let at = path.lastIndex(of: "@"), path[..<at].contains("/") { path = path[..<at] }
        let parts = path.split(separator: "/")
        let lower = url.lowercased()
        if (lower.contains("://github.com/") || lower.contains("://codeload.github.com/")), parts.count >= 3 {
            return String(parts[1])
        }
        guard var stem = parts.last.map(String.init) else { return kind == .path ? String(url) : nil }
        if kind == .path, stem == "." || stem == ".." { return String(url) }
        if kind == .git, stem.hasSuffix(".git") { stem.removeLast(4) }
        if let suffix = archiveSuffixes.first(where: { stem.lowercased().hasSuffix($0) }) {
            stem.removeLast(suffix.count)
            let pieces = stem.split(separator: "-", omittingEmptySubsequences: false)
            if suffix == ".whl" {
                stem = String(pieces[0])
            } else if let versionStart = pieces.lastIndex(where: { $0.first?.isNumber ?? false }), versionStart > 0 {
                stem = pieces[..<versionStart].joined(separator: "-")
            }
        }
        return stem.isEmpty ? nil : stem
    }
}
