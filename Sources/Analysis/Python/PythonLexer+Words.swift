/// Skipping runs of ordinary bytes eight at a time (comments, string bodies).
extension PythonLexerState {
    /// The first offset from `start` whose eight-byte word may hold one of four bytes: whole words holding none of
    /// them are skipped (a word is only read when all its bytes are before `n`). The caller's byte loop then looks
    /// at the byte itself, so this only saves work, never changes a result.
    @inline(__always)
    func skipWords(from start: Int, _ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) -> Int {
        guard let base = b.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let (a, b2) = (ones &* UInt64(first), ones &* UInt64(second))
        let (c, d) = (ones &* UInt64(third), ones &* UInt64(fourth))
        var cursor = start
        while cursor + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
            // A byte of `word ^ x` is zero where the word holds that byte; `(v - ones) & ~v & highs` is non-zero
            // exactly when some byte of `v` is zero.
            let (va, vb, vc, vd) = (word ^ a, word ^ b2, word ^ c, word ^ d)
            let hits = ((va &- ones) & ~va) | ((vb &- ones) & ~vb) | ((vc &- ones) & ~vc) | ((vd &- ones) & ~vd)
            if hits & highs != 0 { return cursor }
            cursor += 8
        }
        return cursor
    }
}

/// Skipping runs of spaces eight at a time (indentation).
extension PythonLexerState {
    /// The first offset from `start` that is not a space (`n` when the rest is spaces): whole words of spaces are
    /// skipped, then the first other byte of a word is found from its lowest non-zero byte after `^ 0x20…`.
    @inline(__always)
    func spacesEnd(from start: Int) -> Int {
        var cursor = start
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while cursor + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                let others = word ^ 0x2020_2020_2020_2020
                if others != 0 { return cursor + others.trailingZeroBitCount >> 3 }
                cursor += 8
            }
        }
        while cursor < n && b[cursor] == 0x20 { cursor += 1 }
        return cursor
    }
}

/// Reading names eight bytes at a time.
extension PythonLexerState {
    /// The end of the name whose first byte is at `start`, and whether all its bytes are ASCII: the bytes that
    /// continue a name (`isIdentifierByte`) are found eight at a time while a whole word lies before `n`, then one
    /// by one.
    @inline(__always)
    func identifierEnd(from start: Int) -> (end: Int, ascii: Bool) {
        var cursor = start
        var high: UInt64 = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while cursor + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                let stops = PythonLexerState.nonIdentifierBytes(word)
                if stops != 0 {
                    // The bytes below the first stop (the word is little-endian: the first byte is lowest).
                    let below = (stops & (0 &- stops)) &- 1
                    high |= word & below
                    cursor += stops.trailingZeroBitCount >> 3
                    return (cursor, high & 0x8080_8080_8080_8080 == 0)
                }
                high |= word
                cursor += 8
            }
        }
        var highByte: UInt8 = high & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80  // whole words read before any stop
        while cursor < n {
            let c = b[cursor]
            guard PythonLexerState.isIdentifierByte(c) else { break }
            highByte |= c
            cursor += 1
        }
        return (cursor, highByte < 0x80)
    }

    /// The high bit of each byte of `word` that does not continue a name: not an ASCII letter, digit or `_`, and
    /// below 0x80 (each test is on the low seven bits, where adding a constant carries into no other byte).
    @inline(__always)
    static func nonIdentifierBytes(_ word: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & lows
        // A byte `v` (below 0x80) is at least `lo` when `v + (0x80 - lo)` has its high bit set, and at most `hi`
        // when `v + (0x7F - hi)` has it clear.
        let digit = (low &+ ones &* (0x80 - 0x30)) & ~(low &+ ones &* (0x7F - 0x39))
        let folded = low | (ones &* 0x20)
        let letter = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x7F - 0x7A))
        let other = low ^ (ones &* 0x5F)  // zero where the byte is `_`
        let underscore = ~((other &+ lows) | other)
        return ~(word | digit | letter | underscore) & highs
    }
}

/// Operator codes without a table lookup.
extension PythonLexerState {
    /// The code of a one-byte operator or bracket (as `PythonCode.of(.op, _:)` of that byte).
    @inline(__always)
    static func singleByteOperatorCode(_ c: UInt8) -> PythonCode {
        switch c {
        case 0x28: return .lparen
        case 0x29: return .rparen
        case 0x5B: return .lbracket
        case 0x5D: return .rbracket
        case 0x7B: return .lbrace
        case 0x7D: return .rbrace
        case 0x2C: return .comma
        case 0x3A: return .colon
        case 0x3B: return .semicolon
        case 0x2E: return .dot
        case 0x3D: return .assign
        case 0x40: return .at
        case 0x2B: return .plus
        case 0x2D: return .minus
        case 0x2A: return .star
        case 0x2F: return .slash
        case 0x25: return .percent
        case 0x26: return .ampersand
        case 0x7C: return .pipe
        case 0x5E: return .caret
        case 0x7E: return .tilde
        case 0x3C: return .less
        case 0x3E: return .greater
        case 0x21: return .bang
        default: return .none
        }
    }
}
