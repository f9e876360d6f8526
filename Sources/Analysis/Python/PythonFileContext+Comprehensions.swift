import LockgateCore

/// Comprehensions, and the character lists a comprehension over constant codes folds to.
extension PythonFileContext {
    /// `for target in iterable if condition` clauses after a comprehension's element.
    ///
    /// When the comprehension is one `for NAME in [constant ints]` clause over `chr(NAME)` (or `chr(NAME ± k)`,
    /// `chr(NAME ^ k)`, `chr(NAME >> k)`), its value is the list of those characters, so
    /// `''.join([chr(x) for x in [99, 117, 114, 108]])` folds to `curl` as `map(chr, …)` does.
    func comprehension(_ element: PythonEval) -> PythonEval {
        var result = PythonEval(start: element.start)
        result.absorb(element)
        let elementEnd = pos
        var clauses = 0
        var filtered = false
        var variable: Int32 = -1
        var iterated: PythonValue = .unknown
        while at(.keywordFor) || at(.keywordAsync) || at(.keywordIf) {
            if at(.keywordAsync) { advance() }
            if at(.keywordIf) {
                advance()
                filtered = true
                if let condition = parseBinary(1) { result.absorb(condition) }
                continue
            }
            advance()
            clauses += 1
            let targetStart = pos
            _ = skipTargets(until: .keywordIn)
            variable = pos == targetStart + 1 && kinds[targetStart] == .name ? nameId(at: targetStart) : -1
            guard at(.keywordIn) else { break }
            advance()
            guard let iterable = parseBinary(1) else { break }
            if refName(iterable.value) == "os.environ" { emit(.readEnvironmentAll, at: iterable.start) }
            iterated = iterable.value
            result.absorb(iterable)
        }
        if clauses == 1, !filtered, variable >= 0, case .list(let items) = iterated,
            let characters = characterList(element.start..<elementEnd, variable: variable, items)
        {
            result.value = .list(characters)
            result.tags.formUnion([.folded, .decoded])
        }
        return result
    }

    /// The characters a comprehension element gives for each integer of `items` when the element (the tokens
    /// `range`) is `chr(NAME)`, `chr(NAME + k)`, `chr(NAME - k)`, `chr(NAME ^ k)` or `chr(NAME >> k)`; nil for
    /// another element, an item that is no integer or gives no character, or a `chr` the file rebinds.
    private func characterList(_ range: Range<Int>, variable: Int32, _ items: [PythonValue]) -> [PythonValue]? {
        let count = range.count
        guard count == 4 || count == 6, range.upperBound <= tokens.count, charge(items.count),
            kinds[range.lowerBound] == .name, text(at: range.lowerBound) == "chr",
            lookup(nameId(at: range.lowerBound)) == nil,
            codes[range.lowerBound + 1] == .lparen, kinds[range.lowerBound + 2] == .name,
            nameId(at: range.lowerBound + 2) == variable, codes[range.upperBound - 1] == .rparen
        else { return nil }
        var operation: (PythonCode, Int)?
        if count == 6 {
            let code = codes[range.lowerBound + 3]
            guard [.plus, .minus, .caret, .rightShift].contains(code), kinds[range.lowerBound + 4] == .number,
                let operand = Self.integer(text(at: range.lowerBound + 4))
            else { return nil }
            operation = (code, operand)
        }
        var characters: [PythonValue] = []
        characters.reserveCapacity(items.count)
        for item in items {
            guard case .int(var code) = item else { return nil }
            if let (op, operand) = operation {
                switch op {
                case .plus: code = code &+ operand
                case .minus: code = code &- operand
                case .caret: code ^= operand
                default: code = operand >= 0 && operand < 64 ? code >> operand : -1
                }
            }
            guard code >= 0, code <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            characters.append(.string(String(Character(scalar))))
        }
        return characters
    }
}
