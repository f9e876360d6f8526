/// Declarations, assignments, destructuring and ES imports: what each name is bound to.
extension JavaScriptWalker {
    /// An `=`: binds the target (a name, a destructuring pattern or a member path) to the value on the right.
    func assignment(at index: Int) {
        guard index > 0, index + 1 < tokens.count else { return }
        var valueStart = index + 1
        while isName(valueStart, .await_) { valueStart += 1 }
        let target = tokens[index - 1]
        if target.kind == .identifier && !JavaScriptNames.isKeyword(target.name) && !isMemberName(index - 1) {
            let declared =
                index >= 2 && (isName(index - 2, .const_) || isName(index - 2, .let_) || isName(index - 2, .var_))
            let inClassBody = classes.last.map { $0.depth == scopes.depth } ?? false
            let functionName = inClassBody ? "\(classes.last?.name ?? "").\(names[target.name])" : names[target.name]
            if let functionStart = functionStart(at: valueStart) {
                pendingNames[functionStart] = functionName
                if !inClassBody {
                    bind(target.name, JavaScriptValue(object: .localFunction(functionName)), declared, index)
                }
                return
            }
            let value = rightHandValue(from: valueStart)
            bind(target.name, value, declared || declarationAt >= 0, index)
        } else if target.isOp(JavaScriptOp.rbrace) || target.isOp(JavaScriptOp.rbracket) {
            let open = partner(index - 1)
            guard open >= 0, open < index - 1, target.isOp(JavaScriptOp.rbrace) else { return }
            let value = rightHandValue(from: valueStart)
            destructure(from: open, to: index - 1, value: value)
        } else if target.kind == .identifier, let path = memberPath(endingAt: index - 1),
            let functionStart = functionStart(at: valueStart)
        {
            pendingNames[functionStart] = path
        }
    }

    /// A `+=`: extends a folded string (straight-line building of a command or URL) or the taint of a name.
    func concatenatingAssignment(at index: Int) {
        guard index > 0, tokens[index - 1].kind == .identifier, !isMemberName(index - 1) else { return }
        let name = tokens[index - 1].name
        let old = scopes.lookup(name) ?? .unknown
        let (right, end) = evaluate(from: index + 1, depth: 0)
        var value = JavaScriptValue(
            object: .unknown, taint: old.taint.union(right.taint).intersection(JavaScriptTaint.carried))
        if end > index + 1, isExpressionEnd(end), let left = old.string, let piece = right.string,
            left.utf8.count < 8_192
        {
            value = JavaScriptValue(object: .string(left + piece), taint: old.taint.union(right.taint).union(.folded))
            recordFolded(value, at: index + 1)
            value.taint.remove(.folded)
        } else if end <= index + 1 || !isExpressionEnd(end) {
            value.taint.formUnion(
                taint(of: index + 1..<min(tokens.count, index + 64)).intersection(JavaScriptTaint.carried))
        }
        scopes.assign(name, value)
    }

    /// `import x from 'm'`, `import {a as b} from 'm'`, `import * as ns from 'm'`, `import 'm'`.
    func importStatement(at index: Int) {
        var cursor = index + 1
        var bindings: [(name: Int32, member: String?)] = []
        while cursor < tokens.count && cursor < index + 512 {
            let token = tokens[cursor]
            if token.kind == .string {
                importBindings(bindings, specifier: source.cooked(token).value, at: index)
                return
            }
            if token.isOp(JavaScriptOp.semicolon) || (token.kind == .identifier && token.name == K.import_.rawValue) {
                return
            }
            if token.isOp(JavaScriptOp.lbrace) {
                let close = partner(cursor)
                guard close > cursor else { return }
                for range in arguments(from: cursor, to: close) where tokens[range.lowerBound].kind == .identifier {
                    let imported = name(range.lowerBound)
                    let local =
                        range.count >= 3 && isName(range.lowerBound + 1, .as_)
                        ? tokens[range.lowerBound + 2].name
                        : tokens[range.lowerBound].name
                    bindings.append((local, imported))
                }
                cursor = close + 1
                continue
            }
            if token.isOp(JavaScriptOp.star) && isName(cursor + 1, .as_) && cursor + 2 < tokens.count {
                bindings.append((tokens[cursor + 2].name, nil))
                cursor += 3
                continue
            }
            if token.kind == .identifier && token.name != K.from.rawValue && !isName(cursor - 1, .as_)
                && names[token.name] != "type" && !isOp(cursor + 1, JavaScriptOp.assign)
            {
                bindings.append((token.name, nil))
            }
            cursor += 1
        }
    }

