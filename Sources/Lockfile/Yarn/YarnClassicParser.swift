import Foundation
import LockgateCore

/// Reads yarn v1 lockfiles (`# yarn lockfile v1`): blocks headed by comma-separated specs, with `version`,
/// `resolved` and `integrity` fields.
///
/// The real name comes from each spec (an `alias@npm:real@^1` spec counts under `real`, with the alias recorded).
/// `link:`, `portal:` and `file:` directory specs are local links. The `resolved` URL decides the source; when a
/// block has no `integrity`, a `#<40 hex>` fragment of a non-git `resolved` URL is its sha1 (2016-era files).
public struct YarnClassicParser: LockfileParser {
    /// Creates the parser.
    public init() {}

    /// Parses a yarn v1 lockfile.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: The detected format (`.yarnClassic`).
    ///   - context: The path, for errors and the result.
    /// - Returns: Distinct packages and local links, each located at its block's header line.
    /// - Throws: `LockfileError` with line and column for binary, empty or malformed input, or a block without a
    ///   `version`.
    public func parse(
        _ data: Data, format: LockfileFormat, context: ParseContext
    ) throws(LockfileError) -> LockfileContents {
        let text = try YarnText(data: data, path: context.path)
        let entries = try YarnClassicReader(text: text).entries()
        var packages = PackageCollector()
        var links = YarnLocalLinks()
        for entry in entries {
            try add(entry, text: text, packages: &packages, links: &links)
        }
        return LockfileContents(
            path: context.path, format: format, formatVersion: "1", packages: packages.result,
            localLinks: links.result)
    }

    // MARK: - Private

    private func add(
        _ entry: YarnEntry, text: YarnText, packages: inout PackageCollector, links: inout YarnLocalLinks
    ) throws(LockfileError) {
        let version = try entry.required("version", in: text)
        let resolved = try entry.scalar("resolved", in: text).flatMap { $0.isEmpty ? nil : $0 }
        let (names, specReference) = Self.names(of: entry.specs)
        var reference = resolved.map(YarnReference.classify) ?? .registry
        var url = resolved
        if reference == .registry, let specReference {
            reference = specReference.kind
            if url == nil || specReference.kind.sourceKind == nil { url = specReference.range }
        }
        guard let kind = reference.sourceKind else {
            guard case .local(let linkKind) = reference else { return }
            for name in names {
                links.add(
                    LocalLink(
                        name: name.name, path: YarnReference.path(of: url ?? ""), kind: linkKind,
                        location: entry.location))
            }
            return
        }
        let integrity = try integrity(of: entry, resolved: resolved, kind: kind, text: text)
        for name in names {
            packages.add(
                LockedPackage(
                    ecosystem: .npm, name: name.name, version: version, source: PackageSource(kind: kind, url: url),
                    integrity: integrity, location: entry.location, aliases: name.aliases))
        }
    }

    /// The `integrity` field's SRI hashes, or else the sha1 in a non-git `resolved` URL's `#` fragment.
    private func integrity(
        of entry: YarnEntry, resolved: String?, kind: PackageSource.Kind, text: YarnText
    ) throws(LockfileError) -> [Integrity] {
        if let written = try entry.scalar("integrity", in: text), !written.isEmpty {
            let hashes = Integrity.sriList(written)
            guard !hashes.isEmpty else {
                throw LockfileError(
                    path: text.path, location: entry.fields["integrity"]?.location ?? entry.location,
                    message: "`integrity` is not a valid SRI hash; expected `sha512-<base64>` (or sha1/sha256/...)")
            }
            return hashes
        }
        guard kind != .git, let resolved, let hash = resolved.utf8.lastIndex(of: 0x23) else { return [] }
        let fragment = resolved[resolved.utf8.index(after: hash)...]
        guard Integrity.isHex(fragment, byteCount: DigestAlgorithm.sha1.byteCount) else { return [] }
        return [Integrity(algorithm: .sha1, hex: String(fragment))]
    }

    /// The distinct real names of a block's specs with their aliases, and the first spec that is not a registry
    /// range (`link:`, `file:`, a git or tarball URL).
    private static func names(
        of specs: [String]
    ) -> (names: [(name: String, aliases: [String])], reference: (kind: YarnReference, range: String)?) {
        var names: [(name: String, aliases: [String])] = []
        var nameIndex: [String: Int] = [:]
        var seenAliases: Set<String> = []
        var reference: (kind: YarnReference, range: String)?
        for written in specs {
            var spec = YarnSpec(written)
            var alias: String?
            if let target = spec.npmAliasTarget {
                alias = spec.name
                spec = target
            }
            let index = nameIndex[spec.name] ?? names.count
            if index == names.count {
                nameIndex[spec.name] = index
                names.append((spec.name, []))
            }
            if let alias, seenAliases.insert("\(spec.name)\u{0}\(alias)").inserted {
                names[index].aliases.append(alias)
            }
            let kind = YarnReference.classify(spec.range)
            if kind != .registry && reference == nil { reference = (kind, spec.range) }
        }
        return (names, reference)
    }
}
