import LockgateCore

/// Turns the documents of a pnpm lockfile into distinct packages and local links.
struct PNPMLockBuilder {
    /// The lockfile path, for errors.
    let path: String
    /// The last document's `lockfileVersion`, as written.
    private(set) var formatVersion: String?
    /// Local links (importer `link:` dependencies and directory packages), in file order.
    private(set) var localLinks: [LocalLink] = []
    private var linkKeys = Set<String>()
    private var collector = PackageCollector()
    /// Alias names by the `name@version` they point at.
    var aliases: [String: [String]] = [:]
    /// Whether every snapshot of a `name@version` is optional (lockfile 9).
    private var snapshotOptional: [String: Bool] = [:]

    /// Creates a builder.
    /// - Parameter path: The lockfile path.
    init(path: String) {
        self.path = path
    }

    /// The distinct packages collected so far.
    var packages: [LockedPackage] { collector.result }

    /// Adds one YAML document (pnpm writes one, or two when it also records its own version).
    /// - Parameter document: The document's root node.
    /// - Throws: `LockfileError` when the document is not a pnpm lockfile or a section has the wrong type.
    mutating func add(document: PNPMYAMLNode) throws(LockfileError) {
        guard document.entries != nil else {
            throw LockfileError(
                path: path, location: document.location,
                message: "expected a mapping with lockfileVersion and packages, found \(document.kindDescription)")
        }
        let usesAtSeparator = try readLockfileVersion(document)
        for section in Self.mappingSections {
            _ = try mapping(document[section], named: section)
        }
        if let importers = try mapping(document["importers"], named: "importers") {
            for importer in importers {
                try addImporter(importer.key, node: importer.value, usesAtSeparator: usesAtSeparator)
            }
        } else {
            try addImporter(".", node: document, usesAtSeparator: usesAtSeparator)
        }
        for snapshot in try mapping(document["snapshots"], named: "snapshots") ?? [] {
            try addSnapshot(snapshot, usesAtSeparator: usesAtSeparator)
        }
        var pending: [LockedPackage] = []
        for entry in try mapping(document["packages"], named: "packages") ?? [] {
            if let package = try readPackage(entry, usesAtSeparator: usesAtSeparator) { pending.append(package) }
        }
        for var package in pending {
            package.aliases = aliases[package.id] ?? []
            collector.add(package)
        }
    }

    /// Records a local link once per distinct key.
    /// - Parameters:
    ///   - link: The link.
    ///   - key: What makes it distinct (the importer and dependency, or the package key).
    mutating func addLink(_ link: LocalLink, key: String) {
        if linkKeys.insert(key).inserted { localLinks.append(link) }
    }

    /// The entries of an optional mapping section; nil when absent or empty.
    /// - Parameters:
    ///   - node: The section node.
    ///   - named: The section name, for errors.
    /// - Returns: The entries.
    /// - Throws: `LockfileError` when the node is a scalar or a list.
    func mapping(_ node: PNPMYAMLNode?, named: String) throws(LockfileError) -> [PNPMYAMLEntry]? {
        guard let node, !node.isNull else { return nil }
        guard let entries = node.entries else {
            throw LockfileError(
                path: path, location: node.location,
                message: "expected '\(named)' to be a mapping, found \(node.kindDescription)")
        }
        return entries
    }

    /// A string field of an entry; nil when absent.
    /// - Throws: `LockfileError` when the field is a mapping or a list.
    func string(_ node: PNPMYAMLNode?, named: String) throws(LockfileError) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar else {
            throw LockfileError(
                path: path, location: node.location,
                message: "expected '\(named)' to be a string, found \(node.kindDescription)")
        }
        return text
    }

    // MARK: - Private

    private static let mappingSections = [
        "settings", "overrides", "patchedDependencies", "catalogs", "time", "specifiers", "dependencies",
        "devDependencies", "optionalDependencies",
    ]

    /// Reads `lockfileVersion`; returns whether keys use `name@version` (6.0 and later).
    private mutating func readLockfileVersion(_ document: PNPMYAMLNode) throws(LockfileError) -> Bool {
        guard let node = document["lockfileVersion"] else {
            throw LockfileError(
                path: path, location: document.location, message: "missing lockfileVersion; expected a pnpm lockfile")
        }
        let text = try string(node, named: "lockfileVersion") ?? ""
        guard let major = Int(text.prefix { $0 != "." }), (3...9).contains(major),
            text.allSatisfy({ $0.isNumber || $0 == "." })
        else {
            throw LockfileError(
                path: path, location: node.location,
                message: "unsupported lockfileVersion '\(text)'; expected 5.x, 6.x or 9.x")
        }
        formatVersion = text
        return major >= 6
    }

    private mutating func addSnapshot(_ entry: PNPMYAMLEntry, usesAtSeparator: Bool) throws(LockfileError) {
        guard let key = PNPMPackageKey.parse(entry.key, usesAtSeparator: usesAtSeparator) else {
            throw LockfileError(
                path: path, location: entry.keyLocation,
                message: "cannot read a name and version from snapshot key '\(entry.key)'; expected name@version")
        }
        _ = try mapping(entry.value, named: entry.key)
        let optional = try flag(entry.value["optional"], named: "optional")
        let id = "\(key.name)@\(key.version)"
        snapshotOptional[id] = (snapshotOptional[id] ?? true) && optional
        try addAliases(from: entry.value, usesAtSeparator: usesAtSeparator)
    }

    private mutating func readPackage(_ entry: PNPMYAMLEntry, usesAtSeparator: Bool) throws(LockfileError)
        -> LockedPackage?
    {
        let body = entry.value
        _ = try mapping(body, named: entry.key)
        let key = PNPMPackageKey.parse(entry.key, usesAtSeparator: usesAtSeparator)
        guard let name = try string(body["name"], named: "name") ?? key?.name,
            let version = try string(body["version"], named: "version") ?? key?.version, !name.isEmpty, !version.isEmpty
        else {
            let expected = usesAtSeparator ? "name@version" : "/name/version"
            throw LockfileError(
                path: path, location: entry.keyLocation,
                message: "cannot read a name and version from package key '\(entry.key)'; expected \(expected)")
        }
        let resolution = try PNPMResolution.classify(body["resolution"], key: entry.key, name: name, path: path)
        try addAliases(from: body, usesAtSeparator: usesAtSeparator)
        switch resolution {
        case .local(let directory):
            addLink(
                LocalLink(name: name, path: directory, kind: .directory, location: entry.keyLocation), key: entry.key)
            return nil
        case .package(let source, let integrity):
            var optional = try flag(body["optional"], named: "optional")
            if let fromSnapshots = snapshotOptional["\(name)@\(version)"] { optional = optional || fromSnapshots }
            return LockedPackage(
                ecosystem: .npm, name: name, version: version, source: source, integrity: integrity,
                dev: try flag(body["dev"], named: "dev"), optional: optional, location: entry.keyLocation)
        }
    }

    /// A `true`/`false` field; false when absent.
    private func flag(_ node: PNPMYAMLNode?, named: String) throws(LockfileError) -> Bool {
        guard let node, !node.isNull else { return false }
        switch node.scalar {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            throw LockfileError(
                path: path, location: node.location,
                message: "expected '\(named)' to be true or false, found \(node.kindDescription)")
        }
    }
}
