/// Decodes the escapes of JavaScript string and template text (`\n`, `\xHH`, `\uHHHH`, `\u{H...}`, surrogate
/// pairs, line continuations).
enum JavaScriptEscapes {
    /// Decodes escapes.
    /// - Parameter raw: The text between the quotes.
    /// - Returns: The value, and how many escapes stood for printable ASCII (letters, digits, punctuation).
    static func decode(_ raw: ArraySlice<UInt8>) -> (value: String, plainEscapes: Int) {
        var plain = 0
        // Every escape is at least as long as the UTF-8 it stands for, so the value fits in the raw text's length;
        // `Writer` checks each write all the same. Decoding straight into the string's storage costs no
        // intermediate array and no string per escape.
        let value = String(unsafeUninitializedCapacity: raw.count) { buffer in
            var writer = Writer(buffer: buffer)
            plain = decode(raw, into: &writer)
            return writer.count
        }
        return (value, plain)
    }

    /// Whether a cooked value hides plain text in escapes: at least three escapes of printable ASCII that make up
    /// at least half of its characters (`'\x72\x65\x71uire'`).
    static func hidesText(plainEscapes: Int, valueLength: Int) -> Bool {
        plainEscapes >= 3 && plainEscapes * 2 >= valueLength
    }

    // MARK: - Private

    /// Writes decoded UTF-8 into a buffer, dropping what would not fit (nothing does: see `decode`).
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func append(_ byte: UInt8) {
            guard count < buffer.count else { return }
            buffer[count] = byte
            count += 1
        }

        /// Appends a scalar's UTF-8 (U+FFFD for a surrogate or a value beyond U+10FFFF, as `Unicode.Scalar` has it).
        mutating func append(scalar value: UInt32) {
            switch value {
            case 0..<0x80:
                append(UInt8(value))
            case 0x80..<0x800:
                append(UInt8(0xC0 | value >> 6))
                append(UInt8(0x80 | value & 0x3F))
            case 0xD800...0xDFFF, 0x110000...:
                append(0xEF)
                append(0xBF)
                append(0xBD)
            case 0x800..<0x10000:
                append(UInt8(0xE0 | value >> 12))
                append(UInt8(0x80 | value >> 6 & 0x3F))
                append(UInt8(0x80 | value & 0x3F))
            default:
                append(UInt8(0xF0 | value >> 18))
                append(UInt8(0x80 | value >> 12 & 0x3F))
                append(UInt8(0x80 | value >> 6 & 0x3F))
                append(UInt8(0x80 | value & 0x3F))
            }
        }
    }

    /// Decodes escapes into a writer; returns how many escapes stood for printable ASCII.
    private static func decode(_ raw: ArraySlice<UInt8>, into out: inout Writer) -> Int {
        var plain = 0
        var index = raw.startIndex
        var pendingHigh: UInt32?
        func byte(_ offset: Int) -> UInt8 { offset < raw.endIndex ? raw[offset] : 0 }
        func appendScalar(_ value: UInt32) {
            if (0xD800...0xDBFF).contains(value) {
                pendingHigh = value
                return
            }
            var code = value
            if let high = pendingHigh, (0xDC00...0xDFFF).contains(value) {
                code = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
            }
            pendingHigh = nil
            if code >= 0x21 && code < 0x7F { plain += 1 }
            out.append(scalar: code)
        }
        while index < raw.endIndex {
            let c = raw[index]
            guard c == UInt8(ascii: "\\"), index + 1 < raw.endIndex else {
                out.append(c)
                index += 1
                continue
            }
            let e = raw[index + 1]
            index += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "0") where !isDigit(byte(index)): out.append(0)
            case 0x0A: break
            case 0x0D: if byte(index) == 0x0A { index += 1 }
            case UInt8(ascii: "x"):
                if let value = hex(raw, from: index, count: 2) {
                    appendScalar(value)
                    index += 2
                } else {
                    out.append(e)
                }
            case UInt8(ascii: "u"):
                if byte(index) == UInt8(ascii: "{"),
                    let close = raw[index...].prefix(10).firstIndex(of: UInt8(ascii: "}")),
                    let value = hex(raw, from: index + 1, count: close - index - 1)
                {
                    appendScalar(value)
                    index = close + 1
                } else if let value = hex(raw, from: index, count: 4) {
                    appendScalar(value)
                    index += 4
                } else {
                    out.append(e)
                }
            default: out.append(e)
            }
        }
        return plain
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func hex(_ raw: ArraySlice<UInt8>, from start: Int, count: Int) -> UInt32? {
        guard count > 0, count <= 6, start + count <= raw.endIndex else { return nil }
        var value: UInt32 = 0
        for offset in start..<start + count {
            let c = raw[offset]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            value = value * 16 + UInt32(digit)
        }
        return value
    }
}
