import LockgateCore

/// What an npm `resolved` URL or a v1 `version` spec says about where a package comes from.
enum NPMSpec: Equatable {
    /// The registry; `url` is the archive URL when written (any host in registry layout).
    case registry(url: String?)
    /// A direct archive: a non-registry URL or a `file:` archive.
    case tarball(url: String)
    /// A git repository (`git+https://...#sha`, `github:owner/repo#sha`, codeload URLs, ...).
    case git(url: String)
    /// A local directory or link (`file:dir`, `link:`, `portal:`).
    case local(path: String)

    /// Classifies a `resolved` value or a URL-like v1 `version`.
    /// - Parameter text: The text as written; empty means the registry.
    /// - Returns: The classification.
    static func classify(_ text: String) -> NPMSpec {
        if text.isEmpty { return .registry(url: nil) }
        let bytes = Array(text.utf8)
        if isGit(bytes) { return .git(url: text) }
        if hasPrefix(bytes, "file:") {
            let archive = [".tgz", ".tar.gz", ".tar", ".zip"].contains { hasSuffix(bytes, $0) }
            return archive ? .tarball(url: text) : .local(path: text)
        }
        if hasPrefix(bytes, "link:") || hasPrefix(bytes, "portal:") { return .local(path: text) }
        if isHTTP(bytes) {
            return isRegistryLayout(text) ? .registry(url: text) : .tarball(url: text)
        }
        return .registry(url: text)
    }

    /// Whether the text starts with `http://` or `https://` (any case).
    /// - Parameter text: The text.
    /// - Returns: True for an http(s) URL.
    static func isHTTP(_ text: String) -> Bool { isHTTP(Array(text.utf8)) }

    /// The position after the last `node_modules/` in an install path.
    /// - Parameter key: A `packages` key.
    /// - Returns: The index where the installed name starts, or nil when the key has no `node_modules/`.
    static func installedNameStart(in key: String) -> String.Index? {
        let utf8 = key.utf8
        let needle = Array("node_modules/".utf8)
        guard utf8.count >= needle.count else { return nil }
        var end = utf8.endIndex
        while utf8.distance(from: utf8.startIndex, to: end) >= needle.count {
            let start = utf8.index(end, offsetBy: -needle.count)
            if utf8[start..<end].elementsEqual(needle) { return end }
            end = utf8.index(before: end)
        }
        return nil
    }

    /// The package source, nil for a local link.
    var source: PackageSource? {
        switch self {
        case .registry(let url): PackageSource(kind: .registry, url: url)
        case .tarball(let url): PackageSource(kind: .tarball, url: url)
        case .git(let url): PackageSource(kind: .git, url: url)
        case .local: nil
        }
    }

    /// Whether an http(s) URL has the registry layout `.../NAME/-/BASENAME-VERSION.tgz` (query/fragment allowed).
    /// - Parameter url: The URL.
    /// - Returns: True for a registry-layout archive URL on any host.
    static func isRegistryLayout(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        guard isHTTP(bytes) else { return false }
        let main = bytes.prefix { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "?") }
        guard main.count > 4, main.suffix(4).elementsEqual(".tgz".utf8),
            let slash = main.lastIndex(of: UInt8(ascii: "/"))
        else { return false }
        // `/-/` right before the file name, with a host (and package name) between the scheme and it.
        let schemeLength = hasPrefix(bytes, "https://") ? 8 : 7
        return slash - 2 > schemeLength && main[(slash - 2)...slash].elementsEqual("/-/".utf8)
            && main.count - slash > 5
    }

    /// The version in a registry archive URL's file name (`.../node-uuid/-/node-uuid-1.4.7.tgz` → `1.4.7`).
    /// - Parameters:
    ///   - url: The registry-layout URL.
    ///   - name: The package name (scoped names use the part after the slash).
    /// - Returns: The version, or nil when the file name does not start with the name.
    static func registryVersion(from url: String, name: String) -> String? {
        let main = url.prefix { $0 != "#" && $0 != "?" }
        guard main.hasSuffix(".tgz"), let slash = main.lastIndex(of: "/") else { return nil }
        let file = main[main.index(after: slash)...].dropLast(4)
        let bare = name.split(separator: "/").last.map(String.init) ?? name
        guard file.hasPrefix(bare + "-") else { return nil }
        let version = file.dropFirst(bare.count + 1)
        return version.isEmpty ? nil : String(version)
    }

    // MARK: - Private

    private static func isGit(_ bytes: [UInt8]) -> Bool {
        let prefixes = ["git+", "git:", "git@", "ssh:", "github:", "gitlab:", "bitbucket:", "gist:"]
        return prefixes.contains { hasPrefix(bytes, $0) } || contains(bytes, "codeload.github.com")
            || contains(bytes, ".git#") || hasSuffix(bytes, ".git") || contains(bytes, "#commit=")
    }

    private static func isHTTP(_ bytes: [UInt8]) -> Bool {
        hasPrefix(bytes, "http://") || hasPrefix(bytes, "https://")
    }

    /// ASCII case-insensitive prefix test.
    private static func hasPrefix(_ bytes: [UInt8], _ prefix: String) -> Bool {
        let needle = prefix.utf8
        guard bytes.count >= needle.count else { return false }
        return zip(bytes, needle).allSatisfy { lowered($0) == $1 }
    }

    /// ASCII case-insensitive suffix test.
    private static func hasSuffix(_ bytes: [UInt8], _ suffix: String) -> Bool {
        let needle = suffix.utf8
        guard bytes.count >= needle.count else { return false }
        return zip(bytes.suffix(needle.count), needle).allSatisfy { lowered($0) == $1 }
    }

    /// ASCII case-insensitive substring test.
    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var start = 0
        while start + needle.count <= bytes.count {
            if lowered(bytes[start]) == first {
                var matched = true
                for offset in 1..<needle.count where lowered(bytes[start + offset]) != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            start += 1
        }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
