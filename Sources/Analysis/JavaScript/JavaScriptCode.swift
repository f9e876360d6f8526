import LockgateCore

/// One file's code as the walk reads it: bytes and lines, tokens, interned names and bracket pairs, with the
/// questions asked of them (is this token `(`, where does this bracket close, what are a call's arguments).
///
/// Immutable and shared by reference, so the walk's own state (a value type) stays small and every query is a
/// plain read.
final class JavaScriptCode: Sendable {
    typealias K = JavaScriptNames.Known

    /// The file's bytes and line table.
    let source: JavaScriptSource
    /// The tokens.
    let tokens: [JavaScriptToken]
    /// The interned identifier spellings.
    let names: JavaScriptNames
    /// The partner of each bracket and template part, or -1 (`JavaScriptBrackets`).
    let match: [Int32]
    /// The file.
    let file: SourceFile
    /// The tokens after a long gap on their line (`JavaScriptTokenStream.gapTokens`).
    let gapTokens: [Int32]

    /// Reads a lexed file.
    /// - Parameters:
    ///   - source: The file's bytes and lines.
    ///   - stream: Its tokens.
    ///   - file: The file.
    init(source: JavaScriptSource, stream: JavaScriptTokenStream, file: SourceFile) {
        self.source = source
        self.tokens = stream.tokens
        self.names = stream.names
        self.match = stream.brackets.partners(count: stream.tokens.count)
        self.file = file
        self.gapTokens = stream.gapTokens
    }

    /// The spelling of an identifier token.
    func name(_ index: Int) -> String { names[tokens[index].name] }

    /// Whether the token at an index (which may be out of range) is the punctuator with this code.
    @inline(__always)
    func isOp(_ index: Int, _ op: UInt16) -> Bool { index >= 0 && index < tokens.count && tokens[index].isOp(op) }

    /// Whether the token at an index (which may be out of range) is this known name.
    @inline(__always)
    func isName(_ index: Int, _ known: K) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .identifier && tokens[index].name == known.rawValue
    }

    /// The bracket or template part paired with the token at an index, or -1.
    func partner(_ index: Int) -> Int { index >= 0 && index < match.count ? Int(match[index]) : -1 }

    /// Whether the token at an index continues a chain (`.`, `?.`, `[`, `(` or a template).
    func continuesChain(at index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        if token.kind == .template { return true }
        guard token.kind == .punctuator else { return false }
        switch token.op {
        case JavaScriptOp.dot, JavaScriptOp.optionalChain, JavaScriptOp.lbracket, JavaScriptOp.lparen: return true
        default: return false
        }
    }

    /// The dotted spelling of a path of name ids (`obj.f`).
    /// - Parameters:
    ///   - path: Where its ids are in `parts`.
    ///   - parts: The walk's path names (`JavaScriptWalker.pathParts`).
    /// - Returns: The names joined by dots.
    func text(of path: JavaScriptPathRef, in parts: [Int32]) -> String {
        if path.count == 1 { return names[parts[path.base]] }
        if path.count == 2 { return names[parts[path.base]] + "." + names[parts[path.base + 1]] }
        return parts[path.base..<path.base + path.count].map { names[$0] }.joined(separator: ".")
    }

    /// Whether the token at an index is a member name (after `.` or `?.`).
    func isMemberName(_ index: Int) -> Bool {
        index > 0 && (isOp(index - 1, JavaScriptOp.dot) || isOp(index - 1, JavaScriptOp.optionalChain))
    }

    /// The top-level comma-separated parts between two brackets.
    func arguments(from open: Int, to close: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // Room for a few arguments at once, instead of growing the array one argument at a time.
        if close > open + 1 { result.reserveCapacity(4) }
        arguments(from: open, to: close, into: &result)
        return result
    }

    /// The top-level comma-separated parts between two brackets, into an empty `result` (a buffer the caller
    /// reuses, so a call costs no allocation).
    func arguments(from open: Int, to close: Int, into result: inout [Range<Int>]) {
        forEachArgument(from: open, to: close) { result.append($0) }
    }

    /// The last of the top-level comma-separated parts between two brackets (no list built).
    func lastArgument(from open: Int, to close: Int) -> Range<Int>? {
        var last: Range<Int>?
        forEachArgument(from: open, to: close) { last = $0 }
        return last
    }

    /// Calls `body` with each top-level comma-separated part between two brackets (at most 100,000 and the rest).
    @inline(__always)
    private func forEachArgument(from open: Int, to close: Int, _ body: (Range<Int>) -> Void) {
        var count = 0
        var start = open + 1, cursor = open + 1
        while cursor < close && count < 100_000 {
            let token = tokens[cursor]
            if token.isOp(JavaScriptOp.comma) {
                if cursor > start {
                    body(start..<cursor)
                    count += 1
                }
                start = cursor + 1
            } else if token.kind == .punctuator || token.kind == .templateHead {
                var other = partner(cursor)
                while other > cursor && other < close && tokens[other].kind == .templateMiddle {
                    other = partner(other)
                }
                if other > cursor && other < close { cursor = other }
            }
            cursor += 1
        }
        if close > start { body(start..<close) }
    }

    /// The names a parameter list binds (plain, defaulted, rest and destructured).
    func parameters(from open: Int, to close: Int) -> [Int32] {
        var result: [Int32] = []
        var cursor = open + 1
        var depth = 0
        while cursor < close && result.count < 64 {
            let token = tokens[cursor]
            if token.kind == .punctuator {
                switch token.op {
                case JavaScriptOp.lbrace, JavaScriptOp.lbracket: depth += 1
                case JavaScriptOp.rbrace, JavaScriptOp.rbracket: depth -= 1
                case JavaScriptOp.assign:
                    // Skip a default value up to the next `,` at this level.
                    cursor += 1
                    while cursor < close && !isOp(cursor, JavaScriptOp.comma) && !isOp(cursor, JavaScriptOp.rbrace) {
                        let next = partner(cursor)
                        cursor = next > cursor && next < close ? next + 1 : cursor + 1
                    }
                    continue
                case JavaScriptOp.lparen:
                    let next = partner(cursor)
                    if next > cursor { cursor = next }
                default: break
                }
            } else if token.kind == .identifier && !isOp(cursor + 1, JavaScriptOp.colon) && token.name >= 0
                && !JavaScriptNames.isKeyword(token.name)
            {
                result.append(token.name)
            }
            cursor += 1
        }
        _ = depth
        return result
    }
}
