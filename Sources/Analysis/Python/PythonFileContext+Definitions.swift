import LockgateCore

/// Imports, function and class definitions.
extension PythonFileContext {
    /// `import a.b as c, d`.
    func parseImport() {
        advance()
        while !atLineEnd && !token.isOp(.semicolon) {
            let nameIndex = pos
            let dotted = readDottedName()
            guard !dotted.isEmpty else {
                skipOne()
                continue
            }
            let module = PythonAPI.canonicalModule(dotted)
            recordImport(spec: dotted, module: module, at: nameIndex)
            if token.isName(.keywordAs) {
                advance()
                if token.kind == .name { bind(token.text, PythonEval(.ref(module), start: nameIndex)) }
                advance()
            } else {
                let root = String(module.split(separator: ".").first ?? "")
                bind(String(dotted.split(separator: ".").first ?? ""), PythonEval(.ref(root), start: nameIndex))
            }
            if token.isOp(.comma) { advance() } else { break }
        }
    }

    /// `from .sub import (a as b, c)` and `from m import *`.
    func parseFromImport() {
        advance()
        let nameIndex = pos
        var dots = ""
        while token.isOp(.dot) || token.isOp(.ellipsis) {
            dots += token.text
            advance()
        }
        let dotted = token.isName(.keywordImport) ? "" : readDottedName()
        let spec = dots + dotted
        guard !spec.isEmpty, token.isName(.keywordImport) else { return }
        advance()
        let relative = !dots.isEmpty
        let module = relative ? spec : PythonAPI.canonicalModule(dotted)
        recordImport(spec: spec, module: relative ? nil : module, at: nameIndex)
        if token.isOp(.star) {
            advance()
            if !relative { starModules.append(module) }
            return
        }
        let parenthesised = token.isOp(.lparen)
        if parenthesised { advance() }
        while !atLineEnd && !token.isOp(.semicolon) && !token.isOp(.rparen) {
            guard token.kind == .name else {
                advance()
                continue
            }
            let name = token.text
            let index = pos
            advance()
            var local = name
            if token.isName(.keywordAs) {
                advance()
                if token.kind == .name { local = token.text }
                advance()
            }
            let member = spec.hasSuffix(".") ? spec + name : spec + "." + name
            append(.importModule(member, line: tokens[index].line))
            if PythonAPI.isProtectorName(name) { emitProtector(at: index) }
            let qualifiedMember = relative ? "$rel." + member : module + "." + name
            var eval = PythonEval(.ref(qualifiedMember), start: index)
            if PythonAPI.markerNames.contains(name) { eval.addKey("n:" + name) }
            bind(local, eval)
            if token.isOp(.comma) { advance() }
        }
        if parenthesised && token.isOp(.rparen) { advance() }
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
        guard token.kind == .name else { return }
        let name = token.text
        advance()
        let qualifiedName = qualified(name)
        let enclosingKind = scopes[scopes.count - 1].kind
        let enclosingName = scopes[scopes.count - 1].name
        bind(name, PythonEval(.ref("$local." + qualifiedName), start: defIndex))
        definedFunctions.insert(qualifiedName)
        if functions[qualifiedName] == nil { functions[qualifiedName] = [] }
        let parameters = token.isOp(.lparen) ? parseParameters() : []
        if token.isOp(.arrow) {
            advance()
            let mark = eventMark()
            _ = parseTest()
            truncateEvents(to: mark)
        }
        var scope = PythonScope(kind: .function, name: qualifiedName)
        for parameter in parameters { scope.vars[parameter] = PythonEval(start: defIndex) }
        if enclosingKind == .klass, !pendingStaticMethod, let first = parameters.first {
            scope.vars[first] = PythonEval(.ref("$local." + enclosingName + "()"), start: defIndex)
        }
        pendingStaticMethod = false
        openBody(.scope(scope))
    }

    /// `class Name(bases):`.
    func parseClass() {
        let classIndex = pos
        advance()
        guard token.kind == .name else { return }
        let name = token.text
        advance()
        let qualifiedName = qualified(name)
        var bases: [String] = []
        if token.isOp(.lparen) {
            for argument in parseArguments() {
                if let ref = argument.eval.value.refName, let last = ref.split(separator: ".").last {
                    bases.append(String(last))
                }
            }
        }
        bind(name, PythonEval(.ref("$local." + qualifiedName), start: classIndex))
        classNames.insert(qualifiedName)
        classBases[qualifiedName] = bases
        pendingStaticMethod = false
        openBody(.scope(PythonScope(kind: .klass, name: qualifiedName)))
    }

    // MARK: - Private

    private func readDottedName() -> String {
        var parts: [String] = []
        while token.kind == .name {
            parts.append(token.text)
            advance()
            guard token.isOp(.dot), peek(1).kind == .name else { break }
            advance()
        }
        return parts.joined(separator: ".")
    }

    /// Parameter names; defaults are evaluated (they run at definition time), annotations are not reported.
    private func parseParameters() -> [String] {
        advance()
        var names: [String] = []
        while !atLineEnd && !token.isOp(.rparen) {
            let current = token
            if current.kind == .name {
                names.append(current.text)
                advance()
                if token.isOp(.colon) {
                    advance()
                    let mark = eventMark()
                    _ = parseTest()
                    truncateEvents(to: mark)
                }
                if token.isOp(.assign) {
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
        if token.isOp(.rparen) { advance() }
        return names
    }
}
