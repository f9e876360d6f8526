import Foundation
import LockgateCore

/// Reads poetry.lock files: pre-1.0 (`[metadata.hashes]`), 1.x (`[metadata.files]`) and 2.x (`files` inline).
///
/// Each `[[package]]` entry becomes a package located at its header; `directory` sources (and `file` sources that
/// are not archives) become local links. Hashes listed by name in `[metadata]` apply to every version of that name.
public struct PoetryLockParser: LockfileParser {
    /// Creates a parser.
    public init() {}

    /// Parses a poetry.lock.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: `.poetry`.
    ///   - context: The path, for errors and reports.
    /// - Returns: Distinct packages (PEP 503 names) and local links, each at its `[[package]]` header.
    /// - Throws: `LockfileError` naming line and column when the TOML is malformed or a key has the wrong type.
    public func parse(_ data: Data, format: LockfileFormat, context: ParseContext) throws(LockfileError)
        -> LockfileContents
    {
        let path = context.path
        let root = try TOMLParser(path: path).parse(data)
        let document = TOMLFields(root, at: SourceLocation(line: 1, column: 1), context: "poetry.lock", path: path)
        guard root["package"] != nil || root["metadata"] != nil else {
            throw LockfileError(
                path: path, location: root.entries.first?.keyLocation ?? document.location,
                message: "expected `[[package]]` tables and a `[metadata]` table; this is not a poetry.lock")
        }
        let metadata = try document.table("metadata", context: "`[metadata]`")
        let lockVersion = try metadata?.string("lock-version")
        let sharedHashes = try PoetryMetadataHashes(metadata: metadata, path: path)

        var collector = PackageCollector()
        var links: [LocalLink] = []
        for value in try document.array("package") ?? [] {
            let fields = try TOMLFields(value: value, context: "the `[[package]]` entry", path: path)
            let entry = try PoetryPackageEntry(fields).resolve(sharedHashes: sharedHashes)
            entry.record(into: &collector, links: &links)
        }
        return LockfileContents(
            path: path, format: format, formatVersion: lockVersion ?? "pre-1.0", packages: collector.result,
            localLinks: links)
    }
}
