/// Member chains (`a.b['c'](d).e`): the value each step refers to, and in emitting mode the behaviours of the
/// accesses and calls along the way.
extension JavaScriptWalker {
    /// Evaluates the chain that starts at a token.
    /// - Parameters:
    ///   - start: The first token (a name, literal, `(`, `[`, `new` or `import`).
    ///   - emit: Whether to record behaviours (the main walk) or only compute the value (folding, bindings).
    ///   - depth: The evaluation nesting, capped.
    /// - Returns: The value and the index after the chain (`start` when no chain starts there).
    mutating func chain(from start: Int, emit: Bool, depth: Int) -> (JavaScriptValue, Int) {
        guard depth < 40, budget > 0, start < code.tokens.count else { return (.unknown, start) }
        budget -= 1
        let first = code.tokens[start]
        if first.kind == .identifier && Self.isPlainName(first.name) && !code.continuesChain(at: start + 1) {
            return loneName(first.name, at: start, emit: emit)
        }
        var index = start
        var isNew = false
        while code.isName(index, .new_) && index < start + 8 {
            isNew = true
            index += 1
        }
        let pathBase = pathTop
        defer { pathTop = pathBase }
        var (value, head, next) = primary(at: index, depth: depth)
        guard next > index else { return (.unknown, start) }
        // The dotted path of a plain-name callee (`f`, `obj.f`, `this.f`): its names, kept on `pathParts` above
        // `pathBase` and spelled out only when a local call needs them.
        var hasPath = head != nil
        if let head { pushPath(head) }
        var nameToken = index
        index = next
        var shift = 0
        // Whether a `.call`, `.apply` or `.bind` of a callable was read since the last call.
        var invoked = false
        while index < code.tokens.count {
            let token = code.tokens[index]
            if token.kind == .punctuator && (token.op == JavaScriptOp.dot || token.op == JavaScriptOp.optionalChain) {
                guard index + 1 < code.tokens.count else { break }
                if token.op == JavaScriptOp.optionalChain && code.tokens[index + 1].kind == .punctuator {
                    index += 1
                    continue
                }
                guard code.tokens[index + 1].kind == .identifier || code.tokens[index + 1].kind == .privateName else {
                    break
                }
                let memberName = code.tokens[index + 1].name
                let isInvoker = memberName == callName || memberName == applyName || memberName == bindName
                if isInvoker && invoked {
                    // `Function.call.bind(f)`, `Function.bind.apply(C, a)`: a method of the invoker itself, which
                    // calls `f` or `C` later, not the callable.
                    value = .unknown
                    shift = 0
                } else if isInvoker, Self.isCallable(value) {
                    shift = memberName == callName ? 1 : (memberName == applyName ? 64 : 0)
                    invoked = true
                } else {
                    value = member(value, named: memberName, at: index + 1, emit: emit)
                    if hasPath { pushPath(memberName) }
                }
                nameToken = index + 1
                index += 2
            } else if token.isOp(JavaScriptOp.lbracket) {
                let close = code.partner(index)
                guard close > index else { break }
                let (key, keyEnd) = evaluate(from: index + 1, depth: depth + 1)
                if keyEnd == close, let text = key.string {
                    value = member(value, text, at: index, emit: emit)
                } else {
                    value = computedMember(value, at: index, emit: emit)
                }
                hasPath = false
                pathTop = pathBase
                nameToken = index
                index = close + 1
            } else if token.isOp(JavaScriptOp.lparen) {
                let close = code.partner(index)
                guard close > index else { break }
                let path = hasPath ? JavaScriptPathRef(base: pathBase, count: pathTop - pathBase) : nil
                let call = JavaScriptCall(
                    callee: value, open: index, close: close, nameToken: nameToken, path: path, isNew: isNew,
                    shift: shift)
                value = self.call(call, emit: emit, depth: depth)
                (isNew, hasPath, shift, invoked) = (false, false, 0, false)
                pathTop = pathBase
                index = close + 1
            } else if token.kind == .template {
                value = .unknown
                index += 1
            } else {
                break
            }
        }
        if emit {
            let path = hasPath ? JavaScriptPathRef(base: pathBase, count: pathTop - pathBase) : nil
            afterChain(value, from: start, to: index, path: path)
        }
        return (value, index)
    }

    /// The value of a member access `value.name` by the name's id (no spelling needed when nothing is known).
    mutating func member(_ value: JavaScriptValue, named memberName: Int32, at index: Int, emit: Bool)
        -> JavaScriptValue
    {
        if case .unknown = value.object {
            return JavaScriptValue(object: .unknown, taint: value.taint.intersection(JavaScriptTaint.carried))
        }
        return member(value, code.names[memberName], at: index, emit: emit)
    }

