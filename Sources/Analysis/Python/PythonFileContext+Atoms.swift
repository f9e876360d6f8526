import LockgateCore

/// Atoms: names, numbers, strings and f-strings, bracket displays.
extension PythonFileContext {
    /// Keywords that never start an expression.
    static let nonAtomKeywords: Set<String> = [
        "if", "else", "elif", "for", "in", "is", "and", "or", "not", "lambda", "import", "from", "def", "class",
        "return", "as", "with", "while", "try", "except", "finally", "raise", "del", "pass", "break", "continue",
        "global", "nonlocal", "assert", "async", "await",
    ]

    /// One atom, or nil (consuming nothing) when the current token cannot start one.
    func parseAtom() -> PythonEval? {
        let current = token
        let start = pos
        switch current.kind {
        case .name:
            switch current.code {
            case .none:
                advance()
                return nameEval(current.text, at: start)
            case .keywordTrue, .keywordFalse:
                advance()
                return PythonEval(.bool(current.code == .keywordTrue), start: start)
            case .keywordNone:
                advance()
                return PythonEval(start: start)
            case .keywordYield:
                advance()
                if token.isName(.keywordFrom) { advance() }
                if atLineEnd || token.isOp(.rparen) || token.isOp(.semicolon) || token.isOp(.assign) {
                    return PythonEval(start: start)
                }
                var value = parseTestList() ?? PythonEval(start: start)
                signal(&value)
                return PythonEval(start: start)
            default:
                if PythonFileContext.nonAtomKeywords.contains(current.text) { return nil }
                advance()
                return nameEval(current.text, at: start)
            }
        case .number:
            advance()
            return PythonEval(PythonFileContext.integer(current.text).map(PythonValue.int) ?? .unknown, start: start)
        case .string, .fstringStart:
            return parseStrings()
        case .op:
            switch current.code {
            case .lparen: return parseParenthesised()
            case .lbracket: return parseListDisplay()
            case .lbrace: return parseBraceDisplay()
            case .ellipsis:
                advance()
                return PythonEval(start: start)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// What a bare name refers to: a binding, a star-imported member, a builtin, a well-known module used without
    /// a visible import, or a name of this file (`$local.name`).
    func nameEval(_ name: String, at index: Int) -> PythonEval {
        var eval: PythonEval
        if let bound = lookup(name) {
            eval = bound
            eval.start = index
            eval.tags.remove(.folded)
        } else {
            eval = PythonEval(unboundValue(name), start: index)
            if PythonAPI.markerNames.contains(name) { eval.addKey("n:" + name) }
            if PythonAPI.isProtectorName(name) { emitProtector(at: index) }
        }
        eval.path = name
        eval.addKey("v:" + name)
        return eval
    }

    /// A tuple of evaluated items.
    func tuple(_ items: [PythonEval], start: Int) -> PythonEval {
        var result = PythonEval(.list(items.map(\.value)), start: start)
        for item in items { result.absorb(item) }
        return result
    }

    /// Parses an integer literal (decimal, hex, octal, binary, with underscores).
    static func integer(_ text: String) -> Int? {
        if let plain = Int(text) { return plain }
        guard text.utf8.count > 1 else { return nil }
        let digits = String(text.unicodeScalars.filter { $0 != "_" }).lowercased()
        if digits.hasPrefix("0x") { return Int(digits.dropFirst(2), radix: 16) }
        if digits.hasPrefix("0o") { return Int(digits.dropFirst(2), radix: 8) }
        if digits.hasPrefix("0b") { return Int(digits.dropFirst(2), radix: 2) }
        return Int(digits)
    }

    // MARK: - Private

    private func unboundValue(_ name: String) -> PythonValue {
        if let cached = unboundCache[name] { return cached }
        let value: PythonValue
        if name == "__builtins__" {
            value = .ref("builtins")
        } else if let member = starMember(name) {
            value = .ref(member)
        } else if PythonAPI.builtinNames.contains(name) {
            value = .ref("builtins." + name)
        } else if !PythonAPI.importKinds(name).isEmpty {
            value = .ref(name)
        } else {
            value = .ref("$local." + name)
        }
        unboundCache[name] = value
        return value
    }

    private func starMember(_ name: String) -> String? {
        for module in starModules.reversed() {
            let candidate = module + "." + name
            if !PythonAPI.callKinds(candidate).isEmpty { return candidate }
        }
        return nil
    }

    /// Adjacent string and f-string literals (implicit concatenation), with their string signals.
    private func parseStrings() -> PythonEval {
        let start = pos
        var constant = ""
        var rendered = ""
        var isBytes = false
        var dynamic = false
        var escaped = false
        var result = PythonEval(start: start)
        while token.kind == .string || token.kind == .fstringStart {
            if token.kind == .string {
                constant += token.text
                rendered += token.text
                isBytes = isBytes || token.flags.contains(.bytes)
                escaped = escaped || token.flags.contains(.escapedAlphanumeric) && !token.flags.contains(.bytes)
                advance()
            } else {
                parseFString(constant: &constant, rendered: &rendered, dynamic: &dynamic, into: &result)
            }
        }
        _ = charge(rendered.utf8.count)
        for kind in signalKinds(rendered) {
            emit(kind, at: start)
            result.signalled.insert(kind)
        }
        if escaped && !dynamic && PythonFileContext.isIdentifierLike(constant) { emit(.escapedIdentifiers, at: start) }
        if dynamic {
            if !constant.isEmpty { result.tags.insert(.built) }
        } else {
            result.value = isBytes ? .bytes(constant) : .string(constant)
            if constant.utf8.count <= 256 { result.addKey("c:" + constant) }
        }
        return result
    }

    /// One f-string: literal parts, replacement fields (evaluated), format specs.
    private func parseFString(
        constant: inout String, rendered: inout String, dynamic: inout Bool,
        into result: inout PythonEval
    ) {
        advance()
        while true {
            let current = token
            switch current.kind {
            case .fstringMiddle:
                constant += current.text
                rendered += current.text
                advance()
            case .fstringEnd:
                advance()
                return
            case .newline, .endMarker:
                return
            default:
                guard current.isOp(.lbrace) else {
                    advance()
                    continue
                }
                advance()
                var field = parseTestList() ?? PythonEval(start: pos)
                signal(&field)
                result.absorb(field)
                var hasSpec = false
                while !atLineEnd && !token.isOp(.rbrace) && token.kind != .fstringEnd {
                    if token.isOp(.colon) { hasSpec = true }
                    if token.isOp(.lbrace) {
                        advance()
                        if let inner = parseTestList() { result.absorb(inner) }
                    } else {
                        advance()
                    }
                }
                if token.isOp(.rbrace) { advance() }
                if !hasSpec, let text = PythonFileContext.constantText(field.value) {
                    constant += text
                    rendered += text
                } else {
                    dynamic = true
                    rendered += "{}"
                }
            }
        }
    }

    private func parseParenthesised() -> PythonEval {
        let start = pos
        advance()
        var items: [PythonEval] = []
        var sawComma = false
        var generator: PythonEval?
        parseItems(closer: .rparen) {
            guard let value = parseStarOrTest() else { return }
            if token.isName(.keywordFor) || token.isName(.keywordAsync) {
                generator = comprehension(value)
                return
            }
            items.append(value)
            if token.isOp(.comma) { sawComma = true }
        }
        if let generator { return generator }
        if items.count == 1 && !sawComma {
            var single = items[0]
            single.start = start
            return single
        }
        return tuple(items, start: start)
    }

    private func parseListDisplay() -> PythonEval {
        let start = pos
        advance()
        var items: [PythonEval] = []
        var comprehended: PythonEval?
        parseItems(closer: .rbracket) {
            guard var value = parseStarOrTest() else { return }
            if token.isName(.keywordFor) || token.isName(.keywordAsync) {
                comprehended = comprehension(value)
                return
            }
            signal(&value)
            items.append(value)
        }
        return comprehended ?? tuple(items, start: start)
    }

    private func parseBraceDisplay() -> PythonEval {
        let start = pos
        advance()
        var entries: [PythonDictEntry] = []
        var result = PythonEval(start: start)
        var isDict = false
        var items: [PythonValue] = []
        parseItems(closer: .rbrace) {
            if token.isOp(.doubleStar) {
                advance()
                isDict = true
                guard let spread = parseBinary(4) else { return }
                if spread.value.refName == "os.environ" { emit(.readEnvironmentAll, at: spread.start) }
                result.absorb(spread)
                return
            }
            guard let key = parseStarOrTest() else { return }
            result.absorb(key)
            if token.isOp(.colon) {
                isDict = true
                advance()
                guard var value = parseTest() else { return }
                signal(&value)
                result.absorb(value)
                if token.isName(.keywordFor) || token.isName(.keywordAsync) {
                    result.absorb(comprehension(value))
                    return
                }
                entries.append(PythonDictEntry(key: key.value.text, value: value.value))
            } else if token.isName(.keywordFor) || token.isName(.keywordAsync) {
                result.absorb(comprehension(key))
            } else {
                items.append(key.value)
            }
        }
        result.value = isDict ? .dict(entries) : .list(items)
        return result
    }

    /// The text of a constant used inside an f-string or `%`/`format` (strings and integers).
    static func constantText(_ value: PythonValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        default: return nil
        }
    }

    static func isIdentifierLike(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 64, let first = text.utf8.first, !(first >= 0x30 && first <= 0x39)
        else {
            return false
        }
        return text.utf8.allSatisfy { byte in
            (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x5F
                || byte == 0x2E
        }
    }
}
