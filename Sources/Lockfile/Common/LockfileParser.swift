import Foundation
import LockgateCore

/// What a parser gets besides the bytes: the path as given, and how to read files it includes.
public struct ParseContext: Sendable {
    /// The lockfile path as given (used in errors and reports).
    public var path: String
    /// Reads another file (a requirements `-r`/`-c` include), given a path already resolved against the lockfile's
    /// directory. Returns nil when the file does not exist.
    public var readFile: @Sendable (String) throws -> Data?

    /// Creates a context.
    /// - Parameters:
    ///   - path: The lockfile path as given.
    ///   - readFile: Reads an included file; by default from disk.
    public init(path: String, readFile: @escaping @Sendable (String) throws -> Data? = ParseContext.readFromDisk) {
        self.path = path
        self.readFile = readFile
    }

    /// Reads a file from disk, nil when it does not exist.
    public static let readFromDisk: @Sendable (String) throws -> Data? = { path in
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

/// A parser for one lockfile format (or a family of closely related formats).
public protocol LockfileParser: Sendable {
    /// Parses a whole lockfile.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: The format, already detected.
    ///   - context: The path and include reader.
    /// - Returns: Distinct packages and local links, each with its position in the file.
    /// - Throws: `LockfileError` naming path, line and column when the file is malformed.
    func parse(_ data: Data, format: LockfileFormat, context: ParseContext) throws(LockfileError) -> LockfileContents
}
