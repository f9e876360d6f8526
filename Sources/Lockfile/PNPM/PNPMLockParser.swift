import Foundation
import LockgateCore

/// Reads `pnpm-lock.yaml` (lockfileVersion 5.x, 6.x and 9.x).
///
/// Packages come from `packages:`; keys collapse to distinct name@version (5.x `_peer` suffixes, 6.x/9.x
/// `(peer@x)` and `(patch_hash=...)` suffixes are dropped; 9.x `snapshots:` only add optional flags and aliases).
/// Importer `link:` dependencies and directory packages (`file:` directories, `type: directory`) are local links.
/// The YAML is read by a purpose-built reader for the subset pnpm writes, in one pass and with bounded nesting.
public struct PNPMLockParser: LockfileParser {
    /// Creates a parser.
    public init() {}

    /// Parses a pnpm lockfile.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: `.pnpm`.
    ///   - context: The path (includes are not used).
    /// - Returns: Distinct packages and local links; `formatVersion` is `lockfileVersion` as written (e.g. "9.0").
    /// - Throws: `LockfileError` with line and column for malformed YAML, missing or unsupported `lockfileVersion`,
    ///   and sections or fields of the wrong type.
    public func parse(_ data: Data, format: LockfileFormat, context: ParseContext) throws(LockfileError)
        -> LockfileContents
    {
        let text = try TextDecoding.utf8(data, path: context.path)
        var reader = PNPMYAMLReader(bytes: Array(text.utf8), path: context.path)
        let documents = try reader.documents()
        guard !documents.isEmpty else {
            throw LockfileError(
                path: context.path, line: 1, column: 1,
                message: "empty file; expected a pnpm lockfile (lockfileVersion)")
        }
        var builder = PNPMLockBuilder(path: context.path)
        for document in documents {
            try builder.add(document: document)
        }
        return LockfileContents(
            path: context.path, format: format, formatVersion: builder.formatVersion, packages: builder.packages,
            localLinks: builder.localLinks)
    }
}
