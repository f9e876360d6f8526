/// Byte-level helpers for the string signals: ASCII lowercasing and substring search without Foundation (whose
/// `String.contains` is slow on Linux), so a check over a short string costs nanoseconds.
enum ByteSearch {
    /// The string's UTF-8 bytes with ASCII letters lowercased, at most `limit` of them.
    static func lowered(_ text: String, limit: Int = .max) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            let source = UnsafeBufferPointer(rebasing: utf8.prefix(limit))
            return [UInt8](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                for index in source.indices {
                    let byte = source[index]
                    buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                initialized = source.count
            }
        }
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

/// A list of markers bucketed by first byte, so one pass over a string checks them all.
///
/// A table of the markers' first two bytes (every pair a marker can start with) skips most positions without
/// touching the buckets.
struct MarkerSet: Sendable {
    private let buckets: [[[UInt8]]]
    private let pairs: BytePairs

    /// Buckets the markers.
    init(_ markers: [String]) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        var pairs = BytePairs()
        for marker in markers {
            let bytes = Array(marker.utf8)
            if let first = bytes.first { buckets[Int(first)].append(bytes) }
            pairs.insert(bytes)
        }
        self.buckets = buckets
        self.pairs = pairs
    }

    /// Whether any marker occurs in the bytes.
    func occurs(in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { hay in
            let count = hay.count
            guard count > 0 else { return false }
            return pairs.words.withUnsafeBufferPointer { words in
                for index in 0..<count {
                    if index + 1 < count && !BytePairs.contains(words, hay[index], hay[index + 1]) { continue }
                    let bucket = buckets[Int(hay[index])]
                    guard !bucket.isEmpty else { continue }
                    for marker in bucket where marker.count <= count - index {
                        var offset = 1
                        while offset < marker.count && hay[index + offset] == marker[offset] { offset += 1 }
                        if offset == marker.count { return true }
                    }
                }
                return false
            }
        }
    }
}

/// Marker lists tagged by family and bucketed by first byte: one pass over a string tells which families occur.
struct TaggedMarkerSet: Sendable {
    private let buckets: [[(marker: [UInt8], tag: UInt16)]]
    private let pairs: BytePairs

    /// Buckets the markers of each (tag, markers) family; tags are bit positions below 16.
    init(_ families: [(UInt16, [String])]) {
        var buckets = [[(marker: [UInt8], tag: UInt16)]](repeating: [], count: 256)
        var pairs = BytePairs()
        for (tag, markers) in families {
            for marker in markers {
                let bytes = Array(marker.utf8)
                if let first = bytes.first { buckets[Int(first)].append((bytes, tag)) }
                pairs.insert(bytes)
            }
        }
        self.buckets = buckets
        self.pairs = pairs
    }

    /// The bit set (`1 << tag`) of the families with a marker in the bytes.
    func tags(in haystack: [UInt8]) -> UInt16 {
        haystack.withUnsafeBufferPointer { hay in
            var found: UInt16 = 0
            let count = hay.count
            guard count > 0 else { return 0 }
            pairs.words.withUnsafeBufferPointer { words in
                for index in 0..<count {
                    if index + 1 < count && !BytePairs.contains(words, hay[index], hay[index + 1]) { continue }
                    let bucket = buckets[Int(hay[index])]
                    guard !bucket.isEmpty else { continue }
                    for (marker, tag) in bucket where found & (1 << tag) == 0 && marker.count <= count - index {
                        var offset = 1
                        while offset < marker.count && hay[index + offset] == marker[offset] { offset += 1 }
                        if offset == marker.count { found |= 1 << tag }
                    }
                }
            }
            return found
        }
    }
}

// MARK: - Private

/// The set of two-byte pairs markers start with (65,536 bits); a one-byte marker admits every pair it starts.
private struct BytePairs: Sendable {
    var words = [UInt64](repeating: 0, count: 1_024)

    /// Admits the pair(s) a marker starts with.
    mutating func insert(_ marker: [UInt8]) {
        guard let first = marker.first else { return }
        let seconds: [UInt8] = marker.count >= 2 ? [marker[1]] : Array(0...255)
        for second in seconds {
            let key = Int(first) << 8 | Int(second)
            words[key >> 6] |= 1 << UInt64(key & 63)
        }
    }

    /// Whether a marker can start with the pair.
    @inline(__always)
    static func contains(_ words: UnsafeBufferPointer<UInt64>, _ first: UInt8, _ second: UInt8) -> Bool {
        let key = Int(first) << 8 | Int(second)
        return words[key >> 6] & (1 << UInt64(key & 63)) != 0
    }
}
