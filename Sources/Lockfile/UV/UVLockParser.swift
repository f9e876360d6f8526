import Foundation
import LockgateCore

/// Reads uv.lock files (`version = 1`, with or without `revision`).
///
/// Each `[[package]]` entry becomes a package located at its header; a name locked at two versions (a forked
/// resolution) is two packages. Editable, virtual and directory sources become local links. Integrity is every sdist
/// and wheel hash. Dev-only and optional flags follow the local projects' dependency edges (`UVDependencyGraph`).
public struct UVLockParser: LockfileParser {
    /// The only `version` of uv.lock this parser knows.
    public static let supportedVersion: Int64 = 1

    /// Creates a parser.
    public init() {}

    /// Parses a uv.lock.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: `.uv`.
    ///   - context: The path, for errors and reports.
    /// - Returns: Distinct packages (PEP 503 names) and local links, each at its `[[package]]` header.
    /// - Throws: `LockfileError` naming line and column when the TOML is malformed, `version` is missing or not 1, or
    ///   a key has the wrong type.
    public func parse(_ data: Data, format: LockfileFormat, context: ParseContext) throws(LockfileError)
        -> LockfileContents
    {
        let path = context.path
        let root = try TOMLParser(path: path).parse(data)
        let document = TOMLFields(root, at: SourceLocation(line: 1, column: 1), context: "uv.lock", path: path)
        guard let version = try document.integer("version") else {
            throw LockfileError(
                path: path, location: root.entries.first?.keyLocation ?? document.location,
                message: "missing `version`; expected `version = 1` at the top of a uv.lock")
        }
        guard version == Self.supportedVersion else {
            throw LockfileError(
                path: path, location: document.location(of: "version"),
                message: "unsupported uv.lock `version = \(version)`; expected \(Self.supportedVersion)")
        }
        let revision = try document.integer("revision")
        _ = try document.string("requires-python")
        _ = try document.strings("resolution-markers")

        var entries: [UVPackageEntry] = []
        for value in try document.array("package") ?? [] {
            entries.append(try UVPackageEntry(TOMLFields(value: value, context: "the `[[package]]` entry", path: path)))
        }
        let flags = UVDependencyGraph(entries: entries).flags()
        var collector = PackageCollector()
        var links: [LocalLink] = []
        for (entry, flag) in zip(entries, flags) {
            var item = entry.entry
            if case .package(var package) = item {
                package.dev = flag.dev
                package.optional = flag.optional
                item = .package(package)
            }
            item.record(into: &collector, links: &links)
        }
        return LockfileContents(
            path: path, format: format, formatVersion: revision.map { "\(version) (revision \($0))" } ?? "\(version)",
            packages: collector.result, localLinks: links)
    }
}
