/// One distinct package (name and version) a lockfile locks, with where it is written.
public struct LockedPackage: Sendable, Hashable, Codable {
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// The real package name (an npm alias resolves to the aliased package; PyPI names are PEP 503-normalised).
    public var name: String
    /// The exact version; for an unpinned Python requirement, the specifier as written (see `pinned`).
    public var version: String
    /// Where the archive comes from.
    public var source: PackageSource
    /// Every integrity hash the lockfile carries for this package (all files, for PyPI).
    public var integrity: [Integrity]
    /// Whether the package is only a development dependency.
    public var dev: Bool
    /// Whether the package is optional.
    public var optional: Bool
    /// Where the package's entry starts in the lockfile.
    public var location: SourceLocation
    /// False for a Python requirement not pinned to one exact version (`>=`, `~=`, no version, ...).
    public var pinned: Bool
    /// True when the package ships inside its parent's archive (npm `bundled`/`inBundle`).
    public var bundled: Bool
    /// Names under which the lockfile also refers to this package (npm aliases such as `string-width-cjs`).
    public var aliases: [String]
    /// Other sources the lockfile gives for the same name and version (a nested npm entry resolved from another
    /// host), each with its own entry's position. Collapsing entries must never hide a different source.
    public var otherSources: [AlternateSource]

    /// Creates a locked package.
    /// - Parameters:
    ///   - ecosystem: The ecosystem.
    ///   - name: The real package name.
    ///   - version: The exact version, or the specifier when not pinned.
    ///   - source: Where the archive comes from.
    ///   - integrity: Integrity hashes.
    ///   - dev: Development-only.
    ///   - optional: Optional.
    ///   - location: The entry's position in the lockfile.
    ///   - pinned: Whether the version is exact.
    ///   - bundled: Whether it ships inside its parent's archive.
    ///   - aliases: Other names the lockfile uses for it.
    public init(
        ecosystem: Ecosystem,
        name: String,
        version: String,
        source: PackageSource = .registry,
        integrity: [Integrity] = [],
        dev: Bool = false,
        optional: Bool = false,
        location: SourceLocation,
        pinned: Bool = true,
        bundled: Bool = false,
        aliases: [String] = [],
        otherSources: [AlternateSource] = []
    ) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
        self.source = source
        self.integrity = integrity
        self.dev = dev
        self.optional = optional
        self.location = location
        self.pinned = pinned
        self.bundled = bundled
        self.aliases = aliases
        self.otherSources = otherSources
    }

    /// `name@version`, the identity a package is known by in reports and policies.
    public var id: String { "\(name)@\(version)" }
}

/// A further source for a package that a lockfile lists more than once, and where that entry is.
public struct AlternateSource: Sendable, Hashable, Codable {
    /// The source.
    public var source: PackageSource
    /// The entry's position in the lockfile.
    public var location: SourceLocation

    /// Creates an alternate source.
    public init(source: PackageSource, location: SourceLocation) {
        self.source = source
        self.location = location
    }
}
