import LockgateCore

/// One TOML value with the 1-based line and column where it starts.
package struct TOMLValue: Sendable, Hashable {
    /// What the value is.
    package enum Kind: Sendable, Hashable {
        /// A basic, literal or multi-line string, escapes resolved.
        case string(String)
        /// A 64-bit integer (decimal, hexadecimal, octal or binary in the source).
        case integer(Int64)
        /// A float, including `inf` and `nan`.
        case float(Double)
        /// `true` or `false`.
        case boolean(Bool)
        /// An offset or local date-time, a local date or a local time, kept as written.
        case dateTime(String)
        /// An array (a static array, or an array of tables).
        case array([TOMLValue])
        /// A table (a `[header]` table, a dotted-key table or an inline table).
        case table(TOMLTable)
    }

    /// What the value is.
    package var kind: Kind
    /// Where the value starts: its first character, or the `[`/`[[` of a table's header.
    package var location: SourceLocation

    /// Creates a value.
    /// - Parameters:
    ///   - kind: What the value is.
    ///   - location: Where it starts.
    package init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The string, when the value is a string.
    package var string: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    /// The integer, when the value is an integer.
    package var integer: Int64? {
        if case .integer(let value) = kind { return value }
        return nil
    }

    /// The float, when the value is a float.
    package var float: Double? {
        if case .float(let value) = kind { return value }
        return nil
    }

    /// The boolean, when the value is a boolean.
    package var boolean: Bool? {
        if case .boolean(let value) = kind { return value }
        return nil
    }

    /// The date-time text, when the value is a date, time or date-time.
    package var dateTime: String? {
        if case .dateTime(let value) = kind { return value }
        return nil
    }

    /// The elements, when the value is an array.
    package var array: [TOMLValue]? {
        if case .array(let value) = kind { return value }
        return nil
    }

    /// The table, when the value is a table.
    package var table: TOMLTable? {
        if case .table(let value) = kind { return value }
        return nil
    }

    /// The kind's name with its article, as error messages say it (`a string`, `an integer`, ...).
    package var typeDescription: String {
        switch kind {
        case .integer, .array: "an \(typeName)"
        default: "a \(typeName)"
        }
    }

    /// The kind's name as error messages say it (`string`, `integer`, `array`, `table`, ...).
    package var typeName: String {
        switch kind {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime: "date-time"
        case .array: "array"
        case .table: "table"
        }
    }
}
