import LockgateCore

/// One parsed JSON value with the 1-based line and column where it starts.
package struct JSONNode: Sendable, Hashable {
    /// The value.
    package var value: JSONValue
    /// Where the value's first character is.
    package var location: SourceLocation

    /// Creates a node.
    /// - Parameters:
    ///   - value: The value.
    ///   - location: Where the value starts.
    package init(_ value: JSONValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The object, when the value is an object.
    package var object: JSONObject? {
        if case .object(let object) = value { object } else { nil }
    }

    /// The elements, when the value is an array.
    package var array: [JSONNode]? {
        if case .array(let elements) = value { elements } else { nil }
    }

    /// The text, when the value is a string.
    package var string: String? {
        if case .string(let text) = value { text } else { nil }
    }

    /// The truth value, when the value is a boolean.
    package var bool: Bool? {
        if case .bool(let flag) = value { flag } else { nil }
    }

    /// Whether the value is `null`.
    package var isNull: Bool {
        if case .null = value { true } else { false }
    }

    /// The number's literal text, when the value is a number.
    package var numberLiteral: String? {
        if case .number(let literal) = value { literal } else { nil }
    }

    /// The number as an integer, when the value is a number with an integral value that fits in `Int`.
    package var integer: Int? {
        guard let literal = numberLiteral else { return nil }
        if let exact = Int(literal) { return exact }
        guard let double = Double(literal), double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    /// The kind of value with its article, for messages: "an object", "a string", "null", ...
    package var kindDescription: String { value.kindDescription }
}

/// A JSON value (RFC 8259). Numbers keep their literal text so no precision is lost.
package enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// The literal text of the number, exactly as written (already checked against the RFC 8259 grammar).
    case number(String)
    /// A string, escapes decoded.
    case string(String)
    /// An array's elements in order.
    case array([JSONNode])
    /// An object's members.
    case object(JSONObject)

    /// The kind of value with its article, for messages: "an object", "a string", "null", ...
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
