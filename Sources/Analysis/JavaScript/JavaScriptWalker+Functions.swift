/// Functions, arrows, classes and methods: which bodies get their own entry in `FileAnalysis.functions`.
extension JavaScriptWalker {
    /// `function [*] [name] (params) { ... }`.
    mutating func functionKeyword(at index: Int) {
        var cursor = index + 1
        if code.isOp(cursor, JavaScriptOp.star) { cursor += 1 }
        var declared: Int32?
        if cursor < code.tokens.count && code.tokens[cursor].kind == .identifier {
            declared = code.tokens[cursor].name
            cursor += 1
        }
        let close = code.partner(cursor)
        guard code.isOp(cursor, JavaScriptOp.lparen), close > cursor, code.isOp(close + 1, JavaScriptOp.lbrace) else {
            return
        }
        var functionName = pendingNames.removeValue(forKey: index)
        if let declared, functionName == nil, code.isStatementStart(index) {
            functionName = code.names[declared]
            scopes.declare(declared, JavaScriptValue(object: .localFunction(code.names[declared])), hoisted: true)
        }
        pendingBodies[close + 1] = JavaScriptFunctionInfo(
            name: functionName, parameters: code.parameters(from: cursor, to: close), network: !networkRegions.isEmpty)
    }

    /// `(params) => body` or `param => body`.
    mutating func arrow(parametersAt start: Int, arrowAt arrowIndex: Int) {
        let functionName = pendingNames.removeValue(forKey: start)
        let parameters =
            code.tokens[start].kind == .identifier
            ? [code.tokens[start].name] : code.parameters(from: start, to: arrowIndex - 1)
        let info = JavaScriptFunctionInfo(name: functionName, parameters: parameters, network: !networkRegions.isEmpty)
        if code.isOp(arrowIndex + 1, JavaScriptOp.lbrace) {
            pendingBodies[arrowIndex + 1] = info
        } else if arrowIndex + 1 < code.tokens.count {
            pendingExpressionBodies[arrowIndex + 1] = info
        }
        if code.tokens[start].kind == .identifier { skipChainAt = start }
    }

    /// `code.name(params) { ... }` in a class body (a method) or an object literal (anonymous, inline).
    mutating func methodDefinition(at index: Int) {
        let close = code.partner(index + 1)
        var functionName: String?
        if let current = classes.last, current.depth == scopes.depth {
            functionName = "\(current.name).\(code.name(index))"
        }
        pendingBodies[close + 1] = JavaScriptFunctionInfo(
            name: functionName, parameters: code.parameters(from: index + 1, to: close),
            network: !networkRegions.isEmpty)
    }

    /// `class [Name] [extends X] { ... }`.
    mutating func classKeyword(at index: Int) {
        var className = pendingNames.removeValue(forKey: index)
        if className == nil, index + 1 < code.tokens.count, code.tokens[index + 1].kind == .identifier,
            code.tokens[index + 1].name != K.extends.rawValue
        {
            className = code.name(index + 1)
        }
        var cursor = index + 1
        while cursor < code.tokens.count && cursor < index + 256 && !code.isOp(cursor, JavaScriptOp.lbrace) {
            let close = code.partner(cursor)
            cursor = code.isOp(cursor, JavaScriptOp.lparen) && close > cursor ? close + 1 : cursor + 1
        }
        if code.isOp(cursor, JavaScriptOp.lbrace) { pendingClasses[cursor] = className ?? "class" }
    }

    /// A `{`: a function body, a class body or a block.
    mutating func openBrace(at index: Int) {
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
    mutating func closeBrace(at index: Int) {
        if let current = classes.last, current.depth == scopes.depth { classes.removeLast() }
        if contexts.count > 1, contexts[contexts.count - 1].scopeDepth == scopes.depth { closeContext() }
        scopes.pop()
    }

    /// Starts an arrow's expression body.
    mutating func openExpressionBody(_ info: JavaScriptFunctionInfo, at index: Int) {
        enterFunction(info)
        expressionBodies.append(
            JavaScriptExpressionBody(brackets: openBrackets.count, named: info.name != nil, start: index))
    }

    /// Ends arrow expression bodies that end before this token.
    mutating func closeExpressionBodies(at index: Int) {
        while let body = expressionBodies.last, index > body.start {
            let token = code.tokens[index]
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
            default: ends = level && token.isAfterNewline && !code.continuesExpression(before: index)
            }
            guard ends || openBrackets.count < body.brackets else { return }
            closeExpressionBody()
        }
    }

    /// Ends the innermost arrow expression body.
    mutating func closeExpressionBody() {
        guard let body = expressionBodies.popLast() else { return }
        if body.named { closeContext() }
        scopes.pop()
    }

    /// Files the innermost function's events under its name.
    mutating func closeContext() {
        guard contexts.count > 1, let context = contexts.popLast(), let name = context.name else { return }
        Self.append(context.events, to: &functions[name, default: []])
    }

    /// Appends events to a function's list (taking the array as it is when the list is new).
    private static func append(_ events: [CodeEvent], to list: inout [CodeEvent]) {
        if list.isEmpty { list = events } else { list += events }
    }

    // MARK: - Private

    private mutating func enterFunction(_ info: JavaScriptFunctionInfo) {
        scopes.push(function: true)
        let taint: JavaScriptTaint = info.network ? .network : []
        for parameter in info.parameters { scopes.declare(parameter, JavaScriptValue(object: .unknown, taint: taint)) }
        if let name = info.name { contexts.append(JavaScriptContext(name: name, scopeDepth: scopes.depth)) }
    }

}
