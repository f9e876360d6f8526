import LockgateCore

/// Where a pnpm `packages:` entry comes from, read from its `resolution` (and, failing that, its key).
enum PNPMResolution: Sendable, Equatable {
    /// An archive to fetch: its source and integrity hashes.
    case package(PackageSource, [Integrity])
    /// A directory inside the project (`file:` directory, `type: directory`): a local link.
    case local(path: String)

    /// Classifies one entry.
    /// - Parameters:
    ///   - resolution: The entry's `resolution` node, if any.
    ///   - key: The package key as written.
    ///   - name: The package name read from the key or the entry.
    ///   - path: The lockfile path, for errors.
    /// - Returns: The classification.
    /// - Throws: `LockfileError` when `resolution` or one of its fields has the wrong type or a malformed integrity.
    static func classify(_ resolution: PNPMYAMLNode?, key: String, name: String, path: String) throws(LockfileError)
        -> PNPMResolution
    {
        guard let resolution, !resolution.isNull else { return fromKey(key, name: name, integrity: []) }
        guard resolution.entries != nil else {
            throw LockfileError(
                path: path, location: resolution.location,
                message: "expected 'resolution' to be a mapping, found \(resolution.kindDescription)")
        }
        let field = { (name: String) throws(LockfileError) -> String? in
            guard let node = resolution[name], !node.isNull else { return nil }
            guard let text = node.scalar else {
                throw LockfileError(
                    path: path, location: node.location,
                    message: "expected 'resolution.\(name)' to be a string, found \(node.kindDescription)")
            }
            return text
        }
        var integrity: [Integrity] = []
        if let sri = try field("integrity") {
            // One token (the usual case) skips sriList's splitting.
            let isSingle = !sri.utf8.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            integrity = isSingle ? Integrity.sri(Substring(sri)).map { [$0] } ?? [] : Integrity.sriList(sri)
            guard !integrity.isEmpty else {
                throw LockfileError(
                    path: path, location: resolution["integrity"]?.location ?? resolution.location,
                    message: "malformed integrity '\(sri.prefix(60))'; expected an SRI hash such as sha512-<base64>")
            }
        }
        let type = try field("type")
        if type == "git" || resolution["repo"] != nil {
            let repo = try field("repo")
            let commit = try field("commit")
            var url = repo
            if let commit { url = (repo ?? "") + "#" + commit }
            return .package(PackageSource(kind: .git, url: url), integrity)
        }
        if type == "directory" || resolution["directory"] != nil {
            return .local(path: try field("directory") ?? key)
        }
        if let tarball = try field("tarball") {
            return classifyURL(tarball, integrity: integrity)
        }
        if let type, type != "tarball" {
            throw LockfileError(
                path: path, location: resolution.location,
                message: "unsupported resolution type '\(type)'; expected a registry, tarball, git or directory one")
        }
        return fromKey(key, name: name, integrity: integrity)
    }

    /// Classifies a tarball URL or a dependency reference as written.
    /// - Parameters:
    ///   - url: The URL, `file:` path or registry-relative path.
    ///   - integrity: The integrity hashes to attach.
    /// - Returns: Registry for registry-layout URLs (`.../-/name-1.0.0.tgz`) and relative paths, git for
    ///   repositories, tarball for other archives, local for `file:` directories.
    static func classifyURL(_ url: String, integrity: [Integrity]) -> PNPMResolution {
        let lower = url.lowercased()
        let gitPrefixes = ["git+", "git:", "git@", "ssh:", "github:", "gitlab:", "bitbucket:", "gist:"]
        if gitPrefixes.contains(where: lower.hasPrefix) || lower.contains("codeload.github.com")
            || lower.contains(".git#") || lower.hasSuffix(".git") || lower.contains("#commit=")
        {
            return .package(PackageSource(kind: .git, url: url), integrity)
        }
        if lower.hasPrefix("file:") {
            let archiveSuffixes = [".tgz", ".tar.gz", ".tar", ".zip"]
            guard archiveSuffixes.contains(where: lower.hasSuffix) else {
                return .local(path: String(url.dropFirst(5)))
            }
            return .package(PackageSource(kind: .tarball, url: url), integrity)
        }
        if lower.hasPrefix("link:") { return .local(path: String(url.dropFirst(5))) }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let kind: PackageSource.Kind = isRegistryLayout(url) ? .registry : .tarball
            return .package(PackageSource(kind: kind, url: url), integrity)
        }
        return .package(PackageSource(kind: .registry, url: url), integrity)
    }

    // MARK: - Private

    /// Keys that name a repository or path when the resolution does not (`github.com/user/repo/sha`, `name@file:x`).
    private static func fromKey(_ key: String, name: String, integrity: [Integrity]) -> PNPMResolution {
        let bare = key.hasPrefix("/") ? String(key.dropFirst()) : key
        let rest = bare.hasPrefix(name) ? String(bare.dropFirst(min(bare.count, name.count + 1))) : bare
        let restPrefixes = ["file:", "link:", "github.com", "git", "http", "codeload"]
        let keyPrefixes = ["github.com/", "gitlab.com/", "bitbucket.org/", "file:", "codeload.github.com"]
        guard restPrefixes.contains(where: rest.hasPrefix) || keyPrefixes.contains(where: bare.hasPrefix) else {
            return .package(.registry, integrity)
        }
        let direct = ["file:", "http", "git"].contains(where: rest.hasPrefix)
        return classifyURL(direct ? rest : "git+" + bare, integrity: integrity)
    }

    /// `https://host/.../-/name-1.0.0.tgz`, the npm registry's archive layout on any host.
    private static func isRegistryLayout(_ url: String) -> Bool {
        let main = url.prefix { $0 != "#" && $0 != "?" }
        guard main.hasSuffix(".tgz") else { return false }
        let segments = main.split(separator: "/", omittingEmptySubsequences: false)
        return segments.count >= 5 && segments[segments.count - 2] == "-" && !segments[2].isEmpty
    }
}
