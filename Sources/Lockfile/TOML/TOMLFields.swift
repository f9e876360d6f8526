import LockgateCore

/// Typed access to a TOML table's keys for lockfile parsers: a missing or mistyped key becomes a `LockfileError`
/// at the key's (or the table's) line and column that says what was expected.
package struct TOMLFields: Sendable {
    /// The table.
    package var table: TOMLTable
    /// Where the table starts (its header, or its first character when inline).
    package var location: SourceLocation
    /// What the table is, for messages (`[[package]] entry`, `source`).
    package var context: String
    /// The lockfile path, for errors.
    package var path: String

    /// Wraps a table.
    /// - Parameters:
    ///   - table: The table.
    ///   - location: Where the table starts.
    ///   - context: What the table is, for messages.
    ///   - path: The lockfile path.
    package init(_ table: TOMLTable, at location: SourceLocation, context: String, path: String) {
        self.table = table
        self.location = location
        self.context = context
        self.path = path
    }

    /// Wraps a value that must be a table.
    /// - Parameters:
    ///   - value: The value.
    ///   - context: What the table is, for messages.
    ///   - path: The lockfile path.
    /// - Throws: `LockfileError` at the value when it is not a table.
    package init(value: TOMLValue, context: String, path: String) throws(LockfileError) {
        guard let table = value.table else {
            throw LockfileError(
                path: path, location: value.location,
                message: "expected \(context) to be a table, found \(value.typeDescription)")
        }
        self.init(table, at: value.location, context: context, path: path)
    }

    /// A string that must be present.
    /// - Parameter key: The key.
    /// - Returns: The string.
    /// - Throws: `LockfileError` when the key is missing or not a string.
    package func requiredString(_ key: String) throws(LockfileError) -> String {
        guard let value = try string(key) else {
            throw LockfileError(
                path: path, location: location, message: "missing `\(key)` in \(context); expected a string")
        }
        return value
    }

    /// A string, if present.
    /// - Parameter key: The key.
    /// - Returns: The string, or nil when the key is missing.
    /// - Throws: `LockfileError` at the value when it is not a string.
    package func string(_ key: String) throws(LockfileError) -> String? {
        try typed(key, "a string") { $0.string }
    }

    /// A boolean, if present.
    /// - Parameter key: The key.
    /// - Returns: The boolean, or nil when the key is missing.
    /// - Throws: `LockfileError` at the value when it is not a boolean.
    package func boolean(_ key: String) throws(LockfileError) -> Bool? {
        try typed(key, "a boolean") { $0.boolean }
    }

    /// An integer, if present.
    /// - Parameter key: The key.
    /// - Returns: The integer, or nil when the key is missing.
    /// - Throws: `LockfileError` at the value when it is not an integer.
    package func integer(_ key: String) throws(LockfileError) -> Int64? {
        try typed(key, "an integer") { $0.integer }
    }

    /// An array, if present.
    /// - Parameter key: The key.
    /// - Returns: The elements, or nil when the key is missing.
    /// - Throws: `LockfileError` at the value when it is not an array.
    package func array(_ key: String) throws(LockfileError) -> [TOMLValue]? {
        try typed(key, "an array") { $0.array }
    }

    /// A nested table, if present.
    /// - Parameters:
    ///   - key: The key.
    ///   - context: What the nested table is, for messages; defaults to the key.
    /// - Returns: The nested table's fields, or nil when the key is missing.
    /// - Throws: `LockfileError` at the value when it is not a table.
    package func table(_ key: String, context: String? = nil) throws(LockfileError) -> TOMLFields? {
        guard let value = table[key] else { return nil }
        return try TOMLFields(value: value, context: context ?? "`\(key)`", path: path)
    }

    /// An array of strings, if present.
    /// - Parameter key: The key.
    /// - Returns: The strings, or nil when the key is missing.
    /// - Throws: `LockfileError` at the first element (or the value) that is not a string.
    package func strings(_ key: String) throws(LockfileError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.string else {
                throw LockfileError(
                    path: path, location: element.location,
                    message: "expected every element of `\(key)` in \(context) to be a string, "
                        + "found \(element.typeDescription)")
            }
            result.append(text)
        }
        return result
    }

    /// The position of a key's value, or of the table when the key is missing.
    /// - Parameter key: The key.
    /// - Returns: The location.
    package func location(of key: String) -> SourceLocation {
        table[key]?.location ?? location
    }

    // MARK: - Private

    private func typed<T>(_ key: String, _ expected: String, _ extract: (TOMLValue) -> T?) throws(LockfileError) -> T? {
        guard let value = table[key] else { return nil }
        guard let result = extract(value) else {
            throw LockfileError(
                path: path, location: value.location,
                message: "expected `\(key)` in \(context) to be \(expected), found \(value.typeDescription)")
        }
        return result
    }
}
