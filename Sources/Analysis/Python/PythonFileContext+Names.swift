import LockgateCore

/// Interned names, the bindings of the open scopes, path keys and call meanings.
extension PythonFileContext {
    /// The interned id of the name token at `index`.
    func nameId(at index: Int) -> Int32 {
        let known = nameIds[index]
        if known >= 0 { return known }
        let id = names.intern(text(at: index))
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

    /// A reference to a qualified name.
    func ref(_ qualified: String) -> PythonValue {
        .ref(names.intern(qualified))
    }

    /// The qualified name of a reference, or nil for other values.
    func refName(_ value: PythonValue) -> String? {
        value.refId.map { names.text($0) }
    }

    /// What calling a qualified name (by interned id) means, and the reference its result is (cached in this file
    /// by id, and across the files of the analyser by name).
    func callInfo(_ qualified: Int32) -> (info: PythonCallInfo, result: PythonValue) {
        let slot = Int(qualified)
        if slot < callInfoSlots.count, callInfoSlots[slot] >= 0 {
            let index = Int(callInfoSlots[slot])
            return (callInfos[index], callResults[index])
        }
        let name = names.text(qualified)
        // Names of this file (`$local.`) are cheap to work out and never repeat across packages: not shared.
        let isLocal = name.utf8.first == 0x24 && name.hasPrefix("$local.")
        let info = (isLocal ? nil : sharedCalls?.info(name)) ?? PythonCallInfo(qualified: name)
        let result = info.resultName.map { ref($0) } ?? .unknown
        if slot >= callInfoSlots.count {
            callInfoSlots += [Int32](
                repeating: -1, count: max(names.count, slot + 1, callInfoSlots.count * 2) - callInfoSlots.count)
        }
        callInfoSlots[slot] = Int32(callInfos.count)
        callInfos.append(info)
        callResults.append(result)
        return (info, result)
    }

    /// Adds a path key to a value.
    func addKey(_ key: String, to eval: inout PythonEval) {
        eval.keys.add(keyTable.intern(key))
    }

    /// The key id of `v:NAME` for a name id: the name id with `variableKeyTag` set (no string is built).
    func variableKeyId(_ name: Int32) -> Int32 {
        name | PythonFileContext.variableKeyTag
    }

    /// Adds the key `c:TEXT` of a constant string: its id in `constantTable` with `constantKeyTag` set.
    func addConstantKey(_ text: String, to eval: inout PythonEval) {
        eval.keys.add(constantTable.intern(text) | PythonFileContext.constantKeyTag)
    }

    /// The string-signal kinds of a constant string (`signalKinds`), worked out once per file by its id in
    /// `constantTable`.
    /// - Parameters:
    ///   - id: The constant's id in `constantTable`.
    ///   - text: The constant.
    /// - Returns: Its kinds.
    func constantSignalKinds(_ id: Int32, _ text: String) -> [BehaviourKind] {
        let slot = Int(id)
        if slot < constantKinds.count, let known = constantKinds[slot] { return known }
        let kinds = signalKinds(text)
        if slot >= constantKinds.count {
            constantKinds += [[BehaviourKind]?](
                repeating: nil, count: max(slot + 1, constantKinds.count * 2) - constantKinds.count)
        }
        constantKinds[slot] = kinds
        return kinds
    }

    /// The texts of a value's path keys, in order.
    func keyTexts(_ eval: PythonEval) -> [String] {
        eval.keys.ids.map { id in
            if id & PythonFileContext.variableKeyTag != 0 {
                return "v:" + names.text(id & ~PythonFileContext.variableKeyTag)
            }
            if id & PythonFileContext.constantKeyTag != 0 {
                return "c:" + constantTable.text(id & ~PythonFileContext.constantKeyTag)
            }
            return keyTable.text(id)
        }
    }

    /// Opens a scope and binds its initial names.
    func pushScope(_ scope: PythonScope) {
        var scope = scope
        let initial = scope.initial
        scope.initial = []
        if scope.kind != .function { scope.body = currentBody }  // a function's own body is set by `parseDef`
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
