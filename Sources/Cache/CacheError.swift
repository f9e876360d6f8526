/// A cache that cannot be opened or written: the path and what went wrong.
public struct CacheError: Error, Sendable, CustomStringConvertible {
    /// The file or folder concerned.
    public var path: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "cache \(path): \(message)" }
}
