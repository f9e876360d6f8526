/// Why a report could not be rendered.
public enum ReportingError: Error, Sendable, CustomStringConvertible {
    /// A value cannot be written in the format, such as a score that is not a finite number in JSON.
    /// - Parameters:
    ///   - format: The format being rendered (`json`, `sarif`, `list-json`).
    ///   - reason: What could not be encoded.
    case unencodable(format: String, reason: String)

    /// A sentence naming the format and the value that could not be written.
    public var description: String {
        switch self {
        case .unencodable(let format, let reason): "cannot render the \(format) report: \(reason)"
        }
    }
}
