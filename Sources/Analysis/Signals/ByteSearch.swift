/// Byte-level helpers for the string signals: ASCII lowercasing and substring search without Foundation (whose
/// `String.contains` is slow on Linux), so a check over a short string costs nanoseconds.
enum ByteSearch {
    /// The string's UTF-8 bytes with ASCII letters lowercased, at most `limit` of them.
    static func lowered(_ text: String, limit: Int = .max) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, limit))
        for byte in text.utf8.prefix(limit) { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return bytes
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack, from: 0) != nil
    }

    /// Whether any needle occurs in `haystack`.
    static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    /// The first offset at or after `start` where `needle` occurs.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        let count = needle.count
        guard count > 0, haystack.count - start >= count, let first = needle.first else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var index = start
                let last = hay.count - count
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < count && hay[index + offset] == pin[offset] { offset += 1 }
                        if offset == count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// Byte arrays of strings (for marker lists).
    static func table(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }
}
