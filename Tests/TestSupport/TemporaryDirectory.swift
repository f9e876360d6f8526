import Foundation

/// A fresh directory under the system temporary folder, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked Sendable: `url` is immutable after init; the class only exists to delete the folder in deinit.

    /// The directory.
    public let url: URL

    /// Creates an empty temporary directory.
    /// - Throws: When it cannot be created.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lockgate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The directory's path.
    public var path: String { url.path }

    /// Writes a text file, creating intermediate folders.
    /// - Parameters:
    ///   - relativePath: The path inside the directory.
    ///   - contents: The text.
    /// - Returns: The file's absolute path.
    /// - Throws: When it cannot be written.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) throws -> String {
        try write(relativePath, data: Data(contents.utf8))
    }

    /// Writes a file, creating intermediate folders.
    /// - Parameters:
    ///   - relativePath: The path inside the directory.
    ///   - data: The bytes.
    /// - Returns: The file's absolute path.
    /// - Throws: When it cannot be written.
    @discardableResult
    public func write(_ relativePath: String, data: Data) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }
}
