import LockgateCore

/// One `[[package]]` table of a uv.lock: what it is, its hashes and the dependency edges it declares.
struct UVPackageEntry {
    /// A reference to another entry, as written in `dependencies`: a name, and a version when the name is forked.
    struct Dependency {
        /// The PEP 503 name.
        var name: String
        /// The exact version, written only when the name is locked at several versions.
        var version: String?
        /// Extras of the target that are requested (their optional dependencies follow).
        var extras: [String]
    }

    /// The PEP 503 name.
    let name: String
    /// The version; nil only for a local project with a dynamic version.
    let version: String?
    /// The package or local link.
    let entry: PythonLockEntry
    /// `dependencies`.
    let dependencies: [Dependency]
    /// `[package.optional-dependencies]`: extra name to its dependencies.
    let optionalDependencies: [String: [Dependency]]
    /// `[package.dev-dependencies]`: every group's dependencies.
    let devDependencies: [Dependency]

    /// Reads one entry.
    /// - Parameter fields: The `[[package]]` table, located at its header.
    /// - Throws: `LockfileError` when `name` is missing, a distribution has no `version`, or a key has the wrong type.
    init(_ fields: TOMLFields) throws(LockfileError) {
        name = PackageName.pep503(try fields.requiredString("name"))
        version = try fields.string("version")
        let source = try Self.source(fields)
        switch source {
        case .link(let kind, let path):
            entry = .link(LocalLink(name: name, path: path, kind: kind, location: fields.location))
        case .package(var packageSource):
            guard let version else {
                throw LockfileError(
                    path: fields.path, location: fields.location,
                    message: "missing `version` in the `[[package]]` entry `\(name)`; expected a string")
            }
            let (integrity, firstURL) = try Self.distributions(fields)
            if packageSource.kind == .registry, packageSource.url == nil { packageSource.url = firstURL }
            entry = .package(
                LockedPackage(
                    ecosystem: .pypi, name: name, version: version, source: packageSource, integrity: integrity,
                    location: fields.location))
        }
        dependencies = try Self.dependencies(fields.array("dependencies"), key: "dependencies", fields: fields)
        var optional: [String: [Dependency]] = [:]
        if let table = try fields.table("optional-dependencies", context: "`[package.optional-dependencies]`") {
            for group in table.table.entries {
                optional[group.key] = try Self.dependencies(table.array(group.key), key: group.key, fields: table)
            }
        }
        optionalDependencies = optional
        var dev: [Dependency] = []
        if let table = try fields.table("dev-dependencies", context: "`[package.dev-dependencies]`") {
            for group in table.table.entries {
                dev += try Self.dependencies(table.array(group.key), key: group.key, fields: table)
            }
        }
        devDependencies = dev
        _ = try fields.table("metadata", context: "`[package.metadata]`")
    }

    // MARK: - Private

    private enum Source {
        case package(PackageSource)
        case link(LocalLink.Kind, String)
    }

    /// Maps `source = { ... }`: registry, git, url, path (archive or directory), editable, virtual, directory.
    private static func source(_ fields: TOMLFields) throws(LockfileError) -> Source {
        guard let source = try fields.table("source", context: "`source`") else { return .package(.registry) }
        guard let entry = source.table.entries.first, let value = entry.value.string else {
            let location = source.table.entries.first?.value.location ?? source.location
            throw LockfileError(
                path: fields.path, location: location,
                message: "expected `source` to hold one string such as `{ registry = \"https://pypi.org/simple\" }`")
        }
        switch entry.key {
        case "registry": return .package(.registry)
        case "git": return .package(PackageSource(kind: .git, url: value))
        case "url": return .package(PackageSource(kind: .tarball, url: value))
        case "path":
            return PythonLockEntry.isArchive(value)
                ? .package(PackageSource(kind: .tarball, url: value))
                : .link(.directory, value)
        case "editable": return .link(.editable, value)
        case "virtual", "workspace": return .link(.workspace, value)
        case "directory": return .link(.directory, value)
        default:
            throw LockfileError(
                path: fields.path, location: entry.keyLocation,
                message:
                    "unknown source `\(entry.key)`; expected registry, git, url, path, editable, virtual or directory")
        }
    }

    /// Every `sdist` and `wheels` hash, and the first archive URL (the sdist's when there is one).
    private static func distributions(_ fields: TOMLFields) throws(LockfileError) -> ([Integrity], String?) {
        var files: [TOMLFields] = []
        if let sdist = try fields.table("sdist", context: "`sdist`") { files.append(sdist) }
        for wheel in try fields.array("wheels") ?? [] {
            files.append(try TOMLFields(value: wheel, context: "a `wheels` element", path: fields.path))
        }
        var hashes: [Integrity] = []
        var seen = Set<Integrity>()
        var firstURL: String?
        for file in files {
            if let hash = try file.string("hash").flatMap(Integrity.prefixedHex), seen.insert(hash).inserted {
                hashes.append(hash)
            }
            let url = try file.string("url")
            if firstURL == nil { firstURL = url }
            _ = try file.integer("size")
        }
        return (hashes, firstURL)
    }

    private static func dependencies(_ list: [TOMLValue]?, key: String, fields: TOMLFields) throws(LockfileError)
        -> [Dependency]
    {
        var result: [Dependency] = []
        for value in list ?? [] {
            let dependency = try TOMLFields(value: value, context: "an element of `\(key)`", path: fields.path)
            result.append(
                Dependency(
                    name: PackageName.pep503(try dependency.requiredString("name")),
                    version: try dependency.string("version"),
                    extras: try dependency.strings("extra") ?? []))
        }
        return result
    }
}
