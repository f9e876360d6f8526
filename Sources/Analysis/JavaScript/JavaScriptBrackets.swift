/// Pairs brackets in one pass over the tokens, as the lexer makes them: `(`/`)`, `[`/`]`, `{`/`}`, and the parts
/// of a template literal (a head or middle part points to the next part). Unmatched brackets map to -1.
struct JavaScriptBrackets: Sendable {
    /// The partner of each token (opener → closer and closer → opener), or -1.
    /// - Parameter tokens: The tokens.
    /// - Returns: One entry per token.
    static func match(_ tokens: [JavaScriptToken]) -> [Int32] {
        var brackets = JavaScriptBrackets()
        for index in tokens.indices { brackets.add(tokens[index], at: index) }
        return brackets.partners(count: tokens.count)
    }

    /// Creates an empty pairing.
    init() {}

    /// Takes the next token (indices in increasing order).
    /// - Parameters:
    ///   - token: The token.
    ///   - index: Its index.
    @inline(__always)
    mutating func add(_ token: JavaScriptToken, at index: Int) {
        switch token.kind {
        case .templateHead:
            stack.append(index << 16)
        case .templateMiddle, .templateTail:
            if let open = popTemplatePart() {
                link(open, to: index)
                if token.kind == .templateTail { link(index, to: open) }
            }
            if token.kind == .templateMiddle { stack.append(index << 16) }
        case .punctuator:
            switch token.op {
            case JavaScriptOp.lparen, JavaScriptOp.lbracket, JavaScriptOp.lbrace:
                stack.append(index << 16 | Int(token.op))
            case JavaScriptOp.rparen: close(index, JavaScriptOp.lparen)
            case JavaScriptOp.rbracket: close(index, JavaScriptOp.lbracket)
            case JavaScriptOp.rbrace: close(index, JavaScriptOp.lbrace)
            default: break
            }
        default: break
        }
    }

    /// The partner of each of the tokens taken, or -1.
    /// - Parameter count: How many tokens were taken.
    /// - Returns: One entry per token.
    func partners(count: Int) -> [Int32] {
        var partner = [Int32](repeating: -1, count: count)
        partner.withUnsafeMutableBufferPointer { partner in
            for link in links {
                let slot = Int(link >> 32)
                if slot < partner.count { partner[slot] = Int32(truncatingIfNeeded: link) }
            }
        }
        return partner
    }

    // MARK: - Private

    /// Open brackets and template parts, innermost last, each as `index << 16 | code` where the code is the
    /// opener's op, or 0 for a template part: pairing reads the stack only, never a token again.
    private var stack: [Int] = []
    /// The pairs found, each as `token << 32 | partner` (every token gets at most one partner).
    private var links: [Int] = []

    private mutating func link(_ index: Int, to partner: Int) {
        links.append(index << 32 | partner)
    }

    /// Pairs a closer with its opener among the four innermost open brackets (tolerating a few unclosed ones
    /// inside, as in `(a[)`), never across a template boundary.
    private mutating func close(_ index: Int, _ opener: UInt16) {
        var found = stack.count - 1
        let lowest = max(0, stack.count - 4)
        while found >= lowest && stack[found] & 0xFFFF != Int(opener) { found -= 1 }
        guard found >= lowest else { return }
        for inner in found..<stack.count where stack[inner] & 0xFFFF == 0 { return }
        let open = stack[found] >> 16
        stack.removeLast(stack.count - found)
        link(open, to: index)
        link(index, to: open)
    }

    /// Pops the innermost open template part among the 64 innermost entries (and what was opened after it).
    private mutating func popTemplatePart() -> Int? {
        var found = stack.count - 1
        let lowest = max(0, stack.count - 64)
        while found >= lowest && stack[found] & 0xFFFF != 0 { found -= 1 }
        guard found >= lowest else { return nil }
        let open = stack[found] >> 16
        stack.removeLast(stack.count - found)
        return open
    }
}
