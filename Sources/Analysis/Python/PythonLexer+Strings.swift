/// String literals, f-string literal parts and escape sequences.
extension PythonLexerState {
    /// Lexes a string literal whose opening quote is at `pos` (the prefix, if any, starts at `prefixStart`).
    mutating func lexString(prefixStart: Int, raw: Bool, bytes: Bool, formatted: Bool) {
        let quote = b[pos]
        let triple = pos + 2 < n && b[pos + 1] == quote && b[pos + 2] == quote
        let startLine = line
        let startBase = columnBase
        pos += triple ? 3 : 1
        if formatted && modes.count < PythonLexerState.maxModeDepth {
            emit(
                .fstringStart, at: prefixStart, end: pos - (triple ? 3 : 1), line: startLine, columnBase: startBase,
                flags: triple ? [.triple] : [])
            modes.append(.literal(quote: quote, triple: triple, raw: raw))
            return
        }
        var flags: PythonToken.Flags = []
        if bytes { flags.insert(.bytes) }
        if raw { flags.insert(.raw) }
        if triple { flags.insert(.triple) }
        if let end = plainStringEnd(quote: quote, triple: triple) {
            if bytes {
                values.append(decodedString(slice(pos, end), bytes: bytes))
                pos = end + (triple ? 3 : 1)
                emit(
                    .string, at: prefixStart, end: prefixStart, line: startLine, columnBase: startBase, flags: flags,
                    value: Int32(values.count - 1))
            } else {  // the value is the body's bytes, decoded when read
                pos = end + (triple ? 3 : 1)
                emit(
                    .string, at: prefixStart, end: end, line: startLine, columnBase: startBase, flags: flags,
                    value: PythonLexeme.sourceBody)
            }
            return
        }
        var value: [UInt8] = []
        var closed = false
        while pos < n {
            let c = b[pos]
            if c == quote {
                if !triple {
                    pos += 1
                    closed = true
                    break
                }
                if pos + 2 < n && b[pos + 1] == quote && b[pos + 2] == quote {
                    pos += 3
                    closed = true
                    break
                }
                value.append(c)
                pos += 1
            } else if c == 0x5C {
                if raw {
                    appendRawEscape(into: &value)
                } else if decodeEscape(into: &value, bytes: bytes) {
                    flags.insert(.escapedAlphanumeric)
                }
            } else if c == 0x0A || c == 0x0D {
                if !triple { break }
                value.append(0x0A)
                consumeLineBreak()
            } else {
                let end = ordinaryRunEnd(quote: quote)  // the run of bytes appended as they are, at once
                value.append(contentsOf: slice(pos, end))
                pos = end
            }
        }
        if !closed { flags.insert(.unterminated) }
        values.append(value.withUnsafeBufferPointer { decodedString($0, bytes: bytes) })
        emit(
            .string, at: prefixStart, end: prefixStart, line: startLine, columnBase: startBase, flags: flags,
            value: Int32(values.count - 1))
    }

