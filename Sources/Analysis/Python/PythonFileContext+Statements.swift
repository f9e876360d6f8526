import LockgateCore

/// Statements: the logical-line loop, blocks and scopes, compound statement headers, assignments.
extension PythonFileContext {
    /// Analyses the whole file.
    func run() {
        reportConfusableNames()
        var offscreen = nextOffscreenToken(from: 0)
        while pos < tokens.count {
            switch tokenKind {
            case .endMarker: return
            case .newline: pos += 1
            case .indent:
                openPendingBlock()
                pos += 1
            case .dedent:
                closeBlock()
                pos += 1
            default:
                pendingBlock = nil
                parseLogicalLine()
                if offscreen < pos {
                    emit(.offscreenCode, at: offscreen)
                    offscreen = nextOffscreenToken(from: pos)
                }
                if tokenKind == .newline { pos += 1 }
            }
        }
    }

    /// Parses simple statements separated by `;` up to the end of the logical line, skipping what it cannot read.
    func parseLogicalLine() {
        while !atLineEnd {
            parseStatement()
            if at(.semicolon) {
                advance()
            } else if !atLineEnd {
                skipOne()  // what the statement left unread (or could not start on)
            }
        }
    }

    /// Parses one statement.
    func parseStatement() {
        let current = token
        if current.isOp(.at) {
            advance()
            if tokenKind == .name && tokenSpells("staticmethod") { pendingStaticMethod = true }
            _ = parseTest()
            return
        }
        guard current.kind == .name else {
            parseExpressionStatement()
            return
        }
        switch current.code {
        case .keywordImport: parseImport()
        case .keywordFrom: parseFromImport()
        case .keywordDef: parseDef()
        case .keywordClass: parseClass()
        case .keywordAsync:
            advance()
            if !atLineEnd { parseStatement() }
        case .keywordIf, .keywordElif, .keywordWhile:
            advance()
            _ = parseTestList()
            openBody(current.code == .keywordWhile ? .loop : .plain)
        case .keywordElse, .keywordTry, .keywordFinally:
            advance()
            openBody(.plain)
        case .keywordExcept:
            advance()
            if at(.star) { advance() }
            if !at(.colon) { _ = parseTest() }
            if at(.keywordAs) {
                advance()
                if tokenKind == .name { bind(tokenText, PythonEval(start: pos)) }
                advance()
            }
            openBody(.plain)
        case .keywordFor: parseFor()
        case .keywordWith: parseWith()
        case .keywordReturn, .keywordDel, .keywordAssert:
            let isReturn = at(.keywordReturn)
            advance()
            if !atLineEnd && !at(.semicolon) {
                var value = parseTestList() ?? PythonEval(start: pos)
                signal(&value)
                if isReturn { recordReturn(value) }
            } else if isReturn {
                recordReturn(nil)
            }
        case .keywordRaise:
            advance()
            if !atLineEnd { _ = parseTest() }
            if at(.keywordFrom) {
                advance()
                _ = parseTest()
            }
        case .keywordPass, .keywordBreak, .keywordContinue: advance()
        case .keywordGlobal, .keywordNonlocal:
            while !atLineEnd && !at(.semicolon) { advance() }
        case .none:
            parseSoftKeywordStatement(current)
        default:
            parseExpressionStatement()
        }
    }

    /// A statement starting with a name that is no keyword: `match`/`case` headers, Python 2 `exec`/`print`
    /// statements, or an expression statement.
    private func parseSoftKeywordStatement(_ current: PythonLexeme) {
        let isExec = tokenSpells("exec")
        if tokenSpells("match") || tokenSpells("case") {
            guard isSoftKeywordHeader() else {
                parseExpressionStatement()
                return
            }
            advance()
            _ = parseTestList()
            openBody(.plain)
        } else if isExec || tokenSpells("print") {
            guard isPython2Statement() else {
                parseExpressionStatement()
                return
            }
            if isExec && lookup("exec") == nil { emit(.evalCode, at: pos) }
            advance()
            var value = parseTestList() ?? PythonEval(start: pos)
            signal(&value)
        } else {
            parseExpressionStatement()
        }
    }

    /// Opens the body of a compound statement: a block on the next lines, or simple statements after the colon.
    func openBody(_ block: PythonBlock) {
        while !atLineEnd && !at(.colon) { skipOne() }
        if at(.colon) { advance() }
        if atLineEnd {
            pendingBlock = block
            return
        }
        if case .scope(let scope) = block { pushScope(scope) }
        while !atLineEnd {
            parseStatement()
            if at(.semicolon) { advance() } else if !atLineEnd { skipOne() }
        }
        if case .scope = block { popScope() }
    }

    // MARK: - Private

    private func openPendingBlock() {
        let block = pendingBlock ?? .plain
        pendingBlock = nil
        switch block {
        case .scope(let scope):
            pushScope(scope)
            blocks.append((isScope: true, isLoop: false))
        case .loop: blocks.append((isScope: false, isLoop: true))
        case .plain: blocks.append((isScope: false, isLoop: false))
        }
    }

    private func closeBlock() {
        guard let block = blocks.popLast() else { return }
        if block.isScope { popScope() }
    }

    private func isSoftKeywordHeader() -> Bool {
        switch peekCode(1) {
        case .assign, .dot, .comma, .rparen, .colon: return false
        default: break
        }
        if peekKind(1) == .newline || peekKind(1) == .endMarker { return false }
        var index = pos
        while index < kinds.count && kinds[index] != .newline && kinds[index] != .endMarker { index += 1 }
        return index > pos && codes[index - 1] == .colon
    }

