import LockgateCore

/// Collapses lockfile entries to distinct packages by (ecosystem, name, version), as the lockfile corpus counts them.
///
/// The first entry keeps its location; integrity hashes and aliases are merged; a different source for the same
/// name and version is kept in `otherSources` so policy still sees it; a package is dev-only or optional only when
/// every entry for it is.
public struct PackageCollector: Sendable {
    private var order: [String] = []
    private var packages: [String: LockedPackage] = [:]

    /// Creates an empty collector.
    public init() {}

    /// Adds one entry, merging it with an earlier entry of the same name and version.
    /// - Parameter package: The entry.
    public mutating func add(_ package: LockedPackage) {
        let key = "\(package.ecosystem.rawValue)\u{0}\(package.name)\u{0}\(package.version)"
        guard var existing = packages[key] else {
            order.append(key)
            packages[key] = package
            return
        }
        for hash in package.integrity where !existing.integrity.contains(hash) {
            existing.integrity.append(hash)
        }
        for alias in package.aliases where !existing.aliases.contains(alias) {
            existing.aliases.append(alias)
        }
        existing.dev = existing.dev && package.dev
        existing.optional = existing.optional && package.optional
        existing.bundled = existing.bundled && package.bundled
        existing.pinned = existing.pinned && package.pinned
        if existing.source.url == nil, package.source.url != nil, existing.source.kind == package.source.kind {
            existing.source = package.source
        } else if package.source != existing.source, package.source.url != nil,
            !existing.otherSources.contains(where: { $0.source == package.source })
        {
            existing.otherSources.append(AlternateSource(source: package.source, location: package.location))
        }
        packages[key] = existing
    }

    /// The distinct packages in the order they were first seen.
    public var result: [LockedPackage] {
        order.compactMap { packages[$0] }
    }
}