    /// Lexes literal text of the innermost f-string (or format spec) up to a field, its end or its closing quote.
    mutating func lexFStringLiteral() {
        guard let mode = modes.last else { return }
        let quote: UInt8, triple: Bool, raw: Bool, inSpec: Bool
        switch mode {
        case .literal(let q, let t, let r): (quote, triple, raw, inSpec) = (q, t, r, false)
        case .spec(let q, let t, let r): (quote, triple, raw, inSpec) = (q, t, r, true)
        case .field: return
        }
        let start = pos
        let startLine = line
        let startBase = columnBase
        var value: [UInt8] = []
        var flags: PythonToken.Flags = raw ? [.raw] : []
        while pos < n {
            let c = b[pos]
            switch c {
            case 0x7B:
                if !inSpec && pos + 1 < n && b[pos + 1] == 0x7B {
                    value.append(c)
                    pos += 2
                    continue
                }
                emitMiddle(value, at: start, line: startLine, columnBase: startBase, flags: flags)
                emit(.op, at: pos, end: pos + 1, code: .lbrace)
                pos += 1
                modes.append(.field(depth: 0))
                return
            case 0x7D:
                if inSpec {
                    emitMiddle(value, at: start, line: startLine, columnBase: startBase, flags: flags)
                    modes.removeLast()
                    emit(.op, at: pos, end: pos + 1, code: .rbrace)
                    pos += 1
                    if case .field = modes.last { modes.removeLast() }
                    return
                }
                value.append(c)
                pos += (pos + 1 < n && b[pos + 1] == 0x7D) ? 2 : 1
            case quote:
                if !triple || (pos + 2 < n && b[pos + 1] == quote && b[pos + 2] == quote) {
                    emitMiddle(value, at: start, line: startLine, columnBase: startBase, flags: flags)
                    let end = pos
                    pos += triple ? 3 : 1
                    while let popped = modes.popLast() {
                        if case .literal = popped { break }
                    }
                    emit(.fstringEnd, at: end, end: end)
                    return
                }
                value.append(c)
                pos += 1
            case 0x5C:
                if raw {
                    appendRawEscape(into: &value)
                } else if decodeEscape(into: &value, bytes: false) {
                    flags.insert(.escapedAlphanumeric)
                }
            case 0x0A, 0x0D:
                if !triple {
                    emitMiddle(value, at: start, line: startLine, columnBase: startBase, flags: flags)
                    closeInnermostFString()
                    return
                }
                value.append(0x0A)
                consumeLineBreak()
            default:
                var end = pos + 1  // the run of bytes appended as they are, at once
                while end < n {
                    let next = b[end]
                    if next == quote || next == 0x5C || next == 0x0A || next == 0x0D || next == 0x7B || next == 0x7D {
                        break
                    }
                    end += 1
                }
                value.append(contentsOf: slice(pos, end))
                pos = end
            }
        }
        emitMiddle(value, at: start, line: startLine, columnBase: startBase, flags: flags)
        closeInnermostFString()
    }

    // MARK: - Private

    /// The fast path of `lexString`: the offset of the closing quote of a literal whose body (from `pos`) holds no
    /// backslash and no carriage return (nor a line break unless triple-quoted), so its value is its source bytes.
    /// Moves the line count past the body's line breaks, as the byte-by-byte loop would; nil (nothing changed)
    /// when the literal needs that loop.
    private mutating func plainStringEnd(quote: UInt8, triple: Bool) -> Int? {
        var cursor = pos
        var breaks = 0
        var lastBreak = 0
        while cursor < n {
            cursor = skipWords(from: cursor, quote, 0x5C, 0x0D, 0x0A)
            guard cursor < n else { break }
            let c = b[cursor]
            if c == quote {
                if !triple || (cursor + 2 < n && b[cursor + 1] == quote && b[cursor + 2] == quote) { break }
            } else if c == 0x5C || c == 0x0D {
                return nil
            } else if c == 0x0A {
                if !triple { return nil }
                breaks += 1
                lastBreak = cursor
            }
            cursor += 1
        }
        guard cursor < n else { return nil }
        if breaks > 0 {
            line += breaks
            lineStart = lastBreak + 1
            columnBase = lastBreak + 1
        }
        return cursor
    }

    /// The end of the run of bytes from `pos` (an ordinary byte) up to the next quote of this kind, backslash or
    /// line break: bytes a string's body keeps as they are.
    private func ordinaryRunEnd(quote: UInt8) -> Int {
        var end = skipWords(from: pos + 1, quote, 0x5C, 0x0D, 0x0A)
        while end < n {
            let next = b[end]
            if next == quote || next == 0x5C || next == 0x0D || next == 0x0A { break }
            end += 1
        }
        return end
    }

    private mutating func emitMiddle(
        _ value: [UInt8], at start: Int, line: Int, columnBase: Int,
        flags: PythonToken.Flags
    ) {
        guard !value.isEmpty else { return }
        values.append(value.withUnsafeBufferPointer { decodedString($0, bytes: false) })
        emit(
            .fstringMiddle, at: start, end: start, line: line, columnBase: columnBase, flags: flags,
            value: Int32(values.count - 1))
    }

    /// In a raw string a backslash keeps itself and the next character, which never ends the string.
    private mutating func appendRawEscape(into value: inout [UInt8]) {
        value.append(0x5C)
        pos += 1
        guard pos < n else { return }
        if b[pos] == 0x0A || b[pos] == 0x0D {
            value.append(0x0A)
            consumeLineBreak()
        } else {
            value.append(b[pos])
            pos += 1
        }
    }

