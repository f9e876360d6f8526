/// Where a locked package's archive comes from.
public struct PackageSource: Sendable, Hashable, Codable {
    /// The kind of source.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A package registry (npm registry, PyPI index); `url` is the archive URL when the lockfile names one.
        case registry
        /// A direct archive URL that is not a registry's (or a `file:` archive).
        case tarball
        /// A git repository.
        case git
        /// A local path.
        case path
    }

    /// The kind of source.
    public var kind: Kind
    /// The URL or path as the lockfile gives it, if any.
    public var url: String?

    /// Creates a source.
    /// - Parameters:
    ///   - kind: The kind of source.
    ///   - url: The URL or path as written in the lockfile.
    public init(kind: Kind, url: String? = nil) {
        self.kind = kind
        self.url = url
    }

    /// A registry source without a known archive URL.
    public static let registry = PackageSource(kind: .registry)
}
