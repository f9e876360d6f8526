/// The pip options a requirements file may contain, and what lockgate does with each.
enum RequirementsOption: Sendable, Equatable {
    /// `-r`/`--requirement`: include another requirements file.
    case include
    /// `-c`/`--constraint`: a constraints file (constraints are not requirements: not read, not counted).
    case constraint
    /// `-e`/`--editable`: an editable requirement (a path or VCS URL).
    case editable
    /// An index, build or resolver option that does not name a package (`--index-url`, `--pre`, ...).
    case ignored

    /// Looks up a file-level option.
    /// - Parameter name: The option as written (`-r`, `--index-url`).
    /// - Returns: The option and whether it takes a value, or nil for an option pip does not accept in a file.
    static func fileOption(_ name: Substring) -> (option: RequirementsOption, takesValue: Bool)? {
        switch name {
        case "-r", "--requirement": (.include, true)
        case "-c", "--constraint": (.constraint, true)
        case "-e", "--editable": (.editable, true)
        case "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host", "--no-binary",
            "--only-binary", "--use-feature":
            (.ignored, true)
        case "--no-index", "--pre", "--prefer-binary", "--require-hashes":
            (.ignored, false)
        default:
            requirementOptionTakesValue(name).map { (.ignored, $0) }
        }
    }

    /// Whether a per-requirement option takes a value (all do), or nil for an unknown one.
    /// - Parameter name: The option as written (`--hash`).
    /// - Returns: True for `--hash`, `--config-settings`, `--global-option`, `--install-option`; nil otherwise.
    static func requirementOptionTakesValue(_ name: Substring) -> Bool? {
        switch name {
        case "--hash", "--config-settings", "--global-option", "--install-option": true
        default: nil
        }
    }

    /// Splits option text into `(name, attached value)`: `--index-url=URL`, `-rfile.txt`, `-r` (no value).
    /// - Parameter token: One whitespace-separated token that starts with `-`.
    /// - Returns: The option name and the value written in the same token, if any.
    static func split(_ token: Substring) -> (name: Substring, value: Substring?) {
        if token.hasPrefix("--") {
            guard let equals = token.firstIndex(of: "=") else { return (token, nil) }
            return (token[..<equals], token[token.index(after: equals)...])
        }
        guard token.count > 2 else { return (token, nil) }
        let nameEnd = token.index(token.startIndex, offsetBy: 2)
        var value = token[nameEnd...]
        if value.hasPrefix("=") { value = value.dropFirst() }
        return (token[..<nameEnd], value)
    }

    /// Splits text into whitespace-separated tokens that keep their positions in the text.
    /// - Parameter text: The text.
    /// - Returns: The tokens.
    static func tokens(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\u{0B}" })
    }

    /// A value without one pair of surrounding quotes (pip reads option lines with `shlex`).
    /// - Parameter value: The value as written.
    /// - Returns: The unquoted value.
    static func unquoted(_ value: Substring) -> Substring {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return value.dropFirst().dropLast()
    }
}
