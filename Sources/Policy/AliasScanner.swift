import LockgateCore

/// Counts YAML aliases (`*name`) in policy text before it is composed.
///
/// Yams hashes every mapping key while composing, and an alias expands to the whole node it names, so a few dozen
/// aliases nested in one another ("billion laughs") can take hours. A policy never needs many aliases, so the loader
/// refuses text with more than `limit`. The scan is lexical and conservative: it follows quotes, comments, flow
/// brackets and block scalars, and counts a `*` where a YAML node can start.
enum AliasScanner {
    /// The most aliases a policy file may use.
    static let limit = 16

    /// The location of the first alias past `limit`, or nil when the text stays within it.
    /// - Parameter text: The policy text.
    /// - Returns: Where the alias that went over the limit starts.
    static func firstAliasOverLimit(in text: String) -> SourceLocation? {
        var count = 0
        var flowDepth = 0
        var quote: Character?
        var blockScalarIndent: Int?
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (lineIndex, line) in lines.enumerated() {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            if let blockIndent = blockScalarIndent {
                if indent == characters.count || indent > blockIndent { continue }
                blockScalarIndent = nil
            }
            var atNodeStart = quote == nil
            var index = 0
            while index < characters.count {
                let character = characters[index]
                let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
                let nextIsSpace = next == nil || next == " " || next == "\t" || next == "\r"
                if let open = quote {
                    if open == "\"" && character == "\\" {
                        index += 1
                    } else if character == open {
                        if open == "'" && next == "'" { index += 1 } else { quote = nil }
                    }
                    index += 1
                    continue
                }
                let previousIsSpace = index == 0 || characters[index - 1] == " " || characters[index - 1] == "\t"
                let opensFlow = character == "[" || character == "{"
                let closesFlow = character == "]" || character == "}"
                if character == " " || character == "\t" || character == "\r" {
                    // Whitespace keeps the state.
                } else if character == "#" && previousIsSpace {
                    break  // A comment runs to the end of the line.
                } else if character == "*" && atNodeStart {
                    count += 1
                    if count > limit { return SourceLocation(line: lineIndex + 1, column: index + 1) }
                    atNodeStart = false
                } else if (character == "\"" || character == "'") && atNodeStart {
                    quote = character
                    atNodeStart = false
                } else if opensFlow && (atNodeStart || flowDepth > 0) {
                    flowDepth += 1
                    atNodeStart = true
                } else if closesFlow && flowDepth > 0 {
                    flowDepth -= 1
                    atNodeStart = false
                } else if character == "," && flowDepth > 0 {
                    atNodeStart = true
                } else if (character == "-" || character == "?") && atNodeStart && nextIsSpace {
                    atNodeStart = true
                } else if character == ":" && nextIsSpace {
                    atNodeStart = true
                } else if (character == "|" || character == ">") && atNodeStart && flowDepth == 0 {
                    blockScalarIndent = indent
                    break  // The block scalar's text starts on the next line.
                } else if (character == "&" || character == "!") && atNodeStart {
                    // An anchor or tag comes before the node: skip its name and stay at the node's start.
                    while index + 1 < characters.count, characters[index + 1] != " " { index += 1 }
                } else {
                    atNodeStart = false
                }
                index += 1
            }
        }
        return nil
    }
}