    /// The value of a member access `value.name` (or `value['name']`).
    mutating func member(_ value: JavaScriptValue, _ memberName: String, at index: Int, emit: Bool) -> JavaScriptValue {
        let carried = value.taint.intersection(JavaScriptTaint.carried)
        switch value.object {
        case .module(.global):
            return JavaScriptValue(object: JavaScriptCatalog.global(memberName) ?? .unknown)
        case .module(.process):
            switch memberName {
            case "env": return JavaScriptValue(object: .module(.env))
            case "mainModule": return JavaScriptValue(object: .module(.nodeModule))
            default: return JavaScriptValue(object: .member(.process, memberName))
            }
        case .module(.nodeModule):
            if memberName == "require" || memberName == "_load" { return JavaScriptValue(object: .require) }
            // `module.constructor` is `Module` itself: `module.constructor._load('child_process')`.
            if memberName == "constructor" { return value }
            if memberName == "exports" { return .unknown }
            return JavaScriptValue(object: .member(.nodeModule, memberName))
        case .module(.env):
            if emit { record(.readEnvironmentVariable, at: index) }
            return JavaScriptValue(object: .unknown, taint: .hostData)
        case .module(let module):
            return JavaScriptValue(object: .member(module, memberName), taint: carried)
        case .member(.fs, "promises"), .member(.dns, "promises"):
            if case .member(let module, _) = value.object {
                return JavaScriptValue(object: .member(module, memberName))
            }
            return .unknown
        case .member(let module, _) where module == .network(callable: true) || module == .network(callable: false):
            return JavaScriptValue(object: .member(module, memberName), taint: carried)
        case .instance(let className):
            return JavaScriptValue(object: .localFunction("\(className).\(memberName)"))
        case .localModule(let specifier):
            return JavaScriptValue(object: .localExport(specifier, memberName))
        case .string, .array:
            if memberName == "length" { return .unknown }
            return JavaScriptValue(object: .method(value.object, memberName), taint: value.taint)
        default:
            return JavaScriptValue(object: .unknown, taint: carried)
        }
    }

    /// The value of `value[expression]` when the key is not constant.
    mutating func computedMember(_ value: JavaScriptValue, at index: Int, emit: Bool) -> JavaScriptValue {
        if case .module(.env) = value.object {
            if emit { record(.readEnvironmentVariable, at: index) }
            return JavaScriptValue(object: .unknown, taint: .hostData)
        }
        return JavaScriptValue(object: .unknown, taint: value.taint.intersection(JavaScriptTaint.carried))
    }

    /// What an unbound name refers to (cached per name).
    mutating func globalValue(_ name: Int32) -> JavaScriptObject? {
        let slot = Int(name)
        guard slot >= 0 && slot < globalSlots.count else { return nil }
        let state = globalSlots[slot]
        if state == 1 { return nil }
        if state >= 2 { return globalObjects[Int(state) - 2] }
        let ruledOut = code.names.withBytes(of: name) { JavaScriptCatalog.rulesOutGlobal($0) }
        guard !ruledOut, let object = JavaScriptCatalog.global(code.names[name]) else {
            globalSlots[slot] = 1
            return nil
        }
        globalObjects.append(object)
        globalSlots[slot] = Int32(globalObjects.count + 1)
        return object
    }

    // MARK: - Private

    /// Whether a name starts a chain as itself: not a keyword, `this` or `await` (which `primary` reads apart).
    private static func isPlainName(_ name: Int32) -> Bool {
        !JavaScriptNames.isKeyword(name) && name != K.this.rawValue && name != K.await_.rawValue
    }

    /// A chain that is one plain name and nothing after it (most names): what `primary` and `afterChain` do for
    /// it, without the loop over members and calls.
    private mutating func loneName(_ name: Int32, at start: Int, emit: Bool) -> (JavaScriptValue, Int) {
        var value = JavaScriptValue.unknown
        var hasPath = true
        if let bound = scopes.lookup(name) {
            value = bound
        } else if let global = globalValue(name) {
            value = JavaScriptValue(object: global)
            hasPath = false
        }
        if emit {
            let pathBase = pathTop
            if hasPath { pushPath(name) }
            afterChain(
                value, from: start, to: start + 1, path: hasPath ? JavaScriptPathRef(base: pathBase, count: 1) : nil)
            pathTop = pathBase
        }
        return (value, start + 1)
    }

    /// Pushes a name on `pathParts` (reusing the slots of finished chains).
    private mutating func pushPath(_ name: Int32) {
        if pathTop < pathParts.count { pathParts[pathTop] = name } else { pathParts.append(name) }
        pathTop += 1
    }

    private static func isCallable(_ value: JavaScriptValue) -> Bool {
        switch value.object {
        case .require, .eval, .functionConstructor, .timer, .decoder, .member, .localFunction: true
        default: false
        }
    }

