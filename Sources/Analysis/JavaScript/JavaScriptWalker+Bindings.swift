/// Declarations, assignments, destructuring and ES imports: what each name is bound to.
extension JavaScriptWalker {
    /// An `=`: binds the target (a name, a destructuring pattern or a member path) to the value on the right.
    mutating func assignment(at index: Int) {
        guard index > 0, index + 1 < code.tokens.count else { return }
        var valueStart = index + 1
        while code.isName(valueStart, .await_) { valueStart += 1 }
        let target = code.tokens[index - 1]
        if target.kind == .identifier && !JavaScriptNames.isKeyword(target.name) && !code.isMemberName(index - 1) {
            let declared =
                index >= 2
                && (code.isName(index - 2, .const_) || code.isName(index - 2, .let_) || code.isName(index - 2, .var_))
            let inClassBody = classes.last.map { $0.depth == scopes.depth } ?? false
            let functionName =
                inClassBody ? "\(classes.last?.name ?? "").\(code.names[target.name])" : code.names[target.name]
            if let functionStart = code.functionStart(at: valueStart) {
                pendingNames[functionStart] = functionName
                if !inClassBody {
                    bind(target.name, JavaScriptValue(object: .localFunction(functionName)), declared, index)
                }
                return
            }
            let value = rightHandValue(from: valueStart)
            bind(target.name, value, declared || declarationAt >= 0, index)
        } else if target.isOp(JavaScriptOp.rbrace) || target.isOp(JavaScriptOp.rbracket) {
            let open = code.partner(index - 1)
            guard open >= 0, open < index - 1, target.isOp(JavaScriptOp.rbrace) else { return }
            let value = rightHandValue(from: valueStart)
            destructure(from: open, to: index - 1, value: value)
        } else if target.kind == .identifier {
            if let functionStart = code.functionStart(at: valueStart) {
                // `module.exports = function () {...}` runs when the package's user calls it, not at load
                // (unless it is called on the spot: `module.exports = function () {...}()`).
                let path =
                    code.isModuleExports(endingAt: index - 1)
                    ? (code.isCalledOnTheSpot(functionStart) ? nil : "module.exports")
                    : code.memberPath(endingAt: index - 1, className: classes.last?.name)
                if let path { pendingNames[functionStart] = path }
            } else if let path = code.exportPath(endingAt: index - 1) {
                exportAlias(path, valueAt: valueStart)
            }
        }
    }

    /// A `+=`: extends a folded string (straight-line building of a command or URL) or the taint of a name.
    mutating func concatenatingAssignment(at index: Int) {
        guard index > 0, code.tokens[index - 1].kind == .identifier, !code.isMemberName(index - 1) else { return }
        let name = code.tokens[index - 1].name
        let old = scopes.lookup(name) ?? .unknown
        let (right, end) = evaluate(from: index + 1, depth: 0)
        var value = JavaScriptValue(
            object: .unknown, taint: old.taint.union(right.taint).intersection(JavaScriptTaint.carried))
        if end > index + 1, code.isExpressionEnd(end), let left = old.string, let piece = right.string,
            left.utf8.count < 8_192
        {
            value = JavaScriptValue(object: .string(left + piece), taint: old.taint.union(right.taint).union(.folded))
            recordFolded(value, at: index + 1)
            value.taint.remove(.folded)
        } else if end <= index + 1 || !code.isExpressionEnd(end) {
            value.taint.formUnion(
                code.taint(of: index + 1..<min(code.tokens.count, index + 64), in: scopes).intersection(
                    JavaScriptTaint.carried))
        }
        scopes.assign(name, value)
    }

    /// `import x from 'm'`, `import {a as b} from 'm'`, `import * as ns from 'm'`, `import 'm'`.
    mutating func importStatement(at index: Int) {
        var cursor = index + 1
        var bindings: [(name: Int32, member: String?)] = []
        while cursor < code.tokens.count && cursor < index + 512 {
            let token = code.tokens[cursor]
            if token.kind == .string {
                importBindings(bindings, specifier: code.source.cooked(token).value, at: index)
                return
            }
            if token.isOp(JavaScriptOp.semicolon) || (token.kind == .identifier && token.name == K.import_.rawValue) {
                return
            }
            if token.isOp(JavaScriptOp.lbrace) {
                let close = code.partner(cursor)
                guard close > cursor else { return }
                for range in code.arguments(from: cursor, to: close)
                where code.tokens[range.lowerBound].kind == .identifier {
                    let imported = code.name(range.lowerBound)
                    let local =
                        range.count >= 3 && code.isName(range.lowerBound + 1, .as_)
                        ? code.tokens[range.lowerBound + 2].name
                        : code.tokens[range.lowerBound].name
                    bindings.append((local, imported))
                }
                cursor = close + 1
                continue
            }
            if token.isOp(JavaScriptOp.star) && code.isName(cursor + 1, .as_) && cursor + 2 < code.tokens.count {
                bindings.append((code.tokens[cursor + 2].name, nil))
                cursor += 3
                continue
            }
            if token.kind == .identifier && token.name != K.from.rawValue && !code.isName(cursor - 1, .as_)
                && code.names[token.name] != "type" && !code.isOp(cursor + 1, JavaScriptOp.assign)
            {
                bindings.append((token.name, nil))
            }
            cursor += 1
        }
    }

