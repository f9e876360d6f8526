import Foundation

/// A JSON value that keeps object members in document order and the position of every value, for package.json:
/// install hooks are reported at their line, and `exports`/`bin` are walked in the order the author wrote them.
indirect enum MetadataJSON: Sendable, Hashable {
    case object([Member])
    case array([MetadataJSON])
    case string(String, Position)
    case other(Position)

    /// A 1-based line and column (in bytes).
    struct Position: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    /// One object member.
    struct Member: Sendable, Hashable {
        var key: String
        var keyPosition: Position
        var value: MetadataJSON
    }

    /// Deepest nesting read; deeper documents are not parsed.
    static let maxDepth = 128

    /// Parses a document; `nil` when it is not JSON or nests deeper than ``maxDepth``.
    static func parse(_ data: Data) -> MetadataJSON? {
        var parser = Parser(bytes: Array(data))
        parser.skipBOM()
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    /// The member named `key`, for objects.
    subscript(key: String) -> MetadataJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The member named `key` with its key's position, for objects.
    func member(_ key: String) -> Member? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }
    }

    /// The string value, for strings.
    var string: String? {
        if case .string(let value, _) = self { return value }
        return nil
    }

    /// Every string leaf in document order (depth-first), at most `limit`.
    func strings(limit: Int = 1_000) -> [String] {
        var result: [String] = []
        var stack: [MetadataJSON] = [self]
        while let value = stack.popLast(), result.count < limit {
            switch value {
            case .string(let text, _): result.append(text)
            case .object(let members): stack += members.reversed().map(\.value)
            case .array(let items): stack += items.reversed()
            case .other: break
            }
        }
        return result
    }
}

// MARK: - Private

private struct Parser {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    mutating func skipBOM() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var position: MetadataJSON.Position { .init(line: line, column: index - lineStart + 1) }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                line += 1
                index += 1
                lineStart = index
            case 0x20, 0x09, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> MetadataJSON? {
        guard depth < MetadataJSON.maxDepth else { return nil }
        skipSpace()
        guard index < bytes.count else { return nil }
        let start = position
        switch bytes[index] {
        case 0x7B:
            index += 1
            var members: [MetadataJSON.Member] = []
            skipSpace()
            if index < bytes.count && bytes[index] == 0x7D { index += 1; return .object(members) }
            while true {
                skipSpace()
                let keyPosition = position
                guard let key = string(), consume(0x3A), let value = value(depth: depth + 1) else { return nil }
                members.append(.init(key: key, keyPosition: keyPosition, value: value))
                skipSpace()
                if consume(0x2C) { continue }
                return consume(0x7D) ? .object(members) : nil
            }
        case 0x5B:
            index += 1
            var items: [MetadataJSON] = []
            skipSpace()
            if index < bytes.count && bytes[index] == 0x5D { index += 1; return .array(items) }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                if consume(0x2C) { continue }
                return consume(0x5D) ? .array(items) : nil
            }
        case 0x22:
            return string().map { .string($0, start) }
        default:
            let literalStart = index
            while index < bytes.count, !([0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09] as [UInt8]).contains(bytes[index]) {
                index += 1
            }
            return index > literalStart ? .other(start) : nil
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: return String(decoding: output, as: UTF8.self)
            case 0x5C:
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x6E: output.append(0x0A)
                case 0x74: output.append(0x09)
                case 0x72: output.append(0x0D)
                case 0x62: output.append(0x08)
                case 0x66: output.append(0x0C)
                case 0x75:
                    guard let scalar = unicodeEscape() else { return nil }
                    output += Array(String(Character(scalar)).utf8)
                default: output.append(escape)
                }
            case 0x0A: return nil
            default: output.append(byte)
            }
        }
        return nil
    }

    /// `\uXXXX`, with a following low surrogate when the first is a high one; lone surrogates become U+FFFD.
    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
            index += 2
            guard let low = hex4() else { return nil }
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count,
            let value = UInt32(
                String(decoding: bytes[index..<index + 4], as: UTF8.self),
                radix: 16)
        else { return nil }
        index += 4
        return value
    }
}