    /// The first element of a chain: its value, a dotted path when it is a plain name, and the index after it.
    private mutating func primary(at index: Int, depth: Int) -> (JavaScriptValue, Int32?, Int) {
        guard index < code.tokens.count else { return (.unknown, nil, index) }
        let token = code.tokens[index]
        switch token.kind {
        case .identifier:
            if token.name == K.this.rawValue { return (.unknown, token.name, index + 1) }
            if token.name == K.import_.rawValue { return (JavaScriptValue(object: .dynamicImport), nil, index + 1) }
            if token.name == K.await_.rawValue, index + 1 < code.tokens.count,
                !code.isOp(index + 1, JavaScriptOp.lparen),
                !code.isOp(index + 1, JavaScriptOp.dot)
            {
                let (value, next) = chain(from: index + 1, emit: false, depth: depth + 1)
                return (value, nil, next)
            }
            if JavaScriptNames.isKeyword(token.name) { return (.unknown, nil, index + 1) }
            if let bound = scopes.lookup(token.name) { return (bound, token.name, index + 1) }
            if let global = globalValue(token.name) { return (JavaScriptValue(object: global), nil, index + 1) }
            return (.unknown, token.name, index + 1)
        case .string, .template:
            return (JavaScriptValue(object: .string(code.source.cooked(token).value)), nil, index + 1)
        case .templateHead:
            let (value, next) = template(at: index, depth: depth)
            return (value, nil, next)
        case .number:
            if let plain = code.source.plainNumber(token) {
                return (JavaScriptValue(object: .number(plain)), nil, index + 1)
            }
            let number = JavaScriptDecoding.number(code.source.text(token))
            return (number.map { JavaScriptValue(object: .number($0)) } ?? .unknown, nil, index + 1)
        case .punctuator:
            let close = code.partner(index)
            guard close > index else { return (.unknown, nil, index) }
            if token.op == JavaScriptOp.lparen {
                return (parenthesized(from: index + 1, to: close, depth: depth), nil, close + 1)
            }
            if token.op == JavaScriptOp.lbracket {
                return (arrayLiteral(from: index + 1, to: close, depth: depth), nil, close + 1)
            }
            return (.unknown, nil, index)
        default:
            return (.unknown, nil, token.kind == .regex ? index + 1 : index)
        }
    }

    /// `(a, b, c)`: the value of the last expression.
    private mutating func parenthesized(from start: Int, to close: Int, depth: Int) -> JavaScriptValue {
        guard let last = code.lastArgument(from: start - 1, to: close) else { return .unknown }
        return argumentValue(last, depth: depth)
    }

    /// `['a', 'b']`: an array of constant strings, or unknown.
    private mutating func arrayLiteral(from start: Int, to close: Int, depth: Int) -> JavaScriptValue {
        // The element ranges go in a reused call buffer (given back at the end), so a literal allocates only its
        // strings.
        var buffers = callBuffers.popLast() ?? JavaScriptCallBuffers()
        code.arguments(from: start - 1, to: close, into: &buffers.arguments)
        defer {
            if !buffers.arguments.isEmpty { buffers.arguments.removeAll(keepingCapacity: true) }
            if callBuffers.count < 64 { callBuffers.append(buffers) }
        }
        var strings: [String] = []
        var taint: JavaScriptTaint = []
        var position = 0
        while position < buffers.arguments.count {
            let element = argumentValue(buffers.arguments[position], depth: depth)
            taint.formUnion(element.taint)
            guard let text = element.string, strings.count < 100_000 else {
                return JavaScriptValue(object: .unknown, taint: taint.intersection(JavaScriptTaint.carried))
            }
            strings.append(text)
            position += 1
        }
        return JavaScriptValue(object: .array(strings), taint: taint)
    }

    /// After a chain in the main walk: the whole environment passed on, or a local function passed as a callback.
    private mutating func afterChain(_ value: JavaScriptValue, from start: Int, to end: Int, path: JavaScriptPathRef?) {
        if case .module(.env) = value.object, start > 0 {
            let before = code.tokens[start - 1]
            let dumped =
                before.isOp(JavaScriptOp.spread) || code.isForInHead(inAt: start - 1)
                || ((before.isOp(JavaScriptOp.lparen) || before.isOp(JavaScriptOp.comma))
                    && code.isArgumentPosition(start, inside: openBrackets.last))
            if dumped { record(.readEnvironmentAll, at: start) }
        }
        if end == start + 1, let path, code.isArgumentPosition(start, inside: openBrackets.last),
            code.isOp(end, JavaScriptOp.rparen) || code.isOp(end, JavaScriptOp.comma)
        {
            switch value.object {
            case .localFunction(let function): recordLocalCall(function)
            case .localExport(let specifier, let member): recordImportedCall(specifier, member)
            case .unknown: recordLocalCall(code.text(of: path, in: pathParts))
            default: break
            }
        }
    }

}
