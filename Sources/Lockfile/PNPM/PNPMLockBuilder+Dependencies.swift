import LockgateCore

extension PNPMLockBuilder {
    /// The dependency sections of an importer, a package or a snapshot.
    static let dependencySections = ["dependencies", "devDependencies", "optionalDependencies"]

    /// Reads one importer (a workspace project, or the root of a non-workspace lockfile): its `link:` dependencies
    /// become local links and its aliased dependencies are remembered.
    /// - Parameters:
    ///   - importer: The importer's path (`.` for the root).
    ///   - node: The importer's mapping.
    ///   - usesAtSeparator: True for lockfile 6.0 and later.
    /// - Throws: `LockfileError` when a section or a dependency has the wrong type.
    mutating func addImporter(_ importer: String, node: PNPMYAMLNode, usesAtSeparator: Bool) throws(LockfileError) {
        _ = try mapping(node, named: importer)
        for section in Self.dependencySections {
            for dependency in try mapping(node[section], named: section) ?? [] {
                let version = try resolvedVersion(of: dependency)
                if version.hasPrefix("link:") {
                    let link = LocalLink(
                        name: dependency.key, path: String(version.dropFirst(5)), kind: .link,
                        location: dependency.keyLocation)
                    addLink(link, key: "\(importer):\(dependency.key)->\(version)")
                } else {
                    noteAlias(dependency.key, reference: version, usesAtSeparator: usesAtSeparator)
                }
            }
        }
    }

    /// Remembers the aliased dependencies of a package or snapshot entry (`string-width-cjs: string-width@4.2.3`).
    /// - Parameters:
    ///   - node: The entry.
    ///   - usesAtSeparator: True for lockfile 6.0 and later.
    /// - Throws: `LockfileError` when a dependency section has the wrong type.
    mutating func addAliases(from node: PNPMYAMLNode, usesAtSeparator: Bool) throws(LockfileError) {
        for section in Self.dependencySections {
            guard let dependencies = node[section] else { continue }
            for dependency in try mapping(dependencies, named: section) ?? [] {
                let reference = try string(dependency.value, named: dependency.key) ?? ""
                noteAlias(dependency.key, reference: reference, usesAtSeparator: usesAtSeparator)
            }
        }
    }

    // MARK: - Private

    /// The version an importer dependency resolved to: a scalar (5.x) or the `version` of a mapping (6.x, 9.x).
    private func resolvedVersion(of dependency: PNPMYAMLEntry) throws(LockfileError) -> String {
        if dependency.value.entries != nil {
            guard let version = try string(dependency.value["version"], named: "version") else {
                throw LockfileError(
                    path: path, location: dependency.keyLocation,
                    message: "dependency '\(dependency.key)' has no version; expected 'version: <resolved version>'")
            }
            return version
        }
        return try string(dependency.value, named: dependency.key) ?? ""
    }

    private mutating func noteAlias(_ alias: String, reference: String, usesAtSeparator: Bool) {
        guard let target = PNPMPackageKey.aliasTarget(reference, usesAtSeparator: usesAtSeparator),
            target.name != alias
        else { return }
        let id = "\(target.name)@\(target.version)"
        if !(aliases[id]?.contains(alias) ?? false) { aliases[id, default: []].append(alias) }
    }
}
