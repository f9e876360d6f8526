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
        let kind = tokenKind
        let code = tokenCode
        let start = pos
        switch kind {
        case .name:
            switch code {
            case .none:
                let name = nameId(at: start)
                advance()
                return nameEval(name, at: start)
            case .keywordTrue, .keywordFalse:
                advance()
                return PythonEval(.bool(code == .keywordTrue), start: start)
            case .keywordNone:
                advance()
                return PythonEval(start: start)
            case .keywordYield:
                advance()
                if at(.keywordFrom) { advance() }
                if atLineEnd || at(.rparen) || at(.semicolon) || at(.assign) {
                    return PythonEval(start: start)
                }
                var value = parseTestList() ?? PythonEval(start: start)
                signal(&value)
                return PythonEval(start: start)
            default:
                return nil  // every other keyword code is one of `nonAtomKeywords`
            }
        case .number:
            let value = decimalDigits(at: start) ?? PythonFileContext.integer(tokenText)
            advance()
            return PythonEval(value.map(PythonValue.int) ?? .unknown, start: start)
        case .string, .fstringStart:
            return parseStrings()
        case .op:
            switch code {
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
        nameEval(names.intern(name), at: index)
    }

    /// What a bare name (by interned id) refers to (as `nameEval(_:at:)`).
    func nameEval(_ name: Int32, at index: Int) -> PythonEval {
        var eval: PythonEval
        if let bound = lookup(name) {
            eval = bound
            eval.start = index
            eval.tags.remove(.folded)
        } else {
            eval = PythonEval(unboundValue(name), start: index)
            if names.isMarker(name) { addKey("n:" + names.text(name), to: &eval) }
            if names.isProtector(name) { emitProtector(at: index) }
        }
        eval.path = name
        eval.keys.add(variableKeyId(name))
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

    /// The value of a number token of 1 to 18 ASCII digits (what `integer` makes of it, without a `String`); nil
    /// for every other number.
    private func decimalDigits(at index: Int) -> Int? {
        let lexeme = tokens[index]
        let (offset, end) = (lexeme.offset, lexeme.end)
        guard lexeme.value == -1, end > offset, end - offset <= 18, end <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { source in
            var value = 0
            for position in offset..<end {
                let digit = source[position] &- 0x30
                guard digit <= 9 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
    }

    private func unboundValue(_ id: Int32) -> PythonValue {
        if Int(id) < unboundCache.count, let cached = unboundCache[Int(id)] { return cached }
        let name = names.text(id)
        let value: PythonValue
        if name == "__builtins__" {
            value = ref("builtins")
        } else if let member = starMember(name) {
            value = ref(member)
        } else {
            // `builtins.NAME` and `$local.NAME` are joined from ids (no `String` unless too long for a path).
            switch sharedCalls?.unbound(name) ?? PythonCallCache.resolveUnbound(name) {
            case .module: value = .ref(id)
            case .builtin:
                value = .ref(names.extended(names.intern("builtins"), id) ?? names.intern("builtins." + name))
            case .local:
                value = .ref(names.extended(names.intern("$local"), id) ?? names.intern("$local." + name))
            }
        }
        if Int(id) >= unboundCache.count {
            unboundCache += [PythonValue?](
                repeating: nil, count: max(names.count, unboundCache.count * 2) - unboundCache.count)
        }
        unboundCache[Int(id)] = value
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
        while tokenKind == .string || tokenKind == .fstringStart {
            if tokenKind == .string {
                let text = tokenText
                constant += text
                rendered += text
                isBytes = isBytes || token.flags.contains(.bytes)
                escaped = escaped || token.flags.contains(.escapedAlphanumeric) && !token.flags.contains(.bytes)
                advance()
            } else {
                parseFString(constant: &constant, rendered: &rendered, dynamic: &dynamic, into: &result)
            }
        }
        _ = charge(rendered.utf8.count)
        // A short constant gets its key's id first: a repeat of it in the file reuses the kinds found for it.
        let constantId = !dynamic && constant.utf8.count <= 200 ? constantTable.intern(constant) : -1
        let kinds = constantId >= 0 ? constantSignalKinds(constantId, constant) : signalKinds(rendered)
        let decoded = kinds.isEmpty ? nil : StringSignals.decodedEvidence(rendered, kinds: kinds)
        for kind in kinds {
            emit(kind, at: start, decoded: StringSignals.isShapeKind(kind) ? nil : decoded)
            // What the literal says once decoded is said again where code decodes it (as in JavaScript).
            if decoded == nil || StringSignals.isShapeKind(kind) { result.signalled.insert(kind) }
        }
        if escaped && !dynamic && PythonFileContext.isIdentifierLike(constant) { emit(.escapedIdentifiers, at: start) }
        if dynamic {
            if !constant.isEmpty { result.tags.insert(.built) }
        } else {
            result.value = isBytes ? .bytes(constant) : .string(constant)
            if constantId >= 0 {
                result.keys.add(constantId | PythonFileContext.constantKeyTag)  // as `addConstantKey`
            } else if constant.utf8.count <= 256 {
                addConstantKey(constant, to: &result)
            }
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
                let text = tokenText
                constant += text
                rendered += text
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
                while !atLineEnd && !at(.rbrace) && tokenKind != .fstringEnd {
                    if at(.colon) { hasSpec = true }
                    if at(.lbrace) {
                        advance()
                        if let inner = parseTestList() { result.absorb(inner) }
                    } else {
                        advance()
                    }
                }
                if at(.rbrace) { advance() }
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
            if at(.keywordFor) || at(.keywordAsync) {
                generator = comprehension(value)
                return
            }
            items.append(value)
            if at(.comma) { sawComma = true }
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
            if at(.keywordFor) || at(.keywordAsync) {
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
            if at(.doubleStar) {
                advance()
                isDict = true
                guard let spread = parseBinary(4) else { return }
                if refName(spread.value) == "os.environ" { emit(.readEnvironmentAll, at: spread.start) }
                result.absorb(spread)
                return
            }
            guard let key = parseStarOrTest() else { return }
            result.absorb(key)
            if at(.colon) {
                isDict = true
                advance()
                guard var value = parseTest() else { return }
                signal(&value)
                result.absorb(value)
                if at(.keywordFor) || at(.keywordAsync) {
                    result.absorb(comprehension(value))
                    return
                }
                entries.append(PythonDictEntry(key: key.value.text, value: value.value))
            } else if at(.keywordFor) || at(.keywordAsync) {
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
