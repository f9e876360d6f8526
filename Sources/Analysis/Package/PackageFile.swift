import Foundation

/// One file of a package as read from its archive: npm paths start with `package/`, sdist paths with
/// `name-version/`, wheel paths have no prefix.
public struct PackageFile: Sendable, Hashable {
    /// The path inside the archive.
    public var path: String
    /// The bytes.
    public var data: Data
    /// Whether the archive marks the file executable.
    public var isExecutable: Bool

    /// Creates a package file.
    /// - Parameters:
    ///   - path: The path inside the archive.
    ///   - data: The bytes.
    ///   - isExecutable: Whether the archive marks the file executable.
    public init(path: String, data: Data, isExecutable: Bool = false) {
        self.path = path
        self.data = data
        self.isExecutable = isExecutable
    }
}
