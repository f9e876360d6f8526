import LockgateCore

/// Why a text is not valid JSON, and where.
package struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where reading stopped (1-based line and column).
    package var location: SourceLocation
    /// What was wrong and what was expected.
    package var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - location: Where reading stopped.
    ///   - message: What was wrong and what was expected.
    package init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `line:column: message`.
    package var description: String { "\(location): \(message)" }
}

extension LockfileError {
    /// Wraps a JSON syntax error as a lockfile error.
    /// - Parameters:
    ///   - error: The JSON error.
    ///   - path: The lockfile path.
    package init(_ error: JSONError, path: String) {
        self.init(path: path, location: error.location, message: "invalid JSON: \(error.message)")
    }
}
