import Foundation

extension SourceShape {
    /// Whether a file is minified: exactly `measure(data).isMinified`, decided without the identifier scan.
    ///
    /// The full measure walks every byte through its class table and scans identifiers, which the minified verdict
    /// does not need: it reads only the byte count, the bytes on long lines and the whitespace count. Here a
    /// `memchr` walk over the line breaks comes first and stops as soon as too few bytes are left to fill half the
    /// file with long lines (most files); only files with enough long lines get the branch-free whitespace count.
    /// The full measure differs from these plain counts only after a backslash, whose next byte it skips (a skipped
    /// line break joins two lines, a skipped space is not counted): a line break after a backslash, or a verdict
    /// that a backslash before a space could change, goes through `measure`, so both answers always agree.
    /// - Parameter data: The file's bytes.
    /// - Returns: Whether the file is minified.
    public static func isMinified(_ data: Data) -> Bool {
        guard data.count >= 2_000 else { return false }
        let verdict: Bool? = data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard let base = buffer.baseAddress else { return false }
            return minifiedLayout(base, count: buffer.count)
        }
        return verdict ?? measure(data).isMinified
    }

    /// The minified verdict of `count` (at least 2,000) bytes, or nil when a backslash could change it.
    private static func minifiedLayout(_ base: UnsafePointer<UInt8>, count: Int) -> Bool? {
        let start = UnsafeRawPointer(base)
        var bytesOnLongLines = 0
        var lineStart = 0
        while lineStart < count {
            // Lines already measured are final; the rest can add at most its own length.
            if (bytesOnLongLines + count - lineStart) * 2 < count { return false }
            let found = memchr(start + lineStart, 0x0A, count - lineStart)
            let lineEnd = found.map { start.distance(to: UnsafeRawPointer($0)) } ?? count
            if lineEnd < count && lineEnd > 0 && base[lineEnd - 1] == 0x5C { return nil }
            let length = lineEnd - lineStart
            if length >= longLine { bytesOnLongLines += length }
            lineStart = lineEnd + 1
        }
        guard bytesOnLongLines * 2 >= count else { return false }
        // Bits 0x09, 0x0A, 0x0D and 0x20 of bytes below 64: branch-free, so the loop vectorises.
        let mask: UInt64 = 0x1_0000_2600
        var whitespace = 0
        for index in 0..<count {
            let byte = base[index]
            let below64: UInt64 = byte < 64 ? 1 : 0
            whitespace &+= Int(truncatingIfNeeded: (mask >> UInt64(byte & 63)) & below64)
        }
        if whitespace * 100 < count * 15 { return true }
        // Skipped spaces would only lower the count: the verdict stands unless a backslash precedes whitespace.
        for index in 1..<count where base[index - 1] == 0x5C {
            let byte = base[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { return nil }
        }
        return false
    }
}
