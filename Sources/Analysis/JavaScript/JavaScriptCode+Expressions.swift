/// Questions about expressions and statements: where they start and end, what a call's callee is, what a
/// non-constant expression carries.
extension JavaScriptCode {
    /// Whether the token before an index ends an expression, so a `(` here is a call rather than a grouping.
    func isCallee(before index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .identifier: return !JavaScriptNames.isKeyword(previous.name) || previous.name == K.this.rawValue
        case .punctuator: return previous.op == JavaScriptOp.rparen || previous.op == JavaScriptOp.rbracket
        case .string, .template, .templateTail: return true
        default: return false
        }
    }

    /// Whether a token is an argument of a call (directly inside a call's parentheses).
    func isArgumentPosition(_ index: Int, inside open: Int?) -> Bool {
        guard let open, isOp(open, JavaScriptOp.lparen), index > open else { return false }
        return isOp(index - 1, JavaScriptOp.lparen) || isOp(index - 1, JavaScriptOp.comma)
            ? isCallee(before: open) : false
    }

    /// Whether an expression ends at this token (so a value computed up to here is the whole right-hand side).
    func isExpressionEnd(_ index: Int) -> Bool {
        guard index < tokens.count else { return true }
        let token = tokens[index]
        if token.isAfterNewline && !continuesExpression(before: index) { return true }
        switch token.kind {
        case .punctuator:
            switch token.op {
            case JavaScriptOp.semicolon, JavaScriptOp.comma, JavaScriptOp.rparen, JavaScriptOp.rbracket,
                JavaScriptOp.rbrace, JavaScriptOp.colon:
                return true
            default: return false
            }
        case .templateMiddle, .templateTail: return true
        default: return false
        }
    }

    /// Whether the token before an index leaves an expression open (an operator, `(`, `,`, `=`, ...).
    func continuesExpression(before index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1], current = tokens[index]
        if current.kind == .punctuator && current.op != JavaScriptOp.lbrace && current.op != JavaScriptOp.lparen
            && current.op != JavaScriptOp.lbracket && current.op != JavaScriptOp.spread
            && current.op != JavaScriptOp.increment && current.op != JavaScriptOp.decrement
        {
            return true
        }
        switch previous.kind {
        case .punctuator:
            switch previous.op {
            case JavaScriptOp.rparen, JavaScriptOp.rbracket, JavaScriptOp.rbrace, JavaScriptOp.increment,
                JavaScriptOp.decrement:
                return false
            default: return true
            }
        case .identifier: return JavaScriptNames.isKeyword(previous.name) && previous.name != K.this.rawValue
        case .templateHead, .templateMiddle: return true
        default: return false
        }
    }

    /// Whether a declaration at this index stands at the start of a statement (not inside an expression).
    func isStatementStart(_ start: Int) -> Bool {
        var index = start
        while index > 0 && isName(index - 1, .async) { index -= 1 }
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.kind == .identifier && (previous.name == K.export.rawValue || previous.name == K.default_.rawValue)
        {
            return true
        }
        if previous.kind == .punctuator {
            switch previous.op {
            case JavaScriptOp.semicolon, JavaScriptOp.rbrace, JavaScriptOp.lbrace: return true
            default: break
            }
        }
        return tokens[index].isAfterNewline && !continuesExpression(before: index)
    }

    /// The token that starts a function or class expression here (`function`, `async (...) =>`, `x =>`, `class`).
    func functionStart(at start: Int) -> Int? {
        var index = start
        if isName(index, .async) && !isOp(index + 1, JavaScriptOp.arrow) { index += 1 }
        guard index < tokens.count else { return nil }
        if isName(index, .function) || isName(index, .class_) { return index }
        if tokens[index].kind == .identifier && isOp(index + 1, JavaScriptOp.arrow) { return index }
        if isOp(index, JavaScriptOp.lparen), isOp(partner(index) + 1, JavaScriptOp.arrow) { return index }
        return nil
    }

    /// `a.b.c` ending at a name, as a function name (`module.exports.x` and `exports.x` both read `exports.x`).
    func memberPath(endingAt end: Int, className: String?) -> String? {
        var first = end, count = 1
        while first >= 2 && count < 4 && isOp(first - 1, JavaScriptOp.dot) && tokens[first - 2].kind == .identifier {
            first -= 2
            count += 1
        }
        guard count > 1, !isMemberName(first) else { return nil }
        var parts = stride(from: first, through: end, by: 2).map { name($0) }
        if parts.first == "this", let className { parts[0] = className }
        if parts.starts(with: ["module", "exports"]) { parts.removeFirst() }
        return parts.count > 1 ? parts.joined(separator: ".") : nil
    }

    /// Whether the name at `end` ends `module.exports` (not a member of something else).
    func isModuleExports(endingAt end: Int) -> Bool {
        end >= 2 && isName(end, .exports) && isOp(end - 1, JavaScriptOp.dot) && isName(end - 2, .module)
            && !isMemberName(end - 2)
    }

    /// Whether a `function` expression starting here is called where it is written (`function () {...}()`).
    func isCalledOnTheSpot(_ start: Int) -> Bool {
        guard isName(start, .function) else { return false }
        var cursor = start + 1
        if isOp(cursor, JavaScriptOp.star) { cursor += 1 }
        if cursor < tokens.count && tokens[cursor].kind == .identifier { cursor += 1 }
        let close = partner(cursor)
        guard isOp(cursor, JavaScriptOp.lparen), close > cursor, isOp(close + 1, JavaScriptOp.lbrace) else {
            return false
        }
        let end = partner(close + 1)
        return end > close + 1 && isOp(end + 1, JavaScriptOp.lparen)
    }

    /// The export an assignment target names: `module.exports`, or `exports.x` for `exports.x` and
    /// `module.exports.x`; nil for any other target.
    func exportPath(endingAt end: Int) -> String? {
        if isModuleExports(endingAt: end) { return "module.exports" }
        guard end >= 2, isOp(end - 1, JavaScriptOp.dot), isName(end - 2, .exports),
            !isMemberName(end - 2) || isModuleExports(endingAt: end - 2)
        else { return nil }
        return "exports." + name(end)
    }

    /// What an expression that does not fold carries: network or host data from the names it uses, and whether it
    /// builds a string from non-constant parts.
    /// - Parameters:
    ///   - range: The expression's tokens.
    ///   - scopes: The bindings in force.
    func taint(of range: Range<Int>, in scopes: JavaScriptScopes) -> JavaScriptTaint {
        var result: JavaScriptTaint = []
        for index in range.prefix(256) {
            let token = tokens[index]
            if token.kind == .templateHead || token.isOp(JavaScriptOp.plus) { result.insert(.dynamic) }
            guard token.kind == .identifier, index == range.lowerBound || !isOp(index - 1, JavaScriptOp.dot) else {
                continue
            }
            if let bound = scopes.lookup(token.name) {
                result.formUnion(bound.taint.intersection(JavaScriptTaint.carried))
                switch bound.object {
                case .module(.env), .module(.os), .member(.os, _): result.insert(.hostData)
                default: break
                }
            } else if token.name == K.process.rawValue {
                result.insert(.hostData)
            }
        }
        return result
    }

    /// `for (k in X)`, `for (const k in X)`: the `in` at this index heads a for-in loop, which walks every key of X
    /// (`'k' in X` tests one key).
    func isForInHead(inAt index: Int) -> Bool {
        guard isName(index, .in_), index >= 3, tokens[index - 1].kind == .identifier else { return false }
        var open = index - 2
        if isName(open, .const_) || isName(open, .let_) || isName(open, .var_) { open -= 1 }
        return isOp(open, JavaScriptOp.lparen) && isName(open - 1, .for_)
    }

    /// `detached: true` among a spawn's options: the child outlives its parent. (`windowsHide: true` only keeps a
    /// console window from flashing on Windows; process libraries set it by default, so it hides nothing.)
    func detachesProcess(from open: Int, to close: Int) -> Bool {
        var index = open + 1
        while index + 2 < close && index < open + 512 {
            if tokens[index].kind == .identifier, isOp(index + 1, JavaScriptOp.colon) {
                let key = name(index)
                if key == "detached" {
                    let value = tokens[index + 2]
                    if value.kind == .identifier && value.name == K.true_.rawValue { return true }
                    if value.isOp(UInt16(UInt8(ascii: "!"))) && source.text(tokens[index + 3]) == "0" { return true }
                }
            }
            index += 1
        }
        return false
    }
}
