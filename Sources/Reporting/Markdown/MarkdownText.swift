/// Escaping for GitHub-flavoured Markdown: untrusted text can neither format, link, mention, inject HTML, nor
/// break out of a table cell.
enum MarkdownText {
    /// Plain text with Markdown punctuation backslash-escaped.
    ///
    /// Words containing `@` become code spans, so a scoped package name such as `@types/node` never mentions a
    /// GitHub user or team, and so do URLs (`://`, `www.`), so nothing a package controls becomes a clickable link.
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - inTable: Whether the text goes in a table cell.
    /// - Returns: Markdown that renders as the text on one line.
    static func prose(_ text: String, inTable: Bool = false) -> String {
        let line = DisplayText.singleLine(text)
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        var first = true
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !first { out += " " }
            first = false
            if needsCode(word) {
                out += codeWord(word, inTable: inTable)
            } else {
                for character in word {
                    if escaped.contains(character) { out += "\\" }
                    out.append(character)
                }
            }
        }
        return out
    }

    /// An inline code span that shows the text exactly, whatever backticks it contains.
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - inTable: Whether the span goes in a table cell (`|` is then written `\|`, which GFM reads as a pipe).
    /// - Returns: The code span, or an empty string for empty text.
    static func code(_ text: String, inTable: Bool = false) -> String {
        var content = DisplayText.singleLine(text)
        guard !content.isEmpty else { return "" }
        if inTable {
            content = content.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
        }
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = content.first == "`" || content.last == "`" || content.first == " " || content.last == " "
        return pad ? "\(fence) \(content) \(fence)" : "\(fence)\(content)\(fence)"
    }

    // MARK: - Private

    /// ASCII punctuation that can start Markdown or HTML syntax mid-line.
    private static let escaped: Set<Character> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "&", "!",
    ]

    /// A word as a code span, with trailing sentence punctuation kept outside and one pair of enclosing backticks
    /// (the message's own code markup) dropped: "`@types/node`." becomes `@types/node` and a period.
    private static func codeWord(_ word: Substring, inTable: Bool) -> String {
        var body = word
        var trailing = ""
        while let last = body.last, ".,;:!?)".contains(last) {
            trailing = String(last) + trailing
            body = body.dropLast()
        }
        if body.count >= 2, body.first == "`", body.last == "`", !body.dropFirst().dropLast().contains("`") {
            body = body.dropFirst().dropLast()
        }
        let escapedTrailing = trailing.map { escaped.contains($0) ? "\\\($0)" : String($0) }.joined()
        return code(String(body), inTable: inTable) + escapedTrailing
    }

    private static func needsCode(_ word: Substring) -> Bool {
        word.contains("@") || word.contains("://") || word.lowercased().contains("www.")
    }
}