    /// Decodes the escape at `pos` (a backslash) into UTF-8 (or raw bytes for a bytes literal).
    /// - Returns: Whether the escape spelled an ASCII letter or digit.
    private mutating func decodeEscape(into value: inout [UInt8], bytes: Bool) -> Bool {
        pos += 1
        guard pos < n else {
            value.append(0x5C)
            return false
        }
        let c = b[pos]
        var scalar: UInt32?
        switch c {
        case 0x0A, 0x0D:
            consumeLineBreak()
            return false
        case 0x5C, 0x27, 0x22: scalar = UInt32(c)
        case 0x61: scalar = 7
        case 0x62: scalar = 8
        case 0x66: scalar = 12
        case 0x6E: scalar = 10
        case 0x72: scalar = 13
        case 0x74: scalar = 9
        case 0x76: scalar = 11
        case 0x30...0x37:
            var number: UInt32 = 0
            var count = 0
            while count < 3 && pos < n && b[pos] >= 0x30 && b[pos] <= 0x37 {
                number = number * 8 + UInt32(b[pos] - 0x30)
                pos += 1
                count += 1
            }
            return appendScalar(number, into: &value, bytes: bytes)
        case 0x78:
            return appendHexEscape(digits: 2, into: &value, bytes: bytes)
        case 0x75 where !bytes:
            return appendHexEscape(digits: 4, into: &value, bytes: bytes)
        case 0x55 where !bytes:
            return appendHexEscape(digits: 8, into: &value, bytes: bytes)
        case 0x4E where !bytes && pos + 1 < n && b[pos + 1] == 0x7B:
            let start = pos - 1
            while pos < n && b[pos] != 0x7D && b[pos] != 0x0A && pos - start < 100 { pos += 1 }
            if pos < n && b[pos] == 0x7D { pos += 1 }
            value.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<pos]))
            return false
        default: break
        }
        if let scalar {
            value.append(UInt8(scalar))
            pos += 1
        } else {
            value.append(0x5C)
        }
        return false
    }

    private mutating func appendHexEscape(digits: Int, into value: inout [UInt8], bytes: Bool) -> Bool {
        let start = pos - 1
        pos += 1
        var number: UInt32 = 0
        var count = 0
        while count < digits && pos < n, let digit = PythonLexerState.hexValue(b[pos]) {
            number = number &* 16 &+ UInt32(digit)
            pos += 1
            count += 1
        }
        guard count == digits else {
            value.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<pos]))
            return false
        }
        return appendScalar(number, into: &value, bytes: bytes)
    }

    private func appendScalar(_ number: UInt32, into value: inout [UInt8], bytes: Bool) -> Bool {
        let isAlphanumeric = (number >= 0x30 && number <= 0x39) || ((number | 0x20) >= 0x61 && (number | 0x20) <= 0x7A)
        if bytes || number < 0x80 {
            value.append(UInt8(truncatingIfNeeded: number))
        } else if Unicode.Scalar(number) != nil {  // its UTF-8 bytes, encoded here (no `String` made)
            if number < 0x800 {
                value.append(UInt8(truncatingIfNeeded: 0xC0 | number >> 6))
            } else {
                if number < 0x10000 {
                    value.append(UInt8(truncatingIfNeeded: 0xE0 | number >> 12))
                } else {
                    value.append(UInt8(truncatingIfNeeded: 0xF0 | number >> 18))
                    value.append(UInt8(truncatingIfNeeded: 0x80 | (number >> 12) & 0x3F))
                }
                value.append(UInt8(truncatingIfNeeded: 0x80 | (number >> 6) & 0x3F))
            }
            value.append(UInt8(truncatingIfNeeded: 0x80 | number & 0x3F))
        } else {
            value.append(contentsOf: [0xEF, 0xBF, 0xBD])
        }
        return isAlphanumeric
    }

    private func decodedString(_ value: UnsafeBufferPointer<UInt8>, bytes: Bool) -> String {
        if !bytes { return String(decoding: value, as: UTF8.self) }
        return PythonDecoding.latin1String(value)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x37
        case 0x61...0x66: return c - 0x57
        default: return nil
        }
    }
}
