import LockgateCore

/// The few ANSI colours the text report uses.
enum ANSIStyle: String, Sendable {
    case red = "31"
    case yellow = "33"
    case green = "32"
    case dim = "2"

    /// Wraps text in the style's escape sequence and a reset.
    /// - Parameter text: The text (already free of control characters).
    /// - Returns: The styled text.
    func apply(_ text: String) -> String {
        "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }

    /// The colour for a verdict: red for block and error, yellow for warn, green for pass.
    /// - Parameter verdict: The verdict.
    /// - Returns: The style.
    static func forVerdict(_ verdict: Verdict) -> ANSIStyle {
        switch verdict {
        case .pass: .green
        case .warn: .yellow
        case .block, .error: .red
        }
    }
}