    /// `export * from 'm'`, `export {a} from 'm'`: imports without bindings.
    func exportFrom(at index: Int) {
        var cursor = index + 1
        if isOp(cursor, JavaScriptOp.star) {
            cursor += 1
            if isName(cursor, .as_) { cursor += 2 }
        } else if isOp(cursor, JavaScriptOp.lbrace) {
            cursor = partner(cursor) + 1
            guard cursor > index + 1 else { return }
        } else {
            return
        }
        if isName(cursor, .from), cursor + 1 < tokens.count, tokens[cursor + 1].kind == .string {
            recordImport(source.cooked(tokens[cursor + 1]).value, at: index)
        }
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

    // MARK: - Private

    private func isMemberName(_ index: Int) -> Bool {
        index > 0 && (isOp(index - 1, JavaScriptOp.dot) || isOp(index - 1, JavaScriptOp.optionalChain))
    }

    private func bind(_ name: Int32, _ folded: JavaScriptValue, _ declared: Bool, _ index: Int) {
        // The fold was analysed where it happened; later uses of the name are not new findings.
        var value = folded
        value.taint.subtract(JavaScriptTaint.computed)
        if declared {
            scopes.declare(name, value, hoisted: declarationAt >= 0 && isName(declarationAt, .var_))
        } else {
            scopes.assign(name, value)
        }
    }

    /// The value of a right-hand side: folded when it is one expression, else what it carries. Folded strings
    /// are analysed at the expression.
    private func rightHandValue(from start: Int) -> JavaScriptValue {
        let (value, end) = evaluate(from: start, depth: 0)
        if end > start && isExpressionEnd(end) {
            recordFolded(value, at: start)
            return value
        }
        var stop = start
        while stop < tokens.count && stop < start + 256 && !isExpressionEnd(stop) {
            let other = partner(stop)
            stop = other > stop ? other + 1 : stop + 1
        }
        return JavaScriptValue(object: .unknown, taint: taint(of: start..<stop).intersection(JavaScriptTaint.carried))
    }

    /// The token that starts a function or class expression here (`function`, `async (...) =>`, `x =>`, `class`).
    private func functionStart(at start: Int) -> Int? {
        var index = start
        if isName(index, .async) && !isOp(index + 1, JavaScriptOp.arrow) { index += 1 }
        guard index < tokens.count else { return nil }
        if isName(index, .function) || isName(index, .class_) { return index }
        if tokens[index].kind == .identifier && isOp(index + 1, JavaScriptOp.arrow) { return index }
        if isOp(index, JavaScriptOp.lparen), isOp(partner(index) + 1, JavaScriptOp.arrow) { return index }
        return nil
    }

    /// `a.b.c` ending at a name, as a function name (`module.exports.x` and `exports.x` both read `exports.x`).
    private func memberPath(endingAt end: Int) -> String? {
        var parts = [name(end)]
        var index = end
        while index >= 2 && parts.count < 4 && isOp(index - 1, JavaScriptOp.dot)
            && tokens[index - 2].kind == .identifier
        {
            index -= 2
            parts.insert(name(index), at: 0)
        }
        guard parts.count > 1, !isMemberName(index) else { return nil }
        if parts.first == "this", let current = classes.last { parts[0] = current.name }
        if parts.starts(with: ["module", "exports"]) { parts.removeFirst() }
        return parts.count > 1 ? parts.joined(separator: ".") : nil
    }

    /// `{a, b: c, d = 1, ...rest} = value`: each name bound to the member it takes (reading `process.env` members
    /// records environment reads).
    private func destructure(from open: Int, to close: Int, value: JavaScriptValue) {
        for range in arguments(from: open, to: close) {
            let first = range.lowerBound
            if isOp(first, JavaScriptOp.spread), first + 1 < range.upperBound {
                scopes.declare(tokens[first + 1].name, value)
                if case .module(.env) = value.object { record(.readEnvironmentAll, at: first + 1) }
                continue
            }
            guard tokens[first].kind == .identifier || tokens[first].kind == .string else { continue }
            let key = tokens[first].kind == .string ? source.cooked(tokens[first]).value : name(first)
            var local = tokens[first].name
            if isOp(first + 1, JavaScriptOp.colon), first + 2 < range.upperBound {
                guard tokens[first + 2].kind == .identifier else { continue }
                local = tokens[first + 2].name
            }
            guard local >= 0 else { continue }
            var memberValue = member(value, key, at: first, emit: true)
            memberValue.taint.subtract(JavaScriptTaint.computed)
            scopes.declare(local, memberValue, hoisted: declarationAt >= 0 && isName(declarationAt, .var_))
        }
    }

    private func importBindings(_ bindings: [(name: Int32, member: String?)], specifier: String, at index: Int) {
        recordImport(specifier, at: index)
        guard let module = JavaScriptCatalog.module(for: specifier) else { return }
        let moduleValue = JavaScriptValue(object: .module(module))
        for binding in bindings {
            let value = binding.member.map { member(moduleValue, $0, at: index, emit: false) } ?? moduleValue
            scopes.declare(binding.name, value)
        }
    }
}
