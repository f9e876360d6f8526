import Foundation
import LockgateCore

/// What a yarn range, `resolved` URL or berry resolution reference points at.
enum YarnReference: Sendable, Hashable {
    /// The npm registry (a semver range, a dist-tag, `npm:`, or a registry-layout archive URL on any host).
    case registry
    /// A direct archive: a non-registry URL, a `file:` archive, or an `exec:` generated package.
    case tarball
    /// A git repository.
    case git
    /// A place inside the project: workspace, `link:`/`portal:`, or a `file:` directory.
    case local(LocalLink.Kind)

    /// The package source kind, or nil for a local reference.
    var sourceKind: PackageSource.Kind? {
        switch self {
        case .registry: .registry
        case .tarball: .tarball
        case .git: .git
        case .local: nil
        }
    }

    /// Classifies a range, URL or reference as written.
    /// - Parameter reference: The text after `name@`, or a `resolved` URL.
    /// - Returns: Its kind; anything unrecognised (a semver range, a dist-tag) is `.registry`.
    static func classify(_ reference: String) -> YarnReference {
        guard let first = reference.utf8.first else { return .registry }
        // Semver ranges and dist-tags are by far the most common: answer them without lowercasing.
        if first >= 0x30 && first <= 0x39 || first == 0x5E || first == 0x7E || first == 0x3C || first == 0x3E
            || first == 0x3D || first == 0x2A
        {
            return .registry
        }
        let lower = reference.lowercased()
        if lower.hasPrefix("npm:") { return .registry }
        if lower.hasPrefix("workspace:") { return .local(.workspace) }
        if lower.hasPrefix("link:") || lower.hasPrefix("portal:") { return .local(.link) }
        if lower.hasPrefix("exec:") { return .tarball }
        if lower.hasPrefix("file:") { return localPath(String(lower.dropFirst(5))) }
        if gitPrefixes.contains(where: { lower.hasPrefix($0) }) || contains(lower, ".git#") || lower.hasSuffix(".git")
            || contains(lower, "#commit=")
        {
            return .git
        }
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            return isRegistryLayout(lower) ? .registry : .tarball
        }
        if lower.hasPrefix("./") || lower.hasPrefix("../") || lower.hasPrefix("/") || lower.hasPrefix("~/") {
            return localPath(lower)
        }
        return .registry
    }

    /// Strips the protocol and yarn's `::` parameters and `#` fragment from a local reference.
    /// - Parameter reference: `link:../x::locator=...`, `workspace:packages/a`, `file:./dir`.
    /// - Returns: The bare path.
    static func path(of reference: String) -> String {
        var rest = Substring(reference)
        if let colon = rest.firstIndex(of: ":"), !rest.hasPrefix("/"), !rest.hasPrefix(".") {
            rest = rest[rest.index(after: colon)...]
        }
        if let params = rest.range(of: "::") { rest = rest[..<params.lowerBound] }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        return String(rest)
    }

    // MARK: - Private

    private static let gitPrefixes = [
        "git+", "git:", "git@", "ssh:", "github:", "gitlab:", "bitbucket:", "gist:",
    ]

    private static let archiveSuffixes = [".tgz", ".tar.gz", ".tar", ".zip"]

    /// A `file:` or bare path: an archive is a tarball, anything else a directory link.
    private static func localPath(_ lower: String) -> YarnReference {
        let bare = path(of: "file:" + lower)
        return archiveSuffixes.contains(where: { bare.hasSuffix($0) }) ? .tarball : .local(.directory)
    }

    /// Whether `text` contains `needle`, comparing bytes (Foundation's `contains` is far slower here).
    private static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let haystack = Array(text.utf8)
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first, haystack.count >= pattern.count else { return false }
        var index = 0
        while index <= haystack.count - pattern.count {
            if haystack[index] == first && haystack[index..<index + pattern.count].elementsEqual(pattern) {
                return true
            }
            index += 1
        }
        return false
    }

    /// `https://host/any/path/-/name-1.0.0.tgz`, with an optional query or fragment.
    private static func isRegistryLayout(_ lower: String) -> Bool {
        let utf8 = Array(lower.utf8)
        let end = utf8.firstIndex(where: { $0 == 0x23 || $0 == 0x3F }) ?? utf8.count
        guard end >= 4, utf8[end - 4..<end].elementsEqual(".tgz".utf8) else { return false }
        // The last path component must follow a `/-/` segment.
        guard let slash = utf8[..<end].lastIndex(of: 0x2F), slash >= 2 else { return false }
        return utf8[slash - 1] == 0x2D && utf8[slash - 2] == 0x2F
    }
}