    private func isPython2Statement() -> Bool {
        switch peekKind(1) {
        case .string: return true
        case .name:
            switch peekCode(1) {
            case .keywordIn, .keywordIs, .keywordAnd, .keywordOr, .keywordIf: return false
            default: return true
            }
        default: return false
        }
    }

    private func parseFor() {
        let forIndex = pos
        advance()
        let names = skipTargets(until: .keywordIn)
        if at(.keywordIn) { advance() }
        var iterable = parseTestList() ?? PythonEval(start: pos)
        if refName(iterable.value) == "os.environ" { emit(.readEnvironmentAll, at: iterable.start) }
        signal(&iterable)
        for name in names {
            var eval = PythonEval(start: forIndex)
            eval.absorb(iterable)
            bind(name, eval)
        }
        openBody(.loop)
    }

    private func parseWith() {
        advance()
        while !atLineEnd && !at(.colon) {
            let before = pos
            var item = parseTest() ?? PythonEval(start: pos)
            signal(&item)
            if at(.keywordAs) {
                advance()
                for name in skipTargets(until: nil) { bind(name, item) }
            }
            if at(.comma) {
                advance()
            } else if pos == before || !at(.colon) {
                skipOne()
            }
        }
        openBody(.plain)
    }

    /// Skips an assignment target list, returning its plain names; stops at `stop` (a keyword) or a `,`/`:` at
    /// depth 0 when `stop` is nil.
    func skipTargets(until stop: PythonCode?) -> [String] {
        var names: [String] = []
        var depth = 0
        while !atLineEnd {
            let current = token
            if depth == 0 {
                if let stop, current.isName(stop) { break }
                if stop == nil && (current.isOp(.comma) || current.isOp(.colon)) { break }
                if current.isOp(.assign) { break }
            }
            let code = current.code
            if code == .lparen || code == .lbracket || code == .lbrace { depth += 1 }
            if code == .rparen || code == .rbracket || code == .rbrace {
                if depth == 0 { break }
                depth -= 1
            }
            if current.kind == .name && peekCode(-1) != .dot && peekCode(1) != .dot { names.append(tokenText) }
            advance()
        }
        return names
    }

    /// An expression statement, an assignment (`a = b = v`, `a, b = v`), an augmented or annotated assignment.
    private func parseExpressionStatement() {
        if tokenKind == .string
            && (peekKind(1) == .newline || peekKind(1) == .endMarker || peekCode(1) == .semicolon)
        {
            advance()  // a docstring or a bare string: no effect, no signal
            return
        }
        let mark = eventMark()
        let targetStart = pos
        guard var value = parseTestList() else { return }
        if at(.assign) {
            var targets = [(targetStart, pos)]
            truncateEvents(to: mark)
            while at(.assign) {
                advance()
                let start = pos
                let innerMark = eventMark()
                value = parseTestList() ?? PythonEval(start: start)
                if at(.assign) {
                    truncateEvents(to: innerMark)
                    targets.append((start, pos))
                }
            }
            signal(&value)
            for (start, end) in targets { assign(tokens: start..<end, value) }
        } else if tokenKind == .op && tokenText.utf8.count >= 2 && tokenText.hasSuffix("=")
            && tokenCode != .equal && tokenCode != .lessEqual && tokenCode != .greaterEqual
            && tokenCode != .notEqual
        {
            let op = PythonCode.of(.op, String(tokenText.dropLast()))
            truncateEvents(to: mark)
            advance()
            let target = value
            var rhs = parseTestList() ?? PythonEval(start: pos)
            signal(&rhs)
            var combined = inLoop ? PythonEval(start: target.start) : binary(op, target, rhs)
            if inLoop { combined.absorb(target); combined.absorb(rhs) }
            signal(&combined)
            if let path = target.path { bind(path, combined) }
        } else if at(.colon) {
            truncateEvents(to: mark)
            advance()
            let annotationMark = eventMark()
            _ = parseTest()
            truncateEvents(to: annotationMark)
            if at(.assign) {
                advance()
                var rhs = parseTestList() ?? PythonEval(start: pos)
                signal(&rhs)
                if let path = value.path { bind(path, rhs) }
            }
        } else {
            signal(&value)
        }
    }

    /// Binds the targets written in `range` to a value (element-wise for tuples of a constant list).
    private func assign(tokens range: Range<Int>, _ value: PythonEval) {
        let slice = tokens[range]
        if let first = slice.first, first.kind == .name, slice.count == 1 {
            bind(nameId(at: range.lowerBound), value)
            return
        }
        if slice.allSatisfy({ $0.kind == .name || $0.isOp(.dot) }), slice.count % 2 == 1 {
            bind(range.map { text(at: $0) }.joined(), value)
            return
        }
        var names: [String] = []
        for (offset, item) in slice.enumerated() where item.kind == .name {
            let index = range.lowerBound + offset
            if index > range.lowerBound && tokens[index - 1].isOp(.dot) { continue }
            if index + 1 < range.upperBound && (tokens[index + 1].isOp(.dot) || tokens[index + 1].isOp(.lbracket)) {
                continue
            }
            names.append(text(at: index))
        }
        for (offset, name) in names.enumerated() {
            var element = PythonEval(start: value.start)
            element.absorb(value)
            if case .list(let items) = value.value, names.count == items.count { element.value = items[offset] }
            bind(name, element)
        }
    }
}
