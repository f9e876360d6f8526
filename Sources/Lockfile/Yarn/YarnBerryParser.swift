import Foundation
import LockgateCore

/// Reads yarn 2+ (berry) lockfiles: `__metadata` plus one YAML block per resolved package.
///
/// The real name and the source come from `resolution` (`name@npm:1.0.0`, `name@workspace:path`,
/// `name@patch:name@npm%3A1.0.0#...`, a git URL, ...). A `patch:` entry counts as the package it patches.
/// Workspaces (the root `name@workspace:.` too), `link:`, `portal:` and `file:` directories are local links.
/// `checksum` (`<cacheKey>/<sha512 hex>` or bare hex) becomes an `Integrity` of algorithm `.yarnBerry`.
public struct YarnBerryParser: LockfileParser {
    /// Creates the parser.
    public init() {}

    /// Parses a yarn berry lockfile.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: The detected format (`.yarnBerry`).
    ///   - context: The path, for errors and the result.
    /// - Returns: Distinct packages and local links, each located at its entry's key; the format version is
    ///   `__metadata.version`.
    /// - Throws: `LockfileError` with line and column for binary, empty or malformed input, a missing
    ///   `__metadata`, or an entry without `version` or `resolution`.
    public func parse(
        _ data: Data, format: LockfileFormat, context: ParseContext
    ) throws(LockfileError) -> LockfileContents {
        let text = try YarnText(data: data, path: context.path)
        let entries = try YarnBerryReader(text: text).entries()
        var formatVersion: String?
        var packages = PackageCollector()
        var links = YarnLocalLinks()
        for entry in entries {
            if entry.specs == ["__metadata"] {
                formatVersion = try metadataVersion(entry, text: text)
            } else {
                try add(entry, text: text, packages: &packages, links: &links)
            }
        }
        guard let formatVersion else {
            throw LockfileError(
                path: context.path, line: 1, column: 1,
                message: "no `__metadata` entry; expected `__metadata:` with `version:` and `cacheKey:`")
        }
        return LockfileContents(
            path: context.path, format: format, formatVersion: formatVersion, packages: packages.result,
            localLinks: links.result)
    }

    // MARK: - Private

    private func metadataVersion(_ entry: YarnEntry, text: YarnText) throws(LockfileError) -> String {
        let version = try entry.required("version", in: text)
        guard let number = Int(version), number > 0 else {
            throw LockfileError(
                path: text.path, location: entry.fields["version"]?.location ?? entry.location,
                message: "`__metadata.version` is `\(version)`; expected a positive integer")
        }
        return String(number)
    }

    private func add(
        _ entry: YarnEntry, text: YarnText, packages: inout PackageCollector, links: inout YarnLocalLinks
    ) throws(LockfileError) {
        let resolution = try entry.required("resolution", in: text)
        let version = try entry.required("version", in: text)
        let locator = YarnSpec(resolution)
        guard !locator.name.isEmpty, !locator.range.isEmpty else {
            throw LockfileError(
                path: text.path, location: entry.fields["resolution"]?.location ?? entry.location,
                message: "`resolution` is `\(resolution)`; expected `name@protocol:reference`")
        }
        let target = Self.resolve(locator.range)
        switch target.kind {
        case .local(let linkKind):
            links.add(
                LocalLink(
                    name: locator.name, path: YarnReference.path(of: target.reference), kind: linkKind,
                    location: entry.location))
        case .registry, .tarball, .git:
            var aliases: [String] = []
            var seen: Set<String> = [locator.name, ""]
            for spec in entry.specs {
                let name = YarnSpec(spec).name
                if seen.insert(name).inserted { aliases.append(name) }
            }
            let kind = target.kind.sourceKind ?? .registry
            packages.add(
                LockedPackage(
                    ecosystem: .npm, name: locator.name, version: version,
                    source: PackageSource(kind: kind, url: kind == .registry ? nil : target.reference),
                    integrity: try checksum(of: entry, text: text), location: entry.location, aliases: aliases))
        }
    }

    /// Classifies a resolution reference, looking through `patch:` to the patched package's own reference.
    private static func resolve(_ reference: String) -> (kind: YarnReference, reference: String) {
        var current = reference
        // A patch wraps a percent-encoded locator; nested patches do not occur, but stay bounded anyway.
        for _ in 0..<4 where current.hasPrefix("patch:") {
            var inner = current.dropFirst(6)
            if let hash = inner.firstIndex(of: "#") { inner = inner[..<hash] }
            let decoded = String(inner).removingPercentEncoding ?? String(inner)
            current = YarnSpec(decoded).range
        }
        return (YarnReference.classify(current), current)
    }

    /// The `checksum` as an integrity: the hex after the cache-key prefix (`8/`, `10c0/`) or the bare hex.
    private func checksum(of entry: YarnEntry, text: YarnText) throws(LockfileError) -> [Integrity] {
        guard let checksum = try entry.scalar("checksum", in: text), !checksum.isEmpty else { return [] }
        let slash = checksum.utf8.lastIndex(of: 0x2F)
        let hex = slash.map { checksum[checksum.utf8.index(after: $0)...] } ?? checksum[...]
        guard Integrity.isHex(hex, byteCount: DigestAlgorithm.yarnBerry.byteCount) else {
            throw LockfileError(
                path: text.path, location: entry.fields["checksum"]?.location ?? entry.location,
                message: "`checksum` is `\(checksum)`; expected `<cacheKey>/<128 hex digits>`")
        }
        return [Integrity(algorithm: .yarnBerry, hex: String(hex))]
    }
}
