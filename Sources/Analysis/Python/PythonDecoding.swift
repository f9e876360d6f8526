import Foundation

/// The decoders constant folding applies: base64, hex, rot13, Latin-1 bytes, `%` formatting.
enum PythonDecoding {
    /// Decodes base64 (standard or URL-safe alphabet, whitespace ignored, padding optional).
    static func base64(_ text: String) -> [UInt8]? {
        // Cleaned on the UTF-8 bytes: the replaced and dropped characters are ASCII, every other byte is kept, so
        // the bytes stay valid UTF-8 and make the same string as cleaning scalar by scalar. Written straight into
        // the array's storage: at most every byte plus three `=`, the capacity.
        var source = text
        let cleaned = source.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: utf8.count + 3) { buffer, initialized in
                var count = 0
                for byte in utf8 {
                    switch byte {
                    case 0x2D: buffer[count] = 0x2B  // - to +
                    case 0x5F: buffer[count] = 0x2F  // _ to /
                    case 0x20, 0x0A, 0x0D, 0x09: continue
                    default: buffer[count] = byte
                    }
                    count += 1
                }
                while count % 4 != 0 {
                    buffer[count] = 0x3D
                    count += 1
                }
                initialized = count
            }
        }
        guard let data = Data(base64Encoded: String(decoding: cleaned, as: UTF8.self)) else { return nil }
        return [UInt8](unsafeUninitializedCapacity: data.count) { buffer, count in count = data.copyBytes(to: buffer) }
    }

    /// Decodes hexadecimal digits (whitespace ignored, as `bytes.fromhex` does).
    static func hex(_ text: String) -> [UInt8]? {
        var source = text
        return source.withUTF8 { utf8 in
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count / 2)
            var high: UInt8?
            for byte in utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { continue }
                guard let digit = PythonLexerState.hexValue(byte) else { return nil }
                if let value = high {
                    result.append(value << 4 | digit)
                    high = nil
                } else {
                    high = digit
                }
            }
            return high == nil ? result : nil
        }
    }

    /// Applies rot13 to ASCII letters.
    static func rot13(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { bytes[index] = (byte - 0x41 + 13) % 26 + 0x41 }
            if byte >= 0x61 && byte <= 0x7A { bytes[index] = (byte - 0x61 + 13) % 26 + 0x61 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A bytes value (Latin-1 scalars) as its bytes, or nil when a scalar is above 255.
    static func latin1Bytes(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            result.append(UInt8(scalar.value))
        }
        return result
    }

    /// Bytes as a bytes value (each byte as the Unicode scalar of the same number).
    static func latin1String(_ bytes: some Collection<UInt8>) -> String {
        // The UTF-8 of each scalar, written straight into the string's storage: one byte below 0x80, two from 0x80
        // to 0xFF (at most twice the count, the capacity).
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var count = 0
            for byte in bytes {
                if byte < 0x80 {
                    buffer[count] = byte
                    count += 1
                } else {
                    buffer[count] = 0xC0 | byte >> 6
                    buffer[count + 1] = 0x80 | byte & 0x3F
                    count += 2
                }
            }
            return count
        }
    }

    /// `template % arguments` for `%s`, `%r`, `%d`, `%i` and `%%`; nil when a directive is not understood.
    static func percentFormat(_ template: String, _ arguments: [String]) -> String? {
        var result = ""
        var iterator = template.makeIterator()
        var index = 0
        while let character = iterator.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let directive = iterator.next() else { return nil }
            switch directive {
            case "%": result.append("%")
            case "s", "r", "d", "i":
                guard index < arguments.count else { return nil }
                result += arguments[index]
                index += 1
            default: return nil
            }
        }
        return index == arguments.count ? result : nil
    }

    /// `template.format(arguments)` for `{}` and `{0}` fields; nil otherwise.
    static func braceFormat(_ template: String, _ arguments: [String]) -> String? {
        let characters = Array(template)
        var result = ""
        var index = 0
        var next = 0
        while index < characters.count {
            let character = characters[index]
            let following: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if (character == "{" || character == "}") && following == character {
                result.append(character)
                index += 2
                continue
            }
            guard character == "{" else {
                result.append(character)
                index += 1
                continue
            }
            guard let close = characters[index...].firstIndex(of: "}") else { return nil }
            let field = String(characters[(index + 1)..<close])
            guard let position = field.isEmpty ? next : Int(field), position < arguments.count else { return nil }
            result += arguments[position]
            next += 1
            index = close + 1
        }
        return result
    }
}
