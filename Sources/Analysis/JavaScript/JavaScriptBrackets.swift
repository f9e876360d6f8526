/// Pairs brackets in a token array in one pass: `(`/`)`, `[`/`]`, `{`/`}`, and the parts of a template literal
/// (a head or middle part points to the next part). Unmatched brackets map to -1.
enum JavaScriptBrackets {
    /// The partner of each token (opener → closer and closer → opener), or -1.
    /// - Parameter tokens: The tokens.
    /// - Returns: One entry per token.
    static func match(_ tokens: [JavaScriptToken]) -> [Int32] {
        var partner = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        tokens.withUnsafeBufferPointer { tokens in
            partner.withUnsafeMutableBufferPointer { partner in
                for index in tokens.indices {
                    let token = tokens[index]
                    switch token.kind {
                    case .templateHead:
                        stack.append(index)
                    case .templateMiddle, .templateTail:
                        if let open = popTemplatePart(&stack, tokens) {
                            partner[open] = Int32(index)
                            if token.kind == .templateTail { partner[index] = Int32(open) }
                        }
                        if token.kind == .templateMiddle { stack.append(index) }
                    case .punctuator:
                        switch token.op {
                        case JavaScriptOp.lparen, JavaScriptOp.lbracket, JavaScriptOp.lbrace: stack.append(index)
                        case JavaScriptOp.rparen: close(index, JavaScriptOp.lparen, &stack, partner, tokens)
                        case JavaScriptOp.rbracket: close(index, JavaScriptOp.lbracket, &stack, partner, tokens)
                        case JavaScriptOp.rbrace: close(index, JavaScriptOp.lbrace, &stack, partner, tokens)
                        default: break
                        }
                    default: break
                    }
                }
            }
        }
        return partner
    }

    // MARK: - Private

    /// Pairs a closer with its opener among the four innermost open brackets (tolerating a few unclosed ones
    /// inside, as in `(a[)`), never across a template boundary.
    private static func close(
        _ index: Int, _ opener: UInt16, _ stack: inout [Int], _ partner: UnsafeMutableBufferPointer<Int32>,
        _ tokens: UnsafeBufferPointer<JavaScriptToken>
    ) {
        var found = stack.count - 1
        let lowest = max(0, stack.count - 4)
        while found >= lowest && !tokens[stack[found]].isOp(opener) { found -= 1 }
        guard found >= lowest else { return }
        for inner in found..<stack.count where tokens[stack[inner]].kind != .punctuator { return }
        let open = stack[found]
        while stack.count > found { stack.removeLast() }
        partner[open] = Int32(index)
        partner[index] = Int32(open)
    }

    /// Pops the innermost open template part among the 64 innermost entries (and what was opened after it).
    private static func popTemplatePart(_ stack: inout [Int], _ tokens: UnsafeBufferPointer<JavaScriptToken>) -> Int? {
        var found = stack.count - 1
        let lowest = max(0, stack.count - 64)
        while found >= lowest && tokens[stack[found]].kind != .templateHead
            && tokens[stack[found]].kind != .templateMiddle
        {
            found -= 1
        }
        guard found >= lowest else { return nil }
        let open = stack[found]
        while stack.count > found { stack.removeLast() }
        return open
    }
}
