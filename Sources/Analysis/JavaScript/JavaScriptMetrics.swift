/// Measures of one JavaScript file that tell minified code from obfuscated code.
///
/// Minified is about layout: long lines and little whitespace, with ordinary (short) identifiers. Obfuscated is
/// about names and payloads: the share of javascript-obfuscator names (`_0x1a2b`) among all identifiers, a packed
/// `eval(function(p,a,c,k,e,d)...)`, a rotated string array, and strings spelled in escapes. Line length plays no
/// part in the obfuscation measure, so a minified library never reads as obfuscated because it is minified.
public struct JavaScriptMetrics: Sendable, Hashable, Codable {
    /// Bytes in the file.
    public var bytes: Int
    /// Lines in the file.
    public var lines: Int
    /// The longest line, in bytes.
    public var longestLine: Int
    /// The share of bytes on lines of at least `longLine` bytes.
    public var longLineShare: Double
    /// The share of bytes that are spaces, tabs or line breaks.
    public var whitespaceShare: Double
    /// Identifier tokens (keywords excluded).
    public var identifiers: Int
    /// Identifier tokens named like javascript-obfuscator output (`_0x` followed by four or more hex digits).
    public var hexIdentifiers: Int
    /// A packed `eval(function(p,a,c,k,e,...)` was found.
    public var packedEval: Bool
    /// A string-array rotation (`arr.push(arr.shift())` next to a large array of strings) was found.
    public var stringArrayRotation: Bool
    /// String literals whose text is mostly spelled in `\x`/`\u` escapes of plain characters.
    public var escapedStrings: Int

    /// Lines at least this long count as long.
    public static let longLine = 500

    /// The share of `_0x…` names among identifiers.
    public var hexIdentifierShare: Double { identifiers == 0 ? 0 : Double(hexIdentifiers) / Double(identifiers) }

    /// Minified: at least 2 KB, and half of the bytes on long lines or an average line of 300+ bytes.
    public var isMinified: Bool {
        bytes >= 2_048 && (longLineShare >= 0.5 || Double(bytes) / Double(max(lines, 1)) >= 300)
    }

    /// Obfuscated: obfuscator names (see `hasObfuscatedNames`), a packed eval, a rotated string array, or ten or
    /// more escape-spelled strings.
    public var isObfuscated: Bool {
        Self.hasObfuscatedNames(identifiers: identifiers, hexIdentifiers: hexIdentifiers) || packedEval
            || stringArrayRotation || escapedStrings >= 10
    }

    /// Whether obfuscator names are frequent enough to count: at least 5 such identifiers making up at least 5% of
    /// all identifiers, or at least 200 of them whatever the share.
    /// - Parameters:
    ///   - identifiers: Identifier tokens.
    ///   - hexIdentifiers: `_0x…` identifier tokens.
    /// - Returns: Whether the file reads as obfuscated by its names.
    public static func hasObfuscatedNames(identifiers: Int, hexIdentifiers: Int) -> Bool {
        guard identifiers > 0 else { return false }
        return (hexIdentifiers >= 5 && hexIdentifiers * 20 >= identifiers) || hexIdentifiers >= 200
    }

    /// Creates metrics.
    public init(
        bytes: Int = 0, lines: Int = 0, longestLine: Int = 0, longLineShare: Double = 0, whitespaceShare: Double = 0,
        identifiers: Int = 0, hexIdentifiers: Int = 0, packedEval: Bool = false, stringArrayRotation: Bool = false,
        escapedStrings: Int = 0
    ) {
        self.bytes = bytes
        self.lines = lines
        self.longestLine = longestLine
        self.longLineShare = longLineShare
        self.whitespaceShare = whitespaceShare
        self.identifiers = identifiers
        self.hexIdentifiers = hexIdentifiers
        self.packedEval = packedEval
        self.stringArrayRotation = stringArrayRotation
        self.escapedStrings = escapedStrings
    }

    /// The layout measures of some source (bytes, lines, long-line and whitespace shares).
    /// - Parameters:
    ///   - source: The source.
    ///   - whitespace: Whether to count whitespace (`whitespaceShare`; 0 otherwise, as `isMinified` does not use it).
    static func layout(of source: JavaScriptSource, whitespace counting: Bool = true) -> JavaScriptMetrics {
        var metrics = JavaScriptMetrics(bytes: source.bytes.count, lines: source.lineStarts.count)
        var longBytes = 0
        let lineStarts = source.lineStarts
        let byteCount = source.bytes.count
        lineStarts.withUnsafeBufferPointer { starts in
            for index in starts.indices {
                let end = index + 1 < starts.count ? starts[index + 1] : byteCount
                let length = end - starts[index]
                metrics.longestLine = max(metrics.longestLine, length)
                if length >= longLine { longBytes += length }
            }
        }
        var whitespace = 0
        if counting {
            source.bytes.withUnsafeBufferPointer { buffer in
                // Bits 0x09, 0x0A, 0x0D and 0x20 of bytes below 64: branch-free, so the loop vectorises.
                let mask: UInt64 = 0x1_0000_2600
                for byte in buffer {
                    let below64: UInt64 = byte < 64 ? 1 : 0
                    whitespace &+= Int(truncatingIfNeeded: (mask >> UInt64(byte & 63)) & below64)
                }
            }
        }
        let total = Double(max(source.bytes.count, 1))
        metrics.longLineShare = Double(longBytes) / total
        metrics.whitespaceShare = Double(whitespace) / total
        return metrics
    }
}
