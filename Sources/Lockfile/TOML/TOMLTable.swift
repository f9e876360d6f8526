import LockgateCore

/// A TOML table: keys in the order they were first written, each with the position of its key and its value.
package struct TOMLTable: Sendable, Hashable {
    /// One key of a table.
    package struct Entry: Sendable, Hashable {
        /// The key (one part of a dotted key, quotes and escapes resolved).
        package var key: String
        /// Where the key is written: the key part itself, or the header that defines a table.
        package var keyLocation: SourceLocation
        /// The value.
        package var value: TOMLValue

        /// Creates an entry.
        /// - Parameters:
        ///   - key: The key.
        ///   - keyLocation: Where the key is written.
        ///   - value: The value.
        package init(key: String, keyLocation: SourceLocation, value: TOMLValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The entries in the order their keys first appear.
    package private(set) var entries: [Entry]
    /// Key to position, kept only for tables larger than `indexThreshold`; small tables are searched in order,
    /// which is faster than hashing for the few keys of a lockfile's inline tables.
    private var index: [String: Int]?

    /// Tables with more entries than this keep a hash index.
    private static let indexThreshold = 8

    /// Creates a table.
    /// - Parameter entries: The entries; a later entry with the same key replaces an earlier one.
    package init(entries: [Entry] = []) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for entry in entries { set(entry) }
    }

    /// Creates a table from entries whose keys are known to be distinct.
    init(distinctEntries entries: [Entry]) {
        self.entries = entries
        if entries.count > Self.indexThreshold { buildIndex() }
    }

    /// The keys in order.
    package var keys: [String] { entries.map(\.key) }

    /// Whether the table has no keys.
    package var isEmpty: Bool { entries.isEmpty }

    /// The value for a key.
    /// - Parameter key: The key.
    /// - Returns: The value, or nil when the table has no such key.
    package subscript(key: String) -> TOMLValue? {
        guard let position = position(of: key) else { return nil }
        return entries[position].value
    }

    /// The entry for a key.
    /// - Parameter key: The key.
    /// - Returns: The entry (key position and value), or nil when the table has no such key.
    package func entry(_ key: String) -> Entry? {
        guard let position = position(of: key) else { return nil }
        return entries[position]
    }

    /// Follows a dotted path of keys through nested tables.
    /// - Parameter path: The keys, outermost first.
    /// - Returns: The value at the end of the path, or nil when some key is missing or not a table.
    package func value(at path: [String]) -> TOMLValue? {
        var table = self
        for (offset, key) in path.enumerated() {
            guard let value = table[key] else { return nil }
            if offset == path.count - 1 { return value }
            guard let next = value.table else { return nil }
            table = next
        }
        return nil
    }

    /// Adds an entry, or replaces the entry with the same key in place.
    /// - Parameter entry: The entry.
    package mutating func set(_ entry: Entry) {
        if let position = position(of: entry.key) {
            entries[position] = entry
            return
        }
        entries.append(entry)
        if index != nil {
            index?[entry.key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            buildIndex()
        }
    }

    /// Tables are equal when their entries are, in order.
    package static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool { lhs.entries == rhs.entries }

    /// Hashes the entries.
    package func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    // MARK: - Private

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    private mutating func buildIndex() {
        var built: [String: Int] = [:]
        built.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() { built[entry.key] = position }
        index = built
    }
}
