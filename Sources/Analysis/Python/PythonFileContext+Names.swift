import LockgateCore

/// Interned names, the bindings of the open scopes, path keys and call meanings.
extension PythonFileContext {
    /// The interned id of the name token at `index`.
    func nameId(at index: Int) -> Int32 {
        let known = nameIds[index]
        if known >= 0 { return known }
        let id = names.intern(tokens[index].text)
        nameIds[index] = id
        return id
    }

    /// Binds a name in the innermost scope.
    func bind(_ name: String, _ eval: PythonEval) {
        bindings.bind(names.intern(name), eval)
    }

    /// Binds a name (by id) in the innermost scope.
    func bind(_ name: Int32, _ eval: PythonEval) {
        bindings.bind(name, eval)
    }

    /// Looks a name up: the innermost scope, enclosing functions, then the module (class bodies only when
    /// innermost, as in Python).
    func lookup(_ name: String) -> PythonEval? {
        names.id(of: name).flatMap { lookup($0) }
    }

    /// Looks a name up by id (as `lookup(_:)`).
    func lookup(_ name: Int32) -> PythonEval? {
        let innermost = scopes.count - 1
        return bindings.lookup(name) { depth in depth != innermost && scopes[depth].kind == .klass }
    }

    /// What calling `qualified` means (cached in this file and across the files of the analyser).
    func callInfo(_ qualified: String) -> PythonCallInfo {
        if let known = callInfos[qualified] { return known }
        // Names of this file (`$local.`) are cheap to work out and never repeat across packages: not shared.
        let isLocal = qualified.utf8.first == 0x24 && qualified.hasPrefix("$local.")
        let info = (isLocal ? nil : sharedCalls?.info(qualified)) ?? PythonCallInfo(qualified: qualified)
        callInfos[qualified] = info
        return info
    }

    /// Adds a path key to a value.
    func addKey(_ key: String, to eval: inout PythonEval) {
        eval.keys.add(keyTable.intern(key, facts: false))
    }

    /// The key id of `v:NAME` for a name id.
    func variableKeyId(_ name: Int32) -> Int32 {
        if Int(name) < variableKeyIds.count, variableKeyIds[Int(name)] >= 0 { return variableKeyIds[Int(name)] }
        if Int(name) >= variableKeyIds.count {
            variableKeyIds += [Int32](repeating: -1, count: names.count - variableKeyIds.count)
        }
        let id = keyTable.intern("v:" + names.text(name), facts: false)
        variableKeyIds[Int(name)] = id
        return id
    }

    /// The texts of a value's path keys, in order.
    func keyTexts(_ eval: PythonEval) -> [String] {
        eval.keys.ids.map { keyTable.text($0) }
    }

    /// Opens a scope and binds its initial names.
    func pushScope(_ scope: PythonScope) {
        var scope = scope
        let initial = scope.initial
        scope.initial = []
        scopes.append(scope)
        bindings.push()
        for (name, eval) in initial { bindings.bind(name, eval) }
    }

    /// Closes the innermost scope (never the module scope).
    func popScope() {
        guard scopes.count > 1 else { return }
        scopes.removeLast()
        bindings.pop()
    }
}
