import LockgateCore

/// Typed member access for lockfile parsers: a member of the wrong type is a `LockfileError` at that value's
/// position, naming the key and what was expected. A `null` member reads as absent.
extension JSONObject {
    /// The string value of a key.
    /// - Parameters:
    ///   - key: The key.
    ///   - path: The lockfile path, for errors.
    ///   - owner: What the object is (e.g. `"node_modules/a"`), named in errors.
    /// - Returns: The string, or nil when the key is absent or null.
    /// - Throws: `LockfileError` when the value is not a string.
    package func string(_ key: String, path: String, owner: String? = nil) throws(LockfileError) -> String? {
        guard let node = present(key) else { return nil }
        guard let text = node.string else { throw mismatch(key, node, "a string", path: path, owner: owner) }
        return text
    }

    /// The boolean value of a key.
    /// - Parameters:
    ///   - key: The key.
    ///   - path: The lockfile path, for errors.
    ///   - owner: What the object is, named in errors.
    /// - Returns: The boolean, or nil when the key is absent or null.
    /// - Throws: `LockfileError` when the value is not a boolean.
    package func bool(_ key: String, path: String, owner: String? = nil) throws(LockfileError) -> Bool? {
        guard let node = present(key) else { return nil }
        guard let flag = node.bool else { throw mismatch(key, node, "true or false", path: path, owner: owner) }
        return flag
    }

    /// The object value of a key.
    /// - Parameters:
    ///   - key: The key.
    ///   - path: The lockfile path, for errors.
    ///   - owner: What the object is, named in errors.
    /// - Returns: The object, or nil when the key is absent or null.
    /// - Throws: `LockfileError` when the value is not an object.
    package func object(_ key: String, path: String, owner: String? = nil) throws(LockfileError) -> JSONObject? {
        guard let node = present(key) else { return nil }
        guard let object = node.object else { throw mismatch(key, node, "an object", path: path, owner: owner) }
        return object
    }

    /// The array value of a key.
    /// - Parameters:
    ///   - key: The key.
    ///   - path: The lockfile path, for errors.
    ///   - owner: What the object is, named in errors.
    /// - Returns: The elements, or nil when the key is absent or null.
    /// - Throws: `LockfileError` when the value is not an array.
    package func array(_ key: String, path: String, owner: String? = nil) throws(LockfileError) -> [JSONNode]? {
        guard let node = present(key) else { return nil }
        guard let elements = node.array else { throw mismatch(key, node, "an array", path: path, owner: owner) }
        return elements
    }

    /// The integer value of a key.
    /// - Parameters:
    ///   - key: The key.
    ///   - path: The lockfile path, for errors.
    ///   - owner: What the object is, named in errors.
    /// - Returns: The integer, or nil when the key is absent or null.
    /// - Throws: `LockfileError` when the value is not an integer.
    package func integer(_ key: String, path: String, owner: String? = nil) throws(LockfileError) -> Int? {
        guard let node = present(key) else { return nil }
        guard let number = node.integer else { throw mismatch(key, node, "an integer", path: path, owner: owner) }
        return number
    }

    /// The error for a member whose value has the wrong type.
    /// - Parameters:
    ///   - key: The key.
    ///   - node: The value found.
    ///   - expected: What was expected, with its article ("a string").
    ///   - path: The lockfile path.
    ///   - owner: What the object is, named in the message.
    /// - Returns: The error, located at the value.
    package func mismatch(
        _ key: String, _ node: JSONNode, _ expected: String, path: String, owner: String? = nil
    ) -> LockfileError {
        let subject = owner.map { "`\(key)` of \(JSONObject.quoted($0))" } ?? "`\(key)`"
        return LockfileError(
            path: path, location: node.location,
            message: "expected \(subject) to be \(expected), found \(node.kindDescription)")
    }

    /// A name in double quotes for messages, shortened when very long.
    /// - Parameter text: The name.
    /// - Returns: `"text"`.
    package static func quoted(_ text: String) -> String {
        text.count > 80 ? "\"\(text.prefix(77))...\"" : "\"\(text)\""
    }

    // MARK: - Private

    private func present(_ key: String) -> JSONNode? {
        guard let node = self[key], !node.isNull else { return nil }
        return node
    }
}
