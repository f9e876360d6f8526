/// What a module of the package exports, and the wrappers compilers put around requiring one.
extension JavaScriptWalker {
    /// `__importDefault(require('./x'))`, `_interopRequireDefault(...)`: the wrappers TypeScript, Babel and
    /// esbuild put around a require give the package's module back (its members are read as the module's).
    mutating func interopModule(_ call: JavaScriptCall, name path: JavaScriptPathRef, _ depth: Int)
        -> JavaScriptValue?
    {
        let name = pathParts[path.base]
        guard code.names.withBytes(of: name, { $0.first == 0x5F /* _ */ }),
            JavaScriptCatalog.interopHelpers.contains(code.names[name]),
            let argument = code.arguments(from: call.open, to: call.close).first
        else { return nil }
        let value = argumentValue(argument, depth: depth)
        if case .localModule = value.object { return value }
        return nil
    }

    /// `exports.start = start`, `module.exports = {start, run: steal}`: the export names a function of the file
    /// (or a member of another package module), so a package module calling the export calls that function; an
    /// exported function written in the object literal takes the export's name (it runs when called, not here).
    mutating func exportAlias(_ path: String, valueAt start: Int) {
        guard start < code.tokens.count else { return }
        if code.tokens[start].kind == .identifier, code.isExpressionEnd(start + 1) {
            if let event = exportedCall(start) { functions[path, default: []].append(event) }
            return
        }
        guard path == "module.exports", code.isOp(start, JavaScriptOp.lbrace) else { return }
        let close = code.partner(start)
        guard close > start else { return }
        for range in code.arguments(from: start, to: close).prefix(1_000) {
            let first = range.lowerBound
            guard code.tokens[first].kind == .identifier else { continue }
            let key = "exports." + code.name(first)
            if range.count == 1 {
                if let event = exportedCall(first) { functions[key, default: []].append(event) }
            } else if code.isOp(first + 1, JavaScriptOp.colon), first + 2 < range.upperBound {
                if let functionStart = code.functionStart(at: first + 2) {
                    pendingNames[functionStart] = key
                } else if range.count == 3, code.tokens[first + 2].kind == .identifier,
                    let event = exportedCall(first + 2)
                {
                    functions[key, default: []].append(event)
                }
            }
        }
    }

    /// The call an exported name stands for: a function of the file (or a name not bound yet, which a function
    /// declared later may be), or a member of another package module.
    private func exportedCall(_ index: Int) -> CodeEvent? {
        let name = code.tokens[index].name
        guard !JavaScriptNames.isKeyword(name) else { return nil }
        switch scopes.lookup(name)?.object {
        case nil: return .callLocal(code.names[name])
        case .localFunction(let function): return .callLocal(function)
        case .localExport(let specifier, let member): return .callImported(specifier + "#" + member)
        default: return nil
        }
    }
}
