/// Numbers, names and prefixed strings, operators and brackets: the tokens `lexOne` hands on by their first byte.
extension PythonLexerState {
    mutating func lexNumber() {
        let start = pos
        let isHex = b[pos] == 0x30 && pos + 1 < n && (b[pos + 1] | 0x20) == 0x78
        while pos < n {
            let c = b[pos]
            if PythonLexerState.isIdentifierByte(c) && c < 0x80 || c == 0x2E {
                pos += 1
                if !isHex && (c | 0x20) == 0x65 && pos < n && (b[pos] == 0x2B || b[pos] == 0x2D) { pos += 1 }
            } else {
                break
            }
        }
        emit(.number, at: start, end: pos)
    }

    mutating func lexNameOrPrefixedString() {
        let start = pos
        let (end, ascii) = identifierEnd(from: pos)
        let high: UInt8 = ascii ? 0 : 0x80
        pos = end
        let length = pos - start
        if length <= 2 && pos < n && (b[pos] == 0x22 || b[pos] == 0x27) {
            var raw = false, bytes = false, formatted = false, unicode = false, valid = true
            for index in start..<pos {
                switch b[index] | 0x20 {
                case 0x72: if raw { valid = false } else { raw = true }
                case 0x62: if bytes { valid = false } else { bytes = true }
                case 0x66: if formatted { valid = false } else { formatted = true }
                case 0x75: if unicode { valid = false } else { unicode = true }
                default: valid = false
                }
            }
            if unicode && length > 1 { valid = false }
            if bytes && formatted { valid = false }
            if valid {
                lexString(prefixStart: start, raw: raw, bytes: bytes, formatted: formatted)
                return
            }
        }
        if high < 0x80 && length <= 16 && start + 16 <= n, let base = b.baseAddress {
            // Both words lie inside the source: the name is classified and interned once per file.
            let raw = UnsafeRawPointer(base)
            let firstMask: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) &- 1
            let secondMask: UInt64 = length <= 8 ? 0 : length == 16 ? ~0 : (1 << UInt64(8 * (length - 8))) &- 1
            let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) & firstMask
            let second =
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)) & secondMask
            let code: PythonCode, id: Int32
            if let known = nameCache.find(first, second) {
                (code, id) = known
            } else {
                code = length <= 8 ? PythonCode.of(.name, packed: first) : .none
                id = code == .none ? names.intern(ascii: slice(start, pos)) : -1
                nameCache.remember(first, second, code: code, id: id)
            }
            emit(.name, at: start, end: pos, code: code, nameId: id)
            skipSpaces()  // a name changes no f-string mode: the spaces after it are skipped as `lexOne` would
            return
        }
        let code = length <= 8 ? nameCode(start, length) : .none
        if code == .none && high < 0x80 {
            let id = names.intern(ascii: slice(start, pos))
            emit(.name, at: start, end: pos, code: code, nameId: id)
            return
        }
        emit(.name, at: start, end: pos, code: code)
    }

    /// The keyword code of the name of `length` (1 to 8) bytes at `start`, as `PythonCode.of(.name, _:)`: the
    /// bytes are read as one word when eight bytes from `start` lie inside the source.
    @inline(__always)
    func nameCode(_ start: Int, _ length: Int) -> PythonCode {
        guard start + 8 <= n, let base = b.baseAddress else {
            return PythonCode.of(.name, slice(start, start + length))
        }
        let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start, as: UInt64.self)
        let mask: UInt64 = length == 8 ? ~0 : (1 << UInt64(8 * length)) &- 1
        return PythonCode.of(.name, packed: UInt64(littleEndian: word) & mask)
    }

    mutating func lexOperator() {
        let start = pos
        let c = b[pos]
        let c1: UInt8 = pos + 1 < n ? b[pos + 1] : 0
        let c2: UInt8 = pos + 2 < n ? b[pos + 2] : 0
        var length = 1
        switch c {
        case 0x28, 0x5B, 0x7B, 0x29, 0x5D, 0x7D:
            lexBracket(c)
            return
        case 0x2A, 0x2F, 0x3C, 0x3E:  // * / < >
            if c1 == c { length = c2 == 0x3D ? 3 : 2 } else if c1 == 0x3D || (c == 0x3C && c1 == 0x3E) { length = 2 }
        case 0x2E:
            if c1 == 0x2E && c2 == 0x2E { length = 3 }
        case 0x2D:
            if c1 == 0x3D || c1 == 0x3E { length = 2 }
        case 0x2B, 0x25, 0x26, 0x7C, 0x5E, 0x40, 0x3D, 0x21, 0x3A:
            if c1 == 0x3D { length = 2 }
        case 0x2C, 0x3B, 0x7E:
            break
        default:
            emit(.error, at: start, end: start + 1)
            pos += 1
            if c >= 0x80 { while pos < n && b[pos] & 0xC0 == 0x80 { pos += 1 } }
            return
        }
        pos += length
        // The code from the bytes already read (as `PythonCode.of(.op, _:)` of the operator's text).
        let code: PythonCode
        switch length {
        case 1: code = PythonLexerState.singleByteOperatorCode(c)
        case 2: code = PythonCode.of(.op, packed: UInt64(c) | UInt64(c1) << 8)
        default: code = PythonCode.of(.op, packed: UInt64(c) | UInt64(c1) << 8 | UInt64(c2) << 16)
        }
        emit(.op, at: start, end: pos, code: code)
        if modes.isEmpty {
            skipSpaces()
        } else if length == 1 && c == 0x3A, case .field(0) = modes.last {
            modes.append(.spec(quote: innermostQuote().quote, triple: innermostQuote().triple, raw: false))
        }
    }

    /// Moves past the spaces after a token, where the next `lexOne` would skip them anyway (outside f-string
    /// literal text and format specs, where a space is text).
    @inline(__always)
    mutating func skipSpaces() {
        while pos < n && b[pos] == 0x20 { pos += 1 }
    }

    mutating func lexBracket(_ c: UInt8) {
        let start = pos
        pos += 1
        let isOpen = c == 0x28 || c == 0x5B || c == 0x7B
        if case .field(let fieldDepth) = modes.last {
            if isOpen {
                modes[modes.count - 1] = .field(depth: fieldDepth + 1)
            } else if fieldDepth > 0 {
                modes[modes.count - 1] = .field(depth: fieldDepth - 1)
            } else if c == 0x7D {
                emit(.op, at: start, end: start + 1, code: .rbrace)
                modes.removeLast()
                return
            }
        } else if isOpen {
            depth += 1
        } else if depth > 0 {
            depth -= 1
        }
        emit(.op, at: start, end: pos, code: PythonLexerState.singleByteOperatorCode(c))
        if modes.isEmpty { skipSpaces() }
    }
}
