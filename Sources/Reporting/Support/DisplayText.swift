/// Text helpers shared by the human-readable reporters.
enum DisplayText {
    /// Makes untrusted text (package names, messages, snippets from package files) safe to print on one line:
    /// control characters, including ESC, become visible escapes (`\e`, `\n`, `\t`, `\u{7F}`), so a malicious
    /// package cannot move the cursor, recolour the terminal or break a table row.
    /// - Parameter text: The text.
    /// - Returns: The text without control characters.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{1B}": out += "\\e"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// `1 package`, `2 packages`.
    /// - Parameters:
    ///   - count: The count.
    ///   - singular: The singular noun.
    ///   - plural: The plural noun; `singular + "s"` when nil.
    /// - Returns: The count and the noun.
    static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }

    /// Where a package is written, as `lockfile:line`, the input path, or `-`.
    /// - Parameters:
    ///   - lockfile: The lockfile path, if the package came from one.
    ///   - line: The entry's line.
    ///   - input: The command-line input otherwise.
    /// - Returns: The place, for a table cell.
    static func place(lockfile: String?, line: Int?, input: String?) -> String {
        if let lockfile {
            if let line { return "\(lockfile):\(line)" }
            return lockfile
        }
        return input ?? "-"
    }

    /// `path:line` or `path` for a piece of evidence.
    /// - Parameter path: The file.
    /// - Parameter line: The line, if known.
    /// - Returns: The place.
    static func place(path: String, line: Int?) -> String {
        if let line { "\(path):\(line)" } else { path }
    }

    // MARK: - Private

    /// C0 controls, DEL, C1 controls and the Unicode line/paragraph separators and bidi overrides that can disguise
    /// text (Trojan Source).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
