import LockgateCore

/// One logical line of a requirements file: backslash continuations joined and the comment removed, as pip
/// reads it (`pip._internal.req.req_file.join_lines` then `ignore_comments`).
struct RequirementsLine: Sendable, Equatable {
    /// The text without its comment, not trimmed (so offsets match the first physical line).
    var text: Substring
    /// The 1-based number of the first physical line.
    var line: Int
    /// The length in bytes of the part of `text` that lies on the first physical line.
    var firstLineLength: Int

    /// The location of a position in `text`: exact on the first physical line, else column 1 of that line.
    /// - Parameter index: A position in `text`.
    /// - Returns: The 1-based location.
    func location(of index: Substring.Index) -> SourceLocation {
        let offset = text.utf8.distance(from: text.startIndex, to: index)
        guard offset < firstLineLength else { return SourceLocation(line: line, column: 1) }
        return SourceLocation(line: line, column: text[..<index].unicodeScalars.count + 1)
    }

    /// Splits a requirements file into logical lines, dropping blank and comment-only ones.
    /// - Parameter text: The file's text.
    /// - Returns: The logical lines in order.
    static func split(_ text: String) -> [RequirementsLine] {
        var result: [RequirementsLine] = []
        var pending: String?
        var pendingLine = 0
        var pendingFirstLength = 0
        var number = 0
        // Python's splitlines (as pip uses): \n, \r\n, \r and the other Unicode line breaks.
        for physical in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            let isComment = physical.drop(while: { $0 == " " || $0 == "\t" }).first == "#"
            if physical.hasSuffix("\\"), !isComment {
                if pending == nil {
                    pending = ""
                    pendingLine = number
                    pendingFirstLength = physical.utf8.count - 1
                }
                pending?.append(contentsOf: physical.dropLast())
                continue
            }
            var joined: Substring
            var line = number
            var firstLength = physical.utf8.count
            if let head = pending {
                // pip prefixes a comment line that ends a continuation with a space, so the comment is still found.
                joined = Substring(head + (isComment ? " " : "") + physical)
                line = pendingLine
                firstLength = pendingFirstLength
                pending = nil
            } else {
                joined = physical
            }
            if let comment = commentStart(in: joined) { joined = joined[..<comment] }
            if joined.contains(where: { !$0.isWhitespace }) {
                result.append(RequirementsLine(text: joined, line: line, firstLineLength: firstLength))
            }
        }
        if let head = pending, head.contains(where: { !$0.isWhitespace }) {
            var joined = Substring(head)
            if let comment = commentStart(in: joined) { joined = joined[..<comment] }
            result.append(RequirementsLine(text: joined, line: pendingLine, firstLineLength: pendingFirstLength))
        }
        return result
    }

    // MARK: - Private

    /// Where a comment starts: a `#` at the start of the line or after whitespace (`(^|\s+)#`).
    private static func commentStart(in line: Substring) -> Substring.Index? {
        var previousIsSpace = true
        for index in line.indices {
            let character = line[index]
            if character == "#", previousIsSpace {
                // Drop the whitespace before the comment too.
                var start = index
                while start > line.startIndex, line[line.index(before: start)].isWhitespace {
                    start = line.index(before: start)
                }
                return start
            }
            previousIsSpace = character == " " || character == "\t"
        }
        return nil
    }
}
