import Foundation

/// Substring search and splitting over UTF-8 bytes for the folder's hot paths, with exactly Foundation's answers.
///
/// Foundation compares strings by characters (`"\r\n"` is one character, `"e\u{301}"` matches only itself), so the
/// byte-level fast paths run only where bytes and characters agree: ASCII text, and no CR/LF pair a byte match could
/// cut in two. Anything else goes to Foundation.
enum JavaScriptText {
    /// Whether a string is all ASCII.
    static func isASCII(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in
            var index = 0, high: UInt8 = 0
            while index < buffer.count {
                high |= buffer[index]
                index += 1
            }
            return high < 0x80
        }
    }

    /// A string as a dictionary key that hashes in constant time (its length and ends), for long strings looked up
    /// again and again; equal keys are equal strings (the same storage compares in constant time too).
    struct Key: Hashable, Sendable {
        /// The string.
        let text: String

        /// Wraps a string.
        init(_ text: String) {
            self.text = text
        }

        /// Hashes the length and the first and last 32 bytes.
        func hash(into hasher: inout Hasher) {
            let bytes = text.utf8
            hasher.combine(bytes.count)
            for byte in bytes.prefix(32) { hasher.combine(byte) }
            for byte in bytes.suffix(32) { hasher.combine(byte) }
        }
    }

    /// A string prepared for many searches: what decides the fast path is measured once.
    struct Haystack: Sendable {
        /// The string.
        let text: String
        /// Whether it is all ASCII.
        let isASCII: Bool
        /// Whether it contains a CR.
        let hasCR: Bool

        /// Prepares a string.
        init(_ text: String) {
            self.text = text
            var copy = text
            (isASCII, hasCR) = copy.withUTF8 { buffer in
                var high: UInt8 = 0, carriageReturn = false
                for byte in buffer {
                    high |= byte
                    if byte == 0x0D { carriageReturn = true }
                }
                return (high < 0x80, carriageReturn)
            }
        }

        /// Whether the string contains `needle` (Foundation's `contains`).
        func contains(_ needle: String) -> Bool {
            let pattern = Array(needle.utf8)
            guard isASCII, !pattern.isEmpty, pattern.allSatisfy({ $0 < 0x80 }),
                !hasCR || !pattern.contains(where: { $0 == 0x0D || $0 == 0x0A })
            else { return text.contains(needle) }
            var haystack = text
            return haystack.withUTF8 { firstMatch(of: pattern, in: $0, from: 0) != nil }
        }
    }

    /// Whether `text` contains `needle` (Foundation's `contains`).
    static func contains(_ text: String, _ needle: String) -> Bool {
        guard isASCII(text), isASCII(needle), fits(needle, in: text) else { return text.contains(needle) }
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return text.contains(needle) }
        var haystack = text
        return haystack.withUTF8 { firstMatch(of: pattern, in: $0, from: 0) != nil }
    }

    /// Whether `text` contains any of some needles (Foundation's `contains` on each).
    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        guard isASCII(text), needles.allSatisfy({ isASCII($0) && !$0.isEmpty && fits($0, in: text) }) else {
            return needles.contains { text.contains($0) }
        }
        var haystack = text
        return haystack.withUTF8 { buffer in
            needles.contains { firstMatch(of: Array($0.utf8), in: buffer, from: 0) != nil }
        }
    }

    /// `text.components(separatedBy: separator)` (Foundation's), for a non-empty separator.
    static func split(_ text: String, separator: String) -> [String] {
        guard !separator.isEmpty, isASCII(text), isASCII(separator), fits(separator, in: text) else {
            return text.components(separatedBy: separator)
        }
        let pattern = Array(separator.utf8)
        var haystack = text
        return haystack.withUTF8 { buffer in
            var parts: [String] = []
            var start = 0
            while let match = firstMatch(of: pattern, in: buffer, from: start) {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<match]), as: UTF8.self))
                start = match + pattern.count
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self))
            return parts
        }
    }

    // MARK: - Private

    /// Whether a byte match of `needle` in ASCII `text` is a character match: it cannot split a CR LF pair when the
    /// text has no CR, or when the needle has neither CR nor LF.
    private static func fits(_ needle: String, in text: String) -> Bool {
        !needle.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) || !text.utf8.contains(0x0D)
    }

    /// The offset of the first occurrence of a non-empty pattern at or after `from`: a direct scan for short
    /// patterns, Knuth-Morris-Pratt (linear whatever the input) for long ones.
    private static func firstMatch(of pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first, buffer.count >= pattern.count else { return nil }
        if pattern.count > 16 { return knuthMorrisPratt(pattern, in: buffer, from: from) }
        let last = buffer.count - pattern.count
        var index = from
        while index <= last {
            if buffer[index] == first {
                var offset = 1
                while offset < pattern.count && buffer[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    private static func knuthMorrisPratt(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var failure = [Int](repeating: 0, count: pattern.count)
        var length = 0
        for index in 1..<pattern.count {
            while length > 0 && pattern[index] != pattern[length] { length = failure[length - 1] }
            if pattern[index] == pattern[length] { length += 1 }
            failure[index] = length
        }
        var matched = 0
        var index = from
        while index < buffer.count {
            while matched > 0 && buffer[index] != pattern[matched] { matched = failure[matched - 1] }
            if buffer[index] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return index + 1 - pattern.count }
            index += 1
        }
        return nil
    }
}
