import LockgateCore

/// An evaluating expression parser: precedence climbing over the tokens of one logical line. Behaviours are
/// emitted as calls complete, so inner calls come before outer ones, as they run.
extension PythonFileContext {
    /// `a, b, *c` (a tuple when there is a comma).
    func parseTestList() -> PythonEval? {
        let start = pos
        let parsed = parseStarOrTest()  // returned as it is (no copy) unless a comma follows
        guard parsed != nil, at(.comma), let first = parsed else { return parsed }
        var items = [first]
        while at(.comma) {
            advance()
            guard let next = parseStarOrTest() else { break }
            items.append(next)
        }
        return tuple(items, start: start)
    }

    /// An expression: lambda, conditional expression, walrus; deeper than `maxNesting` it is skipped flatly.
    func parseTest() -> PythonEval? {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > PythonFileContext.maxNesting { return skipFlat() }
        if at(.keywordLambda) {
            let start = pos
            let takesNothing = peekCode(1) == .colon
            while !atLineEnd && !at(.colon) { skipOne() }
            if at(.colon) { advance() }
            var body = parseTest() ?? PythonEval(start: start)
            signal(&body)
            guard takesNothing, body.value.text != nil else { return PythonEval(start: start) }
            let reference = names.intern("$lambda.\(start)")
            recordReturn(body, of: reference)
            return PythonEval(.ref(reference), start: start)
        }
        let parsed = parseBinary(1)  // returned as it is (no copy) unless a conditional or walrus follows
        guard parsed != nil, (at(.keywordIf) && peekCode(1) != .colon) || at(.walrus), var value = parsed else {
            return parsed
        }
        if at(.keywordIf) && peekCode(1) != .colon {
            advance()
            let condition = parseBinary(1)
            if at(.keywordElse) {
                advance()
                let other = parseTest()
                var merged = PythonEval(start: value.start)
                merged.absorb(value)
                if let other { merged.absorb(other) }
                if let condition { merged.absorb(condition) }
                value = merged
            }
        } else if at(.walrus), let path = value.path {
            advance()
            var assigned = parseTest() ?? PythonEval(start: pos)
            signal(&assigned)
            bind(path, assigned)
            return assigned
        }
        return value
    }

    /// `*expr` or an expression.
    func parseStarOrTest() -> PythonEval? {
        if at(.star) || at(.doubleStar) {
            advance()
            return parseBinary(4)
        }
        return parseTest()
    }

    /// Binary operators at or above `minPrecedence` (precedence climbing).
    func parseBinary(_ minPrecedence: Int) -> PythonEval? {
        let operand = parseUnary()  // returned as it is (no copy) unless an operator binds it
        guard operand != nil, let (_, first, _) = binaryOperator(), first >= minPrecedence, var left = operand else {
            return operand
        }
        while let (op, precedence, width) = binaryOperator(), precedence >= minPrecedence {
            for _ in 0..<width { advance() }
            guard let right = parseBinary(precedence + 1) else { break }
            if op == .plus, case .string(var text) = left.value, case .string(let more) = right.value,
                charge(more.utf8.count)
            {
                left.value = .unknown  // leaves `text` uniquely referenced: a chain of `+` appends in place
                text += more
                left.value = .string(text)
                left.tags.insert(.folded)
                left.absorb(right)
                continue
            }
            left = binary(op, left, right)
        }
        return left
    }

    /// Prefix operators (`not`, `-`, `+`, `~`, `await`), read in a loop so long chains need no recursion.
    func parseUnary() -> PythonEval? {
        let start = pos
        var negated = false
        var prefixes = 0
        while at(.keywordNot) || at(.keywordAwait) || at(.minus) || at(.plus)
            || at(.tilde)
        {
            if at(.keywordNot) {
                advance()
                guard var operand = parseBinary(4) else { return nil }
                operand.value = .unknown
                operand.start = start
                return operand
            }
            if at(.minus) { negated.toggle() }
            prefixes += 1
            advance()
        }
        guard prefixes > 0 else { return parsePostfix() }  // returned as it is (no copy)
        guard var operand = parsePostfix() else { return nil }
        if case .int(let number) = operand.value, negated {
            operand.value = .int(0 &- number)
        } else if case .int = operand.value {
        } else {
            operand.value = .unknown
        }
        operand.start = start
        return operand
    }

