/// What the names of the open scopes are bound to, by interned name id.
///
/// The bindings of each name form a chain (innermost scope first) threaded through one pool of entries and found
/// from an array indexed by the id: a lookup walks only the scopes that bind the name, with no hashing.
struct PythonBindings {
    private struct Entry {
        var depth: Int32
        var next: Int32
        var eval: PythonEval
    }

    private var heads: [Int32] = []
    private var pool: [Entry] = []
    private var free: [Int32] = []
    /// The names bound at each depth (index 0 is the module scope).
    private var declared: [[Int32]] = [[]]

    /// The depth of the innermost scope (0 is the module).
    var depth: Int { declared.count - 1 }

    /// Opens a scope.
    mutating func push() { declared.append([]) }

    /// Closes the innermost scope (never the module scope) and forgets its bindings.
    mutating func pop() {
        guard declared.count > 1, let names = declared.popLast() else { return }
        for name in names {
            let top = heads[Int(name)]
            heads[Int(name)] = pool[Int(top)].next
            pool[Int(top)].eval = PythonEval(start: 0)
            free.append(top)
        }
    }

    /// Binds a name in the innermost scope.
    /// - Parameters:
    ///   - name: The name's id.
    ///   - eval: Its value.
    mutating func bind(_ name: Int32, _ eval: PythonEval) {
        let slot = Int(name)
        if slot >= heads.count {  // doubles at least, so names bound in id order cost no quadratic copying
            heads += [Int32](repeating: -1, count: max(slot + 1, heads.count * 2) - heads.count)
        }
        let top = heads[slot]
        if top >= 0 && Int(pool[Int(top)].depth) == depth {
            pool[Int(top)].eval = eval
            return
        }
        let entry = Entry(depth: Int32(depth), next: top, eval: eval)
        if let reused = free.popLast() {
            pool[Int(reused)] = entry
            heads[slot] = reused
        } else {
            heads[slot] = Int32(pool.count)
            pool.append(entry)
        }
        declared[depth].append(name)
    }

    /// The innermost binding of a name, skipping scopes `skip` rejects (by depth).
    /// - Parameters:
    ///   - name: The name's id.
    ///   - skip: Whether the scope at a depth is not searched.
    /// - Returns: The bound value, or nil.
    func lookup(_ name: Int32, skip: (Int) -> Bool) -> PythonEval? {
        let slot = Int(name)
        guard slot < heads.count else { return nil }
        var entry = heads[slot]
        while entry >= 0 {
            if !skip(Int(pool[Int(entry)].depth)) { return pool[Int(entry)].eval }
            entry = pool[Int(entry)].next
        }
        return nil
    }
}
