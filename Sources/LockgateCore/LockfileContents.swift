/// What one lockfile locks: distinct packages, and local links listed apart.
public struct LockfileContents: Sendable, Hashable, Codable {
    /// The path as given (relative paths stay relative).
    public var path: String
    /// The format.
    public var format: LockfileFormat
    /// The format's own version marker (npm `lockfileVersion`, pnpm `lockfileVersion`, ...), if it has one.
    public var formatVersion: String?
    /// Distinct packages in the order their entries appear in the file.
    public var packages: [LockedPackage]
    /// Workspaces, links, directories and editable roots.
    public var localLinks: [LocalLink]

    /// Creates lockfile contents.
    /// - Parameters:
    ///   - path: The path as given.
    ///   - format: The format.
    ///   - formatVersion: The format's version marker.
    ///   - packages: Distinct packages.
    ///   - localLinks: Local links.
    public init(
        path: String, format: LockfileFormat, formatVersion: String?, packages: [LockedPackage],
        localLinks: [LocalLink]
    ) {
        self.path = path
        self.format = format
        self.formatVersion = formatVersion
        self.packages = packages
        self.localLinks = localLinks
    }
}
