/// Something that stopped part of a run from being checked: a lockfile that does not parse, an unreadable path.
/// Problems make the run end in exit 3; reports show them so nothing unchecked looks passed.
public struct RunProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// The position, when known.
    public var location: SourceLocation?
    /// What went wrong and what was expected.
    public var message: String

    /// Creates a problem.
    /// - Parameters:
    ///   - path: The file.
    ///   - location: The position.
    ///   - message: What went wrong.
    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// `path:line:column: message`.
    public var description: String {
        if let location { "\(path):\(location.line):\(location.column): \(message)" } else { "\(path): \(message)" }
    }
}
