import LockgateCore

/// Recovery: skipping what the light pass cannot read, still reporting calls and strings inside it.
extension PythonFileContext {
    /// Skips one token, or a whole bracketed group when the token opens one (scanned flatly).
    func skipOne() {
        guard !atLineEnd else { return }
        if at(.lparen) || at(.lbracket) || at(.lbrace) {
            _ = skipFlat(group: true)
        } else {
            scanFlat(pos)
            advance()
        }
    }

    /// Skips an expression (or a bracketed group) without parsing it.
    ///
    /// Library calls and string signals found in it are still reported. Used past the nesting limit and for
    /// unreadable code.
    /// - Parameter group: Whether to skip exactly one bracketed group starting at the current token.
    /// - Returns: An unknown value.
    func skipFlat(group: Bool = false) -> PythonEval {
        let start = pos
        var depth = 0
        while !atLineEnd {
            let current = token
            if current.kind == .op {
                switch current.code {
                case .lparen, .lbracket, .lbrace:
                    depth += 1
                case .rparen, .rbracket, .rbrace:
                    if depth == 0 { return PythonEval(start: start) }
                    depth -= 1
                    if group && depth == 0 {
                        advance()
                        return PythonEval(start: start)
                    }
                case .comma, .colon, .assign, .semicolon:
                    if depth == 0 && !group { return PythonEval(start: start) }
                default:
                    break
                }
            }
            scanFlat(pos)
            advance()
        }
        return PythonEval(start: start)
    }

    /// Reports what one token says on its own: a string's signals, or a library call `a.b.c(` ending at it.
    func scanFlat(_ index: Int) {
        let current = tokens[index]
        if current.kind == .string {
            for kind in signalKinds(text(at: index)) { emit(kind, at: index) }
            return
        }
        guard current.kind == .name, index + 1 < tokens.count, tokens[index + 1].isOp(.lparen) else { return }
        var parts = [text(at: index)]
        var head = index
        while head >= 2 && tokens[head - 1].isOp(.dot) && tokens[head - 2].kind == .name && parts.count < 8 {
            head -= 2
            parts.insert(text(at: head), at: 0)
        }
        let root =
            lookup(parts[0]).flatMap { refName($0.value) }
            ?? (PythonAPI.builtinNames.contains(parts[0]) ? "builtins." + parts[0] : nil)
        guard let root else { return }
        let dotted = ([root] + parts.dropFirst()).joined(separator: ".")
        let shape = PythonFileContext.shape(of: dotted)
        for kind in PythonAPI.callKinds(shape) { emit(kind, at: head) }
    }
}
