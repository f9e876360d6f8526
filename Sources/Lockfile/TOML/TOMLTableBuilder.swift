import LockgateCore

/// One part of a dotted key, with where it is written.
struct TOMLKey {
    /// The key text, quotes and escapes resolved.
    var text: String
    /// Where the key part starts.
    var location: SourceLocation
}

/// Builds the table tree while the document is read, enforcing TOML 1.0's rules on defining tables.
///
/// Tables live in an arena and refer to each other by index, so `[a.b]` and `[[package]]` headers extend the tree in
/// place without copying it (a 2,000-entry `[[package]]` array stays linear).
struct TOMLTableBuilder {
    /// How a table came to exist; it decides what may still add keys to it.
    enum Origin {
        /// Created as the parent of a header's table (`a` for `[a.b]`); a later `[a]` may still define it.
        case implicit
        /// Defined by a `[header]` or `[[header]]`.
        case header
        /// Created by a dotted key (`a.b = 1` creates `a`).
        case dotted
        /// An inline table `{ ... }` being read.
        case inline
    }

    private let path: String
    private var nodes: [Node]
    private var arrays: [[Int]] = []

    /// The root table's index.
    static let root = 0

    /// Creates a builder holding an empty root table.
    init(path: String) {
        self.path = path
        nodes = [Node(origin: .header, location: SourceLocation(line: 1, column: 1))]
    }

    /// Starts an inline table; pass the index to `insert` and then to `finishInline`.
    mutating func beginInline(at location: SourceLocation) -> Int {
        nodes.append(Node(origin: .inline, location: location))
        return nodes.count - 1
    }

    /// Ends an inline table and returns it as a value, dropping its arena nodes.
    mutating func finishInline(_ index: Int) -> TOMLTable {
        let table = freeze(index)
        nodes.removeSubrange(index...)
        return table
    }

    /// Defines the table of a `[a.b]` header.
    /// - Returns: The table's index, where the following key/value pairs go.
    mutating func defineTable(_ keys: [TOMLKey], at header: SourceLocation) throws(LockfileError) -> Int {
        let parent = try walkHeader(keys.dropLast(), at: header)
        guard let last = keys.last else { throw failure("expected a table name", at: header) }
        let name = Self.dotted(keys)
        switch nodes[parent][last.text] {
        case nil:
            return add(.table(newNode(.header, at: header)), key: last, to: parent)
        case .table(let child):
            switch nodes[child].origin {
            case .implicit:
                nodes[child].origin = .header
                nodes[child].location = header
                return child
            case .header, .inline:
                throw failure("table `\(name)` is defined twice (first at \(nodes[child].location))", at: header)
            case .dotted:
                throw failure(
                    "table `\(name)` was already defined with dotted keys at \(nodes[child].location)",
                    at: header)
            }
        case .tableArray:
            throw failure("`\(name)` is an array of tables; expected `[[\(name)]]`", at: header)
        case .value(let value):
            throw failure(
                "`\(name)` is already \(value.typeDescription) (at \(value.location)); it cannot be a table",
                at: header)
        }
    }

    /// Appends a table to the array of a `[[a.b]]` header.
    /// - Returns: The new table's index, where the following key/value pairs go.
    mutating func appendTable(_ keys: [TOMLKey], at header: SourceLocation) throws(LockfileError) -> Int {
        let parent = try walkHeader(keys.dropLast(), at: header)
        guard let last = keys.last else { throw failure("expected a table name", at: header) }
        let name = Self.dotted(keys)
        switch nodes[parent][last.text] {
        case nil:
            arrays.append([newNode(.header, at: header)])
            _ = add(.tableArray(arrays.count - 1), key: last, to: parent)
            return nodes.count - 1
        case .tableArray(let array):
            let child = newNode(.header, at: header)
            arrays[array].append(child)
            return child
        case .table(let child):
            throw failure(
                "`\(name)` is already a table (at \(nodes[child].location)); it cannot be an array of tables",
                at: header)
        case .value(let value):
            throw failure(
                "`\(name)` is already \(value.typeDescription) (at \(value.location)); "
                    + "it cannot be an array of tables", at: header)
        }
    }

