/// A JSON document built in memory and written in the same layout `JSONOutput` gives through `JSONEncoder`
/// (sorted keys, two-space indent, `"key" : value`, slashes unescaped, a newline at the end), but several times
/// faster: `lockgate list` writes thousands of packages and must stay well under its 100 ms budget.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Members in any order; they are written sorted by key.
    case object([(String, JSONValue)])

    /// The value, or `nil` when absent (the member is then left out of its object).
    /// - Parameter string: An optional string.
    /// - Returns: `.string` or nil.
    static func optional(_ string: String?) -> JSONValue? {
        string.map(JSONValue.string)
    }

    /// An object from members whose nil values are omitted.
    /// - Parameter members: Key and optional value pairs.
    /// - Returns: The object.
    static func object(omittingNil members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The UTF-8 text of the document, ending in a newline.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.bytes == rhs.bytes
    }

    // MARK: - Private

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let string): Self.writeString(string, to: &out)
        case .int(let int): out.append(contentsOf: String(int).utf8)
        case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            Self.writeMembers(elements.map { (nil, $0) }, to: &out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            Self.writeMembers(sorted.map { ($0.0, $0.1) }, to: &out, indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Writes container members in `JSONEncoder`'s pretty layout; an empty container is a blank line.
    private static func writeMembers(_ members: [(String?, JSONValue)], to out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        if members.isEmpty {
            out.append(0x0A)
        }
        for (index, member) in members.enumerated() {
            writeIndent(indent + 2, to: &out)
            if let key = member.0 {
                writeString(key, to: &out)
                out.append(contentsOf: " : ".utf8)
            }
            member.1.write(to: &out, indent: indent + 2)
            if index < members.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        writeIndent(indent, to: &out)
    }

    private static func writeIndent(_ count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Fast path: most strings need no escaping and are copied in one go.
        let needsEscape: (UInt8) -> Bool = { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        let escapes =
            string.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) }
            ?? string.utf8.contains(where: needsEscape)
        if !escapes {
            out.append(contentsOf: string.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