    /// `export * from 'm'`, `export {a} from 'm'`: imports without bindings.
    mutating func exportFrom(at index: Int) {
        var cursor = index + 1
        if code.isOp(cursor, JavaScriptOp.star) {
            cursor += 1
            if code.isName(cursor, .as_) { cursor += 2 }
        } else if code.isOp(cursor, JavaScriptOp.lbrace) {
            cursor = code.partner(cursor) + 1
            guard cursor > index + 1 else { return }
        } else {
            return
        }
        if code.isName(cursor, .from), cursor + 1 < code.tokens.count, code.tokens[cursor + 1].kind == .string {
            recordImport(code.source.cooked(code.tokens[cursor + 1]).value, at: index)
        }
    }

    // MARK: - Private

    private mutating func bind(_ name: Int32, _ folded: JavaScriptValue, _ declared: Bool, _ index: Int) {
        // The fold was analysed where it happened; later uses of the name are not new findings.
        var value = folded
        value.taint.subtract(JavaScriptTaint.computed)
        if declared {
            scopes.declare(name, value, hoisted: declarationAt >= 0 && code.isName(declarationAt, .var_))
        } else {
            scopes.assign(name, value)
        }
    }

    /// The value of a right-hand side: folded when it is one expression, else what it carries. Folded strings
    /// are analysed at the expression.
    private mutating func rightHandValue(from start: Int) -> JavaScriptValue {
        let (value, end) = evaluate(from: start, depth: 0)
        if end > start && code.isExpressionEnd(end) {
            recordFolded(value, at: start)
            return value
        }
        if end > start, let capability = firstCapability(value, alternativesFrom: end) { return capability }
        var stop = start
        while stop < code.tokens.count && stop < start + 256 && !code.isExpressionEnd(stop) {
            let other = code.partner(stop)
            stop = other > stop ? other + 1 : stop + 1
        }
        return JavaScriptValue(
            object: .unknown, taint: code.taint(of: start..<stop, in: scopes).intersection(JavaScriptTaint.carried))
    }

    /// `global.require || process.mainModule.constructor._load`: the first alternative of a `||`/`??` chain that
    /// is a known capability (require, eval, a module or its member), when the chain is the whole right-hand side.
    private mutating func firstCapability(_ first: JavaScriptValue, alternativesFrom operatorIndex: Int)
        -> JavaScriptValue?
    {
        var chosen = first.object.isCapability ? first : nil
        var end = operatorIndex
        while code.isOp(end, JavaScriptOp.logicalOr) || code.isOp(end, JavaScriptOp.nullish) {
            let (alternative, next) = evaluate(from: end + 1, depth: 0)
            guard next > end + 1 else { return nil }
            if chosen == nil && alternative.object.isCapability { chosen = alternative }
            end = next
        }
        return code.isExpressionEnd(end) ? chosen : nil
    }

    /// `{a, b: c, d = 1, ...rest} = value`: each name bound to the member it takes (reading `process.env` members
    /// records environment reads).
    private mutating func destructure(from open: Int, to close: Int, value: JavaScriptValue) {
        for range in code.arguments(from: open, to: close) {
            let first = range.lowerBound
            if code.isOp(first, JavaScriptOp.spread), first + 1 < range.upperBound {
                scopes.declare(code.tokens[first + 1].name, value)
                if case .module(.env) = value.object { record(.readEnvironmentAll, at: first + 1) }
                continue
            }
            guard code.tokens[first].kind == .identifier || code.tokens[first].kind == .string else { continue }
            let key =
                code.tokens[first].kind == .string ? code.source.cooked(code.tokens[first]).value : code.name(first)
            var local = code.tokens[first].name
            if code.isOp(first + 1, JavaScriptOp.colon), first + 2 < range.upperBound {
                guard code.tokens[first + 2].kind == .identifier else { continue }
                local = code.tokens[first + 2].name
            }
            guard local >= 0 else { continue }
            var memberValue = member(value, key, at: first, emit: true)
            memberValue.taint.subtract(JavaScriptTaint.computed)
            scopes.declare(local, memberValue, hoisted: declarationAt >= 0 && code.isName(declarationAt, .var_))
        }
    }

    private mutating func importBindings(_ bindings: [(name: Int32, member: String?)], specifier: String, at index: Int)
    {
        recordImport(specifier, at: index)
        if JavaScriptCatalog.isRelative(specifier) {
            // `import start from './core.js'` and `import * as core from './core.js'` are the module (its
            // default export is its `module.exports` or `exports.default`); `import {start}` is a member.
            for binding in bindings {
                let object: JavaScriptObject =
                    binding.member.map { .localExport(specifier, $0) } ?? .localModule(specifier)
                scopes.declare(binding.name, JavaScriptValue(object: object))
            }
            return
        }
        guard let module = JavaScriptCatalog.module(for: specifier) else { return }
        let moduleValue = JavaScriptValue(object: .module(module))
        for binding in bindings {
            let value = binding.member.map { member(moduleValue, $0, at: index, emit: false) } ?? moduleValue
            scopes.declare(binding.name, value)
        }
    }
}