    /// Adds `a.b.c = value` to a table, creating the tables of a dotted key.
    mutating func insert(_ keys: [TOMLKey], value: TOMLValue, into table: Int) throws(LockfileError) {
        guard let last = keys.last else { return }
        var current = table
        for key in keys.dropLast() {
            switch nodes[current][key.text] {
            case nil:
                current = add(.table(newNode(.dotted, at: key.location)), key: key, to: current)
            case .table(let child) where nodes[child].origin == .dotted:
                current = child
            case .table(let child):
                throw failure(
                    "cannot add to table `\(key.text)` with a dotted key: it is defined at "
                        + "\(nodes[child].location)", at: key.location)
            case .tableArray:
                throw failure("cannot add to array of tables `\(key.text)` with a dotted key", at: key.location)
            case .value(let value):
                throw failure(
                    "`\(key.text)` is already \(value.typeDescription) (at \(value.location)); "
                        + "it cannot hold keys", at: key.location)
            }
        }
        if let position = nodes[current].position(of: last.text) {
            let first = nodes[current].keys[position].location
            throw failure("duplicate key `\(last.text)` (first defined at \(first))", at: last.location)
        }
        _ = add(.value(value), key: last, to: current)
    }

    /// The finished tree from a table down.
    func freeze(_ index: Int) -> TOMLTable {
        let node = nodes[index]
        var entries: [TOMLTable.Entry] = []
        entries.reserveCapacity(node.keys.count)
        for (key, slot) in zip(node.keys, node.slots) {
            let value: TOMLValue
            switch slot {
            case .value(let plain):
                value = plain
            case .table(let child):
                value = TOMLValue(.table(freeze(child)), at: nodes[child].location)
            case .tableArray(let array):
                let elements = arrays[array].map { TOMLValue(.table(freeze($0)), at: nodes[$0].location) }
                value = TOMLValue(.array(elements), at: elements.first?.location ?? key.location)
            }
            entries.append(TOMLTable.Entry(key: key.text, keyLocation: key.location, value: value))
        }
        return TOMLTable(distinctEntries: entries)
    }

    // MARK: - Private

    /// Follows a header's parent keys, creating implicit tables and entering the last table of an array of tables.
    private mutating func walkHeader(_ keys: ArraySlice<TOMLKey>, at header: SourceLocation) throws(LockfileError)
        -> Int
    {
        var current = Self.root
        for key in keys {
            switch nodes[current][key.text] {
            case nil:
                current = add(.table(newNode(.implicit, at: key.location)), key: key, to: current)
            case .table(let child):
                current = child
            case .tableArray(let array):
                guard let last = arrays[array].last else { throw failure("empty array of tables", at: header) }
                current = last
            case .value(let value):
                throw failure(
                    "`\(key.text)` is already \(value.typeDescription) (at \(value.location)); "
                        + "it cannot hold a table", at: key.location)
            }
        }
        return current
    }

    private mutating func newNode(_ origin: Origin, at location: SourceLocation) -> Int {
        nodes.append(Node(origin: origin, location: location))
        return nodes.count - 1
    }

    /// Adds a slot under a key and returns the index of the table the slot holds (or the parent's for a value).
    private mutating func add(_ slot: Slot, key: TOMLKey, to parent: Int) -> Int {
        nodes[parent].append(slot, key: key)
        if case .table(let child) = slot { return child }
        return parent
    }

    private func failure(_ message: String, at location: SourceLocation) -> LockfileError {
        LockfileError(path: path, location: location, message: message)
    }

    private static func dotted(_ keys: [TOMLKey]) -> String {
        keys.map(\.text).joined(separator: ".")
    }
}
