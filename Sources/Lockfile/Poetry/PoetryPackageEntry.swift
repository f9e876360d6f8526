import LockgateCore

/// One `[[package]]` table of a poetry.lock.
struct PoetryPackageEntry {
    private let fields: TOMLFields

    /// Wraps the entry's table.
    /// - Parameter fields: The `[[package]]` table, located at its header.
    init(_ fields: TOMLFields) {
        self.fields = fields
    }

    /// Reads the entry as a package or a local link.
    /// - Parameter sharedHashes: Hashes listed by name in `[metadata]`.
    /// - Returns: The package (with its source, hashes and flags) or the local link.
    /// - Throws: `LockfileError` when `name` or `version` is missing, or a key has the wrong type.
    func resolve(sharedHashes: PoetryMetadataHashes) throws(LockfileError) -> PythonLockEntry {
        let rawName = try fields.requiredString("name")
        let name = PackageName.pep503(rawName)
        let version = try fields.requiredString("version")
        let source = try fields.table("source", context: "`[package.source]`")
        switch try Self.source(source, develop: fields.boolean("develop") ?? false, path: fields.path) {
        case .link(let kind, let linkPath):
            return .link(LocalLink(name: name, path: linkPath, kind: kind, location: fields.location))
        case .package(let packageSource):
            var integrity = try inlineFileHashes()
            let inline = Set(integrity)
            for hash in sharedHashes.hashes(for: name) where !inline.contains(hash) { integrity.append(hash) }
            return .package(
                LockedPackage(
                    ecosystem: .pypi, name: name, version: version, source: packageSource, integrity: integrity,
                    dev: try isDev(), optional: try fields.boolean("optional") ?? false, location: fields.location))
        }
    }

    // MARK: - Private

    private enum Source {
        case package(PackageSource)
        case link(LocalLink.Kind, String)
    }

    /// Maps `[package.source]`: git, url, file, directory, legacy (a private index); none means PyPI.
    private static func source(_ source: TOMLFields?, develop: Bool, path: String) throws(LockfileError) -> Source {
        guard let source, let type = try source.string("type") else { return .package(.registry) }
        let url = try source.string("url")
        func requiredURL() throws(LockfileError) -> String {
            guard let url else {
                throw LockfileError(
                    path: path, location: source.location,
                    message: "missing `url` in `[package.source]` of type `\(type)`; expected a string")
            }
            return url
        }
        switch type {
        case "git":
            let base = try requiredURL()
            var revision = try source.string("resolved_reference")
            if revision == nil { revision = try source.string("reference") }
            return .package(PackageSource(kind: .git, url: revision.map { "\(base)#\($0)" } ?? base))
        case "url":
            return .package(PackageSource(kind: .tarball, url: try requiredURL()))
        case "file":
            let file = try requiredURL()
            if PythonLockEntry.isArchive(file) { return .package(PackageSource(kind: .tarball, url: file)) }
            return .link(.directory, file)
        case "directory":
            let directory = try requiredURL()
            return .link(develop ? .editable : .directory, directory)
        case "legacy", "pypi":
            return .package(PackageSource(kind: .registry, url: url))
        default:
            throw LockfileError(
                path: path, location: source.location(of: "type"),
                message: "unknown `[package.source]` type `\(type)`; expected git, url, file, directory or legacy")
        }
    }

    /// Hashes of 2.x inline `files = [{file, hash}]`.
    private func inlineFileHashes() throws(LockfileError) -> [Integrity] {
        var hashes: [Integrity] = []
        var seen = Set<Integrity>()
        for element in try fields.array("files") ?? [] {
            let file = try TOMLFields(value: element, context: "a `files` element", path: fields.path)
            if let hash = try file.string("hash").flatMap(Integrity.prefixedHex), seen.insert(hash).inserted {
                hashes.append(hash)
            }
        }
        return hashes
    }

    /// `category = "dev"` (before 1.2), or `groups` that do not include `main` (1.2 and later).
    private func isDev() throws(LockfileError) -> Bool {
        if let category = try fields.string("category") { return category == "dev" }
        if let groups = try fields.strings("groups"), !groups.isEmpty { return !groups.contains("main") }
        return false
    }
}
