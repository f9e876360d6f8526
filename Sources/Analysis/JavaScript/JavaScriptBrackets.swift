/// Pairs brackets in a token array in one pass: `(`/`)`, `[`/`]`, `{`/`}`, and the parts of a template literal
/// (a head or middle part points to the next part). Unmatched brackets map to -1.
enum JavaScriptBrackets {
    /// The partner of each token (opener → closer and closer → opener), or -1.
    /// - Parameter tokens: The tokens.
    /// - Returns: One entry per token.
    static func match(_ tokens: [JavaScriptToken]) -> [Int32] {
        var partner = [Int32](repeating: -1, count: tokens.count)
        // Open brackets and template parts, innermost last, each as `index << 16 | code` where the code is the
        // opener's op, or 0 for a template part: pairing reads the stack only, never a token again.
        var stack: [Int] = []
        stack.reserveCapacity(64)
        tokens.withUnsafeBufferPointer { tokens in
            partner.withUnsafeMutableBufferPointer { partner in
                for index in tokens.indices {
                    let token = tokens[index]
                    switch token.kind {
                    case .templateHead:
                        stack.append(index << 16)
                    case .templateMiddle, .templateTail:
                        if let open = popTemplatePart(&stack) {
                            partner[open] = Int32(index)
                            if token.kind == .templateTail { partner[index] = Int32(open) }
                        }
                        if token.kind == .templateMiddle { stack.append(index << 16) }
                    case .punctuator:
                        switch token.op {
                        case JavaScriptOp.lparen, JavaScriptOp.lbracket, JavaScriptOp.lbrace:
                            stack.append(index << 16 | Int(token.op))
                        case JavaScriptOp.rparen: close(index, JavaScriptOp.lparen, &stack, partner)
                        case JavaScriptOp.rbracket: close(index, JavaScriptOp.lbracket, &stack, partner)
                        case JavaScriptOp.rbrace: close(index, JavaScriptOp.lbrace, &stack, partner)
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
        _ index: Int, _ opener: UInt16, _ stack: inout [Int], _ partner: UnsafeMutableBufferPointer<Int32>
    ) {
        var found = stack.count - 1
        let lowest = max(0, stack.count - 4)
        while found >= lowest && stack[found] & 0xFFFF != Int(opener) { found -= 1 }
        guard found >= lowest else { return }
        for inner in found..<stack.count where stack[inner] & 0xFFFF == 0 { return }
        let open = stack[found] >> 16
        stack.removeLast(stack.count - found)
        partner[open] = Int32(index)
        partner[index] = Int32(open)
    }

    /// Pops the innermost open template part among the 64 innermost entries (and what was opened after it).
    private static func popTemplatePart(_ stack: inout [Int]) -> Int? {
        var found = stack.count - 1
        let lowest = max(0, stack.count - 64)
        while found >= lowest && stack[found] & 0xFFFF != 0 { found -= 1 }
        guard found >= lowest else { return nil }
        let open = stack[found] >> 16
        stack.removeLast(stack.count - found)
        return open
    }
}
