import LockgateCore

/// A lockfile that cannot be read: the file, the position and what was expected there.
public struct LockfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The lockfile path as given.
    public var path: String
    /// Where reading stopped, when known (1-based).
    public var location: SourceLocation?
    /// What was wrong and what was expected.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - path: The lockfile path.
    ///   - location: Where reading stopped.
    ///   - message: What was wrong and what was expected.
    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// Creates an error at a line and column.
    public init(path: String, line: Int, column: Int, message: String) {
        self.init(path: path, location: SourceLocation(line: line, column: column), message: message)
    }

    /// `path:line:column: message`.
    public var description: String {
        RunProblem(path: path, location: location, message: message).description
    }
}
