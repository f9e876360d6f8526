import LockgateCore

/// One `"key": value` member of a JSON object, with the position of its key.
package struct JSONMember: Sendable, Hashable {
    /// The decoded key.
    package var key: String
    /// Where the key's opening quote is.
    package var keyLocation: SourceLocation
    /// The value.
    package var value: JSONNode

    /// Creates a member.
    /// - Parameters:
    ///   - key: The decoded key.
    ///   - keyLocation: Where the key starts.
    ///   - value: The value.
    package init(key: String, keyLocation: SourceLocation, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A JSON object: members in the order their keys first appear.
///
/// A duplicated key keeps the position of its first occurrence and the key location and value of its last
/// (as `JSON.parse` and Python's `json.load` do), so every key occurs once in `members`.
package struct JSONObject: Sendable, Hashable {
    /// Objects with more members than this get a hash index for lookups; smaller ones are scanned.
    static let indexThreshold = 12

    /// The members, each key once, in first-appearance order.
    package private(set) var members: [JSONMember]
    private var index: [String: Int]?

    /// Creates an empty object.
    package init() {
        members = []
        index = nil
    }

    /// The number of distinct keys.
    package var count: Int { members.count }

    /// Whether the object has no members.
    package var isEmpty: Bool { members.isEmpty }

    /// The member with a key.
    /// - Parameter key: The key.
    /// - Returns: The member, or nil when the key is absent.
    package func member(_ key: String) -> JSONMember? {
        position(of: key).map { members[$0] }
    }

    /// The value of a key.
    /// - Parameter key: The key.
    /// - Returns: The value, or nil when the key is absent.
    package subscript(key: String) -> JSONNode? {
        position(of: key).map { members[$0].value }
    }

    /// Adds a member; a key already present keeps its position and takes the new key location and value.
    /// - Parameter member: The member.
    package mutating func add(_ member: JSONMember) {
        if let existing = position(of: member.key) {
            members[existing] = member
            return
        }
        members.append(member)
        if index != nil {
            index?[member.key] = members.count - 1
        } else if members.count > Self.indexThreshold {
            var built = [String: Int](minimumCapacity: members.count * 2)
            for (offset, element) in members.enumerated() { built[element.key] = offset }
            index = built
        }
    }

    /// Objects are equal when their members are, in order.
    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }

    /// Hashes the members.
    package func hash(into hasher: inout Hasher) { hasher.combine(members) }

    // MARK: - Private

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }
}
