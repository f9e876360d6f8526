import LockgateCore

/// Imports, function and class definitions.
extension PythonFileContext {
    /// `import a.b as c, d`.
    func parseImport() {
        advance()
        while !atLineEnd && !at(.semicolon) {
            let nameIndex = pos
            let dotted = readDottedName()
            guard !dotted.isEmpty else {
                skipOne()
                continue
            }
            let module = PythonAPI.canonicalModule(dotted)
            recordImport(spec: dotted, module: module, at: nameIndex)
            if at(.keywordAs) {
                advance()
                if tokenKind == .name { bind(tokenText, PythonEval(ref(module), start: nameIndex)) }
                advance()
            } else {
                let root = String(module.split(separator: ".").first ?? "")
                bind(String(dotted.split(separator: ".").first ?? ""), PythonEval(ref(root), start: nameIndex))
            }
            if at(.comma) { advance() } else { break }
        }
    }

    /// `from .sub import (a as b, c)` and `from m import *`.
    func parseFromImport() {
        advance()
        let nameIndex = pos
        var dots = ""
        while at(.dot) || at(.ellipsis) {
            dots += tokenText
            advance()
        }
        let dotted = at(.keywordImport) ? "" : readDottedName()
        let spec = dots + dotted
        guard !spec.isEmpty, at(.keywordImport) else { return }
        advance()
        let relative = !dots.isEmpty
        let module = relative ? spec : PythonAPI.canonicalModule(dotted)
        recordImport(spec: spec, module: relative ? nil : module, at: nameIndex)
        if at(.star) {
            advance()
            if !relative { starModules.append(module) }
            return
        }
        let parenthesised = at(.lparen)
        if parenthesised { advance() }
        while !atLineEnd && !at(.semicolon) && !at(.rparen) {
            guard tokenKind == .name else {
                advance()
                continue
            }
            let name = tokenText
            let index = pos
            advance()
            var local = name
            if at(.keywordAs) {
                advance()
                if tokenKind == .name { local = tokenText }
                advance()
            }
            let member = spec.hasSuffix(".") ? spec + name : spec + "." + name
            append(.importModule(member, line: tokens[index].line))
            let nameIdentifier = nameId(at: index)  // its facts are worked out once per file
            if names.isProtector(nameIdentifier) { emitProtector(at: index) }
            let qualifiedMember = relative ? "$rel." + member : module + "." + name
            var eval = PythonEval(ref(qualifiedMember), start: index)
            if names.isMarker(nameIdentifier) { addKey("n:" + name, to: &eval) }
            bind(local, eval)
            if at(.comma) { advance() }
        }
        if parenthesised && at(.rparen) { advance() }
    }

    /// Records an import: the module event for the sequence builder and the module's import behaviours.
    func recordImport(spec: String, module: String?, at index: Int) {
        append(.importModule(spec, line: tokens[index].line))
        guard let module else { return }
        for kind in PythonAPI.importKinds(module) {
            if kind == .pythonProtector { emitProtector(at: index) } else { emit(kind, at: index) }
        }
    }

    /// `def name(params) -> annotation:` (also after `async`).
    func parseDef() {
        let defIndex = pos
        advance()
        guard tokenKind == .name else { return }
        let name = tokenText
        let nameIndex = pos
        advance()
        let qualifiedName = qualified(name)
        let enclosing = scopes.count - 1
        let enclosingKind = scopes[enclosing].kind
        let reference = names.intern("$local." + qualifiedName)
        bind(nameId(at: nameIndex), PythonEval(.ref(reference), start: defIndex))
        let body = functionBody(reference, qualifiedName)
        let parameters = at(.lparen) ? parseParameters() : []
        if at(.arrow) {
            advance()
            let mark = eventMark()
            _ = parseTest()
            truncateEvents(to: mark)
        }
        var scope = PythonScope(kind: .function, name: qualifiedName)
        scope.body = body
        scope.hasParameters = !parameters.isEmpty
        if !parameters.isEmpty { scope.initial.reserveCapacity(parameters.count + 1) }
        for parameter in parameters { scope.initial.append((parameter, PythonEval(start: defIndex))) }
        if enclosingKind == .klass, !pendingStaticMethod, let first = parameters.first {
            if scopes[enclosing].instance < 0 {
                scopes[enclosing].instance = names.intern("$local." + scopes[enclosing].name + "()")
            }
            scope.initial.append((first, PythonEval(.ref(scopes[enclosing].instance), start: defIndex)))
        }
        pendingStaticMethod = false
        openBody(.scope(scope))
    }

    /// `class Name(bases):`.
    func parseClass() {
        let classIndex = pos
        advance()
        guard tokenKind == .name else { return }
        let name = tokenText
        advance()
        let qualifiedName = qualified(name)
        var bases: [String] = []
        if at(.lparen) {
            for argument in parseArguments() {
                if let ref = refName(argument.eval.value), let last = ref.split(separator: ".").last {
                    bases.append(String(last))
                }
            }
        }
        bind(name, PythonEval(ref("$local." + qualifiedName), start: classIndex))
        classNames.insert(qualifiedName)
        classBases[qualifiedName] = bases
        pendingStaticMethod = false
        openBody(.scope(PythonScope(kind: .klass, name: qualifiedName)))
    }

    // MARK: - Private

    private func readDottedName() -> String {
        var parts: [String] = []
        while tokenKind == .name {
            parts.append(tokenText)
            advance()
            guard at(.dot), peekKind(1) == .name else { break }
            advance()
        }
        return parts.joined(separator: ".")
    }

    /// Parameter names (interned ids); defaults are evaluated (they run at definition time), annotations are not
    /// reported.
    private func parseParameters() -> [Int32] {
        advance()
        var parameters: [Int32] = []
        while !atLineEnd && !at(.rparen) {
            let current = token
            if current.kind == .name {
                parameters.append(nameId(at: pos))
                advance()
                if at(.colon) {
                    advance()
                    let mark = eventMark()
                    _ = parseTest()
                    truncateEvents(to: mark)
                }
                if at(.assign) {
                    advance()
                    var value = parseTest() ?? PythonEval(start: pos)
                    signal(&value)
                }
            } else if current.isOp(.comma) || current.isOp(.star) || current.isOp(.doubleStar) || current.isOp(.slash) {
                advance()
            } else {
                skipOne()
            }
        }
        if at(.rparen) { advance() }
        return parameters
    }
}

extension PythonFileContext {
    /// Records what a function of no parameters returns (`constantReturns`): its first constant text, or
    /// `.unknown` once it returns anything else.
    /// - Parameters:
    ///   - value: The returned value (nil for a bare `return`).
    ///   - reference: The interned id of the function's reference.
    func recordReturn(_ value: PythonEval?, of reference: Int32) {
        var returned = PythonEval(start: value?.start ?? pos)
        if let value, value.value.text != nil {
            returned.value = value.value
            returned.tags = value.tags.intersection([.folded, .decoded, .built])
            returned.signalled = value.signalled
        }
        if let known = constantReturns[reference], known.value != returned.value {
            constantReturns[reference]?.value = .unknown
        } else if constantReturns[reference] == nil {
            constantReturns[reference] = returned
        }
    }

    /// Records a `return` of the innermost function when it has no parameters (see `recordReturn(_:of:)`).
    /// - Parameter value: The returned value (nil for a bare `return`).
    func recordReturn(_ value: PythonEval?) {
        guard let scope = scopes.last, scope.kind == .function, !scope.hasParameters else { return }
        recordReturn(value, of: names.intern("$local." + scope.name))
    }
}
