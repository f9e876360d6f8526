/// Byte-level path helpers for the common case of an all-ASCII path, where splitting, lowercasing and searching the
/// UTF-8 bytes gives exactly what the `Character`-level `String` operations give (every ASCII byte is one
/// `Character` or part of `\r\n`, and ASCII has no canonical equivalents among other ASCII text). Callers keep their
/// `String` code for any path with a non-ASCII byte.
enum ASCIIPath {
    /// Whether every byte of the strings is ASCII.
    /// - Parameter texts: The strings.
    /// - Returns: Whether all of them are ASCII.
    static func isASCII(_ texts: String...) -> Bool {
        texts.allSatisfy { text in text.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The bytes of an ASCII string with its letters lowercased.
    /// - Parameter bytes: The bytes.
    /// - Returns: The lowercased bytes.
    static func lowered<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Whether `needle` occurs in `haystack`.
    /// - Parameters:
    ///   - haystack: The bytes searched.
    ///   - needle: The ASCII text looked for.
    /// - Returns: Whether it occurs.
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pin in
            guard pin.count <= haystack.count, let first = pin.first else { return pin.isEmpty }
            var index = haystack.startIndex
            let last = haystack.endIndex - pin.count
            while index <= last {
                if haystack[index] == first {
                    var offset = 1
                    while offset < pin.count && haystack[index + offset] == pin[offset] { offset += 1 }
                    if offset == pin.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether `bytes` end with `suffix`.
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - suffix: The ASCII text.
    /// - Returns: Whether they end with it.
    static func hasSuffix(_ bytes: ArraySlice<UInt8>, _ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { tail in
            tail.count <= bytes.count && bytes.suffix(tail.count).elementsEqual(tail)
        }
    }

    /// Whether `bytes` start with `prefix`.
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - prefix: The ASCII text.
    /// - Returns: Whether they start with it.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { head in
            head.count <= bytes.count && bytes.prefix(head.count).elementsEqual(head)
        }
    }

    /// The text of some ASCII bytes.
    /// - Parameter bytes: The bytes.
    /// - Returns: The string.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
