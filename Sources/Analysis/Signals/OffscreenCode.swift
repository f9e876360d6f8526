/// Code pushed past the right edge of an editor or a review diff: on one line, after other code, a run of at least
/// ``minimumGap`` spaces or tabs and then more code (`import os` + 300 spaces + `;exec(b64decode(...))`). A reader
/// sees an ordinary first statement; the interpreter runs the rest. Both analysers look for it between tokens, so
/// whitespace inside a string, an f-string or a template literal never counts, and neither does indentation (a
/// run that starts a line).
enum OffscreenCode {
    /// The shortest run of spaces and tabs that hides code: wider than any editor window shows beside code.
    /// Aligned tables and comments in ordinary code stay well under it.
    static let minimumGap = 100

    /// Whether the token starting at `offset` is hidden: the bytes just before it are a run of at least
    /// ``minimumGap`` spaces or tabs, and the run follows something on the same line (not a line break, not the
    /// start of the file).
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - offset: The token's first byte.
    /// - Returns: Whether code before it on its line hides it.
    static func hides(_ bytes: UnsafeBufferPointer<UInt8>, tokenAt offset: Int) -> Bool {
        guard offset > minimumGap, offset <= bytes.count, isBlank(bytes[offset - 1]) else { return false }
        var start = offset - 1
        while start > 0 && isBlank(bytes[start - 1]) { start -= 1 }
        guard offset - start >= minimumGap, start > 0 else { return false }
        return bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
