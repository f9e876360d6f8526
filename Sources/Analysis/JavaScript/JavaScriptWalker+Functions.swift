/// Functions, arrows, classes and methods: which bodies get their own entry in `FileAnalysis.functions`.
extension JavaScriptWalker {
    /// `function [*] [name] (params) { ... }`.
    func functionKeyword(at index: Int) {
        var cursor = index + 1
        if isOp(cursor, JavaScriptOp.star) { cursor += 1 }
        var declared: Int32?
        if cursor < tokens.count && tokens[cursor].kind == .identifier {
            declared = tokens[cursor].name
            cursor += 1
        }
        let close = partner(cursor)
        guard isOp(cursor, JavaScriptOp.lparen), close > cursor, isOp(close + 1, JavaScriptOp.lbrace) else { return }
        var functionName = pendingNames.removeValue(forKey: index)
        if let declared, functionName == nil, isStatementStart(index) {
            functionName = names[declared]
            scopes.declare(declared, JavaScriptValue(object: .localFunction(names[declared])), hoisted: true)
        }
        pendingBodies[close + 1] = JavaScriptFunctionInfo(
            name: functionName, parameters: parameters(from: cursor, to: close), network: !networkRegions.isEmpty)
    }

    /// `(params) => body` or `param => body`.
    func arrow(parametersAt start: Int, arrowAt arrowIndex: Int) {
        let functionName = pendingNames.removeValue(forKey: start)
        let parameters =
            tokens[start].kind == .identifier ? [tokens[start].name] : parameters(from: start, to: arrowIndex - 1)
        let info = JavaScriptFunctionInfo(name: functionName, parameters: parameters, network: !networkRegions.isEmpty)
        if isOp(arrowIndex + 1, JavaScriptOp.lbrace) {
            pendingBodies[arrowIndex + 1] = info
        } else if arrowIndex + 1 < tokens.count {
            pendingExpressionBodies[arrowIndex + 1] = info
        }
        if tokens[start].kind == .identifier { skipChainAt = start }
    }

    /// `name(params) { ... }` in a class body (a method) or an object literal (anonymous, inline).
    func methodDefinition(at index: Int) {
        let close = partner(index + 1)
        var functionName: String?
        if let current = classes.last, current.depth == scopes.depth { functionName = "\(current.name).\(name(index))" }
        pendingBodies[close + 1] = JavaScriptFunctionInfo(
            name: functionName, parameters: parameters(from: index + 1, to: close), network: !networkRegions.isEmpty)
    }

    /// `class [Name] [extends X] { ... }`.
    func classKeyword(at index: Int) {
        var className = pendingNames.removeValue(forKey: index)
        if className == nil, index + 1 < tokens.count, tokens[index + 1].kind == .identifier,
            tokens[index + 1].name != K.extends.rawValue
        {
            className = name(index + 1)
        }
        var cursor = index + 1
        while cursor < tokens.count && cursor < index + 256 && !isOp(cursor, JavaScriptOp.lbrace) {
            let close = partner(cursor)
            cursor = isOp(cursor, JavaScriptOp.lparen) && close > cursor ? close + 1 : cursor + 1
        }
        if isOp(cursor, JavaScriptOp.lbrace) { pendingClasses[cursor] = className ?? "class" }
    }

    /// A `{`: a function body, a class body or a block.
    func openBrace(at index: Int) {
        if !pendingBodies.isEmpty, let info = pendingBodies.removeValue(forKey: index) {
            enterFunction(info)
        } else if !pendingClasses.isEmpty, let className = pendingClasses.removeValue(forKey: index) {
            scopes.push(function: false)
            classes.append(JavaScriptClassScope(depth: scopes.depth, name: className))
        } else {
            scopes.push(function: false)
        }
    }

    /// A `}`: closes the innermost scope, and the function or class it belonged to.
    func closeBrace(at index: Int) {
        if let current = classes.last, current.depth == scopes.depth { classes.removeLast() }
        if contexts.count > 1, contexts[contexts.count - 1].scopeDepth == scopes.depth { closeContext() }
        scopes.pop()
    }

    /// Starts an arrow's expression body.
    func openExpressionBody(_ info: JavaScriptFunctionInfo, at index: Int) {
        enterFunction(info)
        expressionBodies.append(
            JavaScriptExpressionBody(brackets: openBrackets.count, named: info.name != nil, start: index))
    }

    /// Ends arrow expression bodies that end before this token.
    func closeExpressionBodies(at index: Int) {
        while let body = expressionBodies.last, index > body.start {
            let token = tokens[index]
            let level = openBrackets.count == body.brackets
            var ends = false
            switch token.kind {
            case .punctuator:
                switch token.op {
                case JavaScriptOp.rparen, JavaScriptOp.rbracket, JavaScriptOp.rbrace: ends = level
                case JavaScriptOp.comma, JavaScriptOp.semicolon: ends = level
                default: ends = false
                }
            case .templateMiddle, .templateTail: ends = level
            default: ends = level && token.isAfterNewline && !continuesExpression(before: index)
            }
            guard ends || openBrackets.count < body.brackets else { return }
            closeExpressionBody()
        }
    }

    /// Ends the innermost arrow expression body.
    func closeExpressionBody() {
        guard let body = expressionBodies.popLast() else { return }
        if body.named { closeContext() }
        scopes.pop()
    }

    /// Files the innermost function's events under its name.
    func closeContext() {
        guard contexts.count > 1, let context = contexts.popLast(), let name = context.name else { return }
        functions[name, default: []] += context.events
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

    // MARK: - Private

    private func enterFunction(_ info: JavaScriptFunctionInfo) {
        scopes.push(function: true)
        let taint: JavaScriptTaint = info.network ? .network : []
        for parameter in info.parameters { scopes.declare(parameter, JavaScriptValue(object: .unknown, taint: taint)) }
        if let name = info.name { contexts.append(JavaScriptContext(name: name, scopeDepth: scopes.depth)) }
    }

    /// The names a parameter list binds (plain, defaulted, rest and destructured).
    private func parameters(from open: Int, to close: Int) -> [Int32] {
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