    /// An atom followed by attribute accesses, calls and subscripts.
    func parsePostfix() -> PythonEval? {
        let atom = parseAtom()  // returned as it is (no copy) unless an attribute, call or subscript follows
        guard atom != nil, (at(.dot) && peekKind(1) == .name) || at(.lparen) || at(.lbracket), var value = atom else {
            return atom
        }
        while true {
            if at(.dot), peekKind(1) == .name {
                advance()
                let nameIndex = pos
                advance()
                value = attribute(value, nameId(at: nameIndex), at: nameIndex)
            } else if at(.lparen) {
                let arguments = parseArguments()
                value = call(value, arguments)
            } else if at(.lbracket) {
                value = parseSubscript(value)
            } else {
                return value
            }
        }
    }

    /// Call arguments from `(` to `)`; each argument is a consumption point for string signals.
    func parseArguments() -> [PythonArgument] {
        advance()
        var arguments: [PythonArgument] = []
        parseItems(closer: .rparen) {
            var argument: PythonArgument
            if at(.star) || at(.doubleStar) {
                let star = at(.doubleStar) ? 2 : 1
                advance()
                argument = PythonArgument(eval: parseTest() ?? PythonEval(start: pos), star: star)
            } else if tokenKind == .name && peekCode(1) == .assign {
                let keyword = tokenText
                advance()
                advance()
                argument = PythonArgument(keyword: keyword, eval: parseTest() ?? PythonEval(start: pos))
            } else {
                guard let value = parseTest() else { return }
                argument = PythonArgument(eval: value)
                if at(.keywordFor) || at(.keywordAsync) { argument.eval = comprehension(value) }
            }
            signal(&argument.eval)
            if arguments.isEmpty { arguments.reserveCapacity(4) }  // one allocation for most calls
            arguments.append(argument)
        }
        return arguments
    }

    /// Reads items separated by commas up to `closer`, skipping what an item leaves unread.
    func parseItems(closer: PythonCode, _ item: () -> Void) {
        while true {
            if at(closer) {
                advance()
                return
            }
            if atLineEnd { return }
            let before = pos
            item()
            if at(.comma) {
                advance()
            } else if at(closer) {
                advance()
                return
            } else if atLineEnd {
                return
            } else if pos == before {
                skipOne()
            }
        }
    }

    // MARK: - Private

    private func binaryOperator() -> (PythonCode, Int, Int)? {
        let code = tokenCode
        switch code {
        case .pipe: return (.pipe, 5, 1)
        case .caret: return (.caret, 6, 1)
        case .ampersand: return (.ampersand, 7, 1)
        case .leftShift, .rightShift: return (code, 8, 1)
        case .plus, .minus: return (code, 9, 1)
        case .star, .slash, .doubleSlash, .percent, .at: return (code, 10, 1)
        case .doubleStar: return (.doubleStar, 12, 1)
        case .less, .greater, .equal, .greaterEqual, .lessEqual, .notEqual, .lessGreater: return (code, 4, 1)
        case .keywordOr: return (.keywordOr, 1, 1)
        case .keywordAnd: return (.keywordAnd, 2, 1)
        case .keywordIn: return (.keywordIn, 4, 1)
        case .keywordIs: return (.keywordIs, 4, peekCode(1) == .keywordNot ? 2 : 1)
        case .keywordNot: return peekCode(1) == .keywordIn ? (.keywordNot, 4, 2) : nil
        default: return nil
        }
    }

    private func parseSubscript(_ base: PythonEval) -> PythonEval {
        advance()
        var key: PythonEval?
        var isSlice = false
        var bounds = 0
        var step: PythonEval?
        var extra: [PythonEval] = []
        parseItems(closer: .rbracket) {
            var part = 0
            while true {
                if at(.colon) {
                    isSlice = true
                    part += 1
                    advance()
                    continue
                }
                if at(.comma) || at(.rbracket) || atLineEnd { break }
                guard let value = parseTest() else { return }
                if part == 0 && key == nil {
                    key = value
                } else if part == 2 {
                    step = value
                } else {
                    extra.append(value)
                }
                if part < 2 { bounds += 1 }
                if !at(.colon) { break }
            }
        }
        return subscripted(base, key: key, isSlice: isSlice, bounded: bounds > 0, step: step, extra: extra)
    }
}
