/// Lexical scopes of the walk: what each name is bound to, with block scopes for `let`/`const` and function
/// scopes for `var` and parameters. Lookups cost O(1) whatever the nesting depth.
struct JavaScriptScopes: Sendable {
    /// The current depth (0 is the module scope).
    var depth: Int { declared.count - 1 }

    /// Opens a scope.
    /// - Parameter function: Whether it is a function body (where `var` declarations land).
    mutating func push(function: Bool) {
        declared.append([])
        if function { functionDepths.append(depth) }
    }

    /// Closes the innermost scope and forgets its bindings.
    mutating func pop() {
        guard depth > 0, let names = declared.popLast() else { return }
        for name in names {
            guard var stack = entries[name], let last = stack.last, last.depth > depth else { continue }
            stack.removeLast()
            entries[name] = stack.isEmpty ? nil : stack
        }
        if let last = functionDepths.last, last > depth { functionDepths.removeLast() }
    }

    /// The value bound to a name, if any.
    func lookup(_ name: Int32) -> JavaScriptValue? { entries[name]?.last?.value }

    /// Binds a name in the current scope (or the function scope for `var`).
    /// - Parameters:
    ///   - name: The name.
    ///   - value: Its value.
    ///   - hoisted: Whether it is a `var` (or function declaration), bound in the enclosing function scope.
    mutating func declare(_ name: Int32, _ value: JavaScriptValue, hoisted: Bool = false) {
        let target = hoisted ? (functionDepths.last ?? 0) : depth
        var stack = entries[name] ?? []
        if let index = stack.lastIndex(where: { $0.depth <= target }), stack[index].depth == target {
            stack[index].value = value
        } else {
            let index = stack.firstIndex(where: { $0.depth > target }) ?? stack.count
            stack.insert(Entry(depth: target, value: value), at: index)
            declared[target].append(name)
        }
        entries[name] = stack
    }

    /// Assigns to a name: its innermost binding, or a new module-scope binding when it has none.
    mutating func assign(_ name: Int32, _ value: JavaScriptValue) {
        if var stack = entries[name], !stack.isEmpty {
            stack[stack.count - 1].value = value
            entries[name] = stack
        } else {
            entries[name] = [Entry(depth: 0, value: value)]
            declared[0].append(name)
        }
    }

    // MARK: - Private

    private struct Entry: Sendable {
        var depth: Int
        var value: JavaScriptValue
    }

    private var entries: [Int32: [Entry]] = [:]
    private var declared: [[Int32]] = [[]]
    private var functionDepths: [Int] = [0]
}
