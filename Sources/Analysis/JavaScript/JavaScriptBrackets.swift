/// Pairs brackets in a token array in one pass: `(`/`)`, `[`/`]`, `{`/`}`, and the parts of a template literal
/// (a head or middle part points to the next part). Unmatched brackets map to -1.
enum JavaScriptBrackets {
    /// The partner of each token (opener → closer and closer → opener), or -1.
    /// - Parameter tokens: The tokens.
    /// - Returns: One entry per token.
    static func match(_ tokens: [JavaScriptToken]) -> [Int32] {
        var partner = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .templateHead:
                stack.append(index)
            case .templateMiddle, .templateTail:
                if let open = popUntil(&stack, tokens, where: { $0 == .templateHead || $0 == .templateMiddle }) {
                    partner[open] = Int32(index)
                    if token.kind == .templateTail { partner[index] = Int32(open) }
                }
                if token.kind == .templateMiddle { stack.append(index) }
            case .punctuator:
                switch token.op {
                case JavaScriptOp.lparen, JavaScriptOp.lbracket, JavaScriptOp.lbrace: stack.append(index)
                case JavaScriptOp.rparen: close(index, JavaScriptOp.lparen, &stack, &partner, tokens)
                case JavaScriptOp.rbracket: close(index, JavaScriptOp.lbracket, &stack, &partner, tokens)
                case JavaScriptOp.rbrace: close(index, JavaScriptOp.lbrace, &stack, &partner, tokens)
                default: break
                }
            default: break
            }
        }
        return partner
    }

    // MARK: - Private

    private static func close(
        _ index: Int, _ opener: UInt16, _ stack: inout [Int], _ partner: inout [Int32], _ tokens: [JavaScriptToken]
    ) {
        // Tolerate a few unclosed brackets inside (`(a[)`), but never cross a template boundary.
        guard let found = stack.indices.suffix(4).last(where: { tokens[stack[$0]].isOp(opener) }),
            !stack[found...].contains(where: { tokens[$0].kind != .punctuator })
        else { return }
        let open = stack[found]
        stack.removeSubrange(found...)
        partner[open] = Int32(index)
        partner[index] = Int32(open)
    }

    private static func popUntil(
        _ stack: inout [Int], _ tokens: [JavaScriptToken], where predicate: (JavaScriptTokenKind) -> Bool
    ) -> Int? {
        guard let found = stack.indices.suffix(64).last(where: { predicate(tokens[stack[$0]].kind) }) else {
            return nil
        }
        let open = stack[found]
        stack.removeSubrange(found...)
        return open
    }
}
