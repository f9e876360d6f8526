/// Lexical scopes of the walk: what each name is bound to, with block scopes for `let`/`const` and function
/// scopes for `var` and parameters. Lookups and declarations cost O(1) amortised whatever the nesting depth.
///
/// Names are the lexer's interned ids, so the bindings of each name live in a chain (innermost first) threaded
/// through one pool of entries and found from an array indexed by the id: no hashing and no per-name arrays.
struct JavaScriptScopes: Sendable {
    /// The current depth (0 is the module scope).
    var depth: Int { declared.count - 1 }

    /// Creates the module scope.
    /// - Parameter nameCount: How many interned names the file has (ids are `0..<nameCount`; -1 is accepted too).
    init(nameCount: Int = 0) {
        heads = [Int32](repeating: -1, count: nameCount + 1)
    }

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
            if !hoistedBindings.isEmpty { hoistedBindings[Self.key(name, depth + 1)] = nil }
            let slot = Self.slot(name)
            guard slot < heads.count else { continue }
            let top = heads[slot]
            guard top >= 0, Int(pool[Int(top)].depth) > depth else { continue }
            heads[slot] = pool[Int(top)].next
            release(top)
        }
        if let last = functionDepths.last, last > depth { functionDepths.removeLast() }
    }

    /// The value bound to a name, if any.
    func lookup(_ name: Int32) -> JavaScriptValue? {
        let slot = Self.slot(name)
        guard slot < heads.count else { return nil }
        let top = heads[slot]
        return top >= 0 ? pool[Int(top)].value : nil
    }

    /// Binds a name in the current scope (or the function scope for `var`).
    /// - Parameters:
    ///   - name: The name.
    ///   - value: Its value.
    ///   - hoisted: Whether it is a `var` (or function declaration), bound in the enclosing function scope.
    mutating func declare(_ name: Int32, _ value: JavaScriptValue, hoisted: Bool = false) {
        let target = hoisted ? (functionDepths.last ?? 0) : depth
        let slot = Self.slot(name)
        if slot >= heads.count { heads += [Int32](repeating: -1, count: slot + 1 - heads.count) }
        let top = heads[slot]
        if top < 0 || Int(pool[Int(top)].depth) <= target {
            if top >= 0 && Int(pool[Int(top)].depth) == target {
                pool[Int(top)].value = value
            } else {
                heads[slot] = allocate(Entry(depth: Int32(target), next: top, value: value))
                declared[target].append(name)
            }
            return
        }
        // A `var` under block-scoped bindings of the same name: its binding sits below them in the chain. The
        // first time, walk down to it (or to where it goes); then remember it, so repeating the declaration costs
        // O(1) however deep the blocks are.
        let key = Self.key(name, target)
        if let known = hoistedBindings[key] {
            pool[Int(known)].value = value
            return
        }
        var above = top
        var entry = pool[Int(top)].next
        while entry >= 0 && Int(pool[Int(entry)].depth) > target {
            above = entry
            entry = pool[Int(entry)].next
        }
        if entry >= 0 && Int(pool[Int(entry)].depth) == target {
            pool[Int(entry)].value = value
        } else {
            entry = allocate(Entry(depth: Int32(target), next: entry, value: value))
            pool[Int(above)].next = entry
            declared[target].append(name)
        }
        hoistedBindings[key] = entry
    }

    /// Assigns to a name: its innermost binding, or a new module-scope binding when it has none.
    mutating func assign(_ name: Int32, _ value: JavaScriptValue) {
        let slot = Self.slot(name)
        if slot >= heads.count { heads += [Int32](repeating: -1, count: slot + 1 - heads.count) }
        let top = heads[slot]
        if top >= 0 {
            pool[Int(top)].value = value
        } else {
            heads[slot] = allocate(Entry(depth: 0, next: -1, value: value))
            declared[0].append(name)
        }
    }

    // MARK: - Private

    private struct Entry: Sendable {
        var depth: Int32
        /// The binding of the same name in an enclosing scope, or -1.
        var next: Int32
        var value: JavaScriptValue
    }

    /// The innermost binding of each name (by `slot(name)`), or -1.
    private var heads: [Int32]
    private var pool: [Entry] = []
    private var free: [Int32] = []
    private var declared: [[Int32]] = [[]]
    private var functionDepths: [Int] = [0]
    /// Bindings of `var`s found below block-scoped ones of the same name, by name and depth (see `declare`).
    private var hoistedBindings: [Int64: Int32] = [:]

    private static func key(_ name: Int32, _ depth: Int) -> Int64 { Int64(name) << 32 | Int64(depth) }

    private static func slot(_ name: Int32) -> Int { max(0, Int(name) + 1) }

    private mutating func allocate(_ entry: Entry) -> Int32 {
        if let reused = free.popLast() {
            pool[Int(reused)] = entry
            return reused
        }
        pool.append(entry)
        return Int32(pool.count - 1)
    }

    private mutating func release(_ entry: Int32) {
        pool[Int(entry)].value = .unknown
        free.append(entry)
    }
}
