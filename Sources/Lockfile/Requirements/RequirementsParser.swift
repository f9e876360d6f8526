import Foundation
import LockgateCore

/// Reads pip requirements files (`requirements.txt`, pip-compile and `uv pip compile` output).
///
/// Every requirement line is a package: `name==1.2.3` is pinned; ranges, wildcards and bare names are not pinned
/// and keep the specifier as their version; URLs, VCS URLs, paths and editables (`-e .`) are packages with a
/// tarball, git or path source. `--hash` values become integrity. `-r` includes are followed (relative to the
/// including file, through `ParseContext.readFile`, with a cycle guard) and their packages take the location of the
/// `-r` line; `-c` constraints files are not requirements and are not read. Names are PEP 503-normalised.
public struct RequirementsParser: LockfileParser {
    /// Creates a parser.
    public init() {}

    /// Parses a requirements file and the files it includes.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: `.requirements`.
    ///   - context: The path, and the reader for `-r` includes.
    /// - Returns: Distinct (name, version) packages; no local links; no format version.
    /// - Throws: `LockfileError` with line and column for an invalid requirement, a malformed hash, an unknown
    ///   option, or a missing or unreadable included file (at its `-r` line).
    public func parse(_ data: Data, format: LockfileFormat, context: ParseContext) throws(LockfileError)
        -> LockfileContents
    {
        var reader = RequirementsReader(context: context)
        try reader.read(data, path: context.path, origin: nil, stack: [RequirementsReader.normalise(context.path)])
        return LockfileContents(
            path: context.path, format: format, formatVersion: nil, packages: reader.packages, localLinks: [])
    }
}
