/// Constant folding: expressions joined by `+`, templates, argument lists, and the taint of expressions that do
/// not fold.
extension JavaScriptWalker {
    /// Evaluates `operand (+ operand)*` from a token without recording anything.
    /// - Parameters:
    ///   - start: The first token.
    ///   - depth: The evaluation nesting, capped.
    /// - Returns: The value and the index after the expression (`start` when none starts there).
    func evaluate(from start: Int, depth: Int) -> (JavaScriptValue, Int) {
        guard depth < 40, budget > 0, start < tokens.count else { return (.unknown, start) }
        var (value, end) = chain(from: start, emit: false, depth: depth + 1)
        guard end > start, isOp(end, JavaScriptOp.plus) else { return (value, end) }
        var text = value.string
        var taint = value.taint
        var stringSeen = isStringObject(value)
        var numberSum: Double? = { if case .number(let number) = value.object { return number } else { return nil } }()
        while isOp(end, JavaScriptOp.plus) {
            let (right, next) = chain(from: end + 1, emit: false, depth: depth + 1)
            guard next > end + 1 else { break }
            taint.formUnion(right.taint)
            if case .number(let number) = right.object, !stringSeen, let sum = numberSum {
                numberSum = sum + number
                text = JavaScriptValue.format(sum + number)
            } else if let piece = right.string, text != nil {
                numberSum = nil
                stringSeen = stringSeen || isStringObject(right)
                text?.append(piece)
                if (text?.utf8.count ?? 0) > JavaScriptDecoding.maximumLength { text = nil }
            } else {
                text = nil
                numberSum = nil
                taint.insert(.dynamic)
            }
            end = next
        }
        if let sum = numberSum { return (JavaScriptValue(object: .number(sum), taint: taint), end) }
        guard let text, stringSeen else {
            return (
                JavaScriptValue(object: .unknown, taint: taint.subtracting(JavaScriptTaint.computed).union(.dynamic)),
                end
            )
        }
        return (JavaScriptValue(object: .string(text), taint: taint.union(.folded)), end)
    }

    /// A template with substitutions: constant when every substitution is.
    func template(at head: Int, depth: Int) -> (JavaScriptValue, Int) {
        var text: String? = source.cooked(tokens[head]).value
        var taint: JavaScriptTaint = .folded
        var part = head
        while part < tokens.count && (tokens[part].kind == .templateHead || tokens[part].kind == .templateMiddle) {
            let next = partner(part)
            guard next > part else { return (JavaScriptValue(object: .unknown, taint: .dynamic), tokens.count) }
            let (value, end) = evaluate(from: part + 1, depth: depth + 1)
            taint.formUnion(value.taint)
            if end == next, let piece = value.string {
                text?.append(piece)
            } else {
                text = nil
                taint.insert(.dynamic)
                taint.formUnion(self.taint(of: part + 1..<next))
            }
            text?.append(source.cooked(tokens[next]).value)
            part = next
        }
        guard let text else {
            return (JavaScriptValue(object: .unknown, taint: taint.subtracting(JavaScriptTaint.computed)), part + 1)
        }
        return (JavaScriptValue(object: .string(text), taint: taint), part + 1)
    }

    /// The top-level comma-separated parts between two brackets.
    func arguments(from open: Int, to close: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = open + 1, cursor = open + 1
        while cursor < close && result.count < 100_000 {
            let token = tokens[cursor]
            if token.isOp(JavaScriptOp.comma) {
                if cursor > start { result.append(start..<cursor) }
                start = cursor + 1
            } else if token.kind == .punctuator || token.kind == .templateHead {
                var other = partner(cursor)
                while other > cursor && other < close && tokens[other].kind == .templateMiddle {
                    other = partner(other)
                }
                if other > cursor && other < close { cursor = other }
            }
            cursor += 1
        }
        if close > start { result.append(start..<close) }
        return result
    }

    /// The value of an argument: its folded value when it is one expression, else only what it carries.
    func argumentValue(_ range: Range<Int>, depth: Int) -> JavaScriptValue {
        var first = range.lowerBound
        if isOp(first, JavaScriptOp.spread) { first += 1 }
        let (value, end) = evaluate(from: first, depth: depth + 1)
        if end == range.upperBound { return value }
        return JavaScriptValue(object: .unknown, taint: taint(of: range))
    }

    /// What an expression that does not fold carries: network or host data from the names it uses, and whether it
    /// builds a string from non-constant parts.
    func taint(of range: Range<Int>) -> JavaScriptTaint {
        var result: JavaScriptTaint = []
        for index in range.prefix(256) {
            let token = tokens[index]
            if token.kind == .templateHead || token.isOp(JavaScriptOp.plus) { result.insert(.dynamic) }
            guard token.kind == .identifier, index == range.lowerBound || !isOp(index - 1, JavaScriptOp.dot) else {
                continue
            }
            if let bound = scopes.lookup(token.name) {
                result.formUnion(bound.taint.intersection(JavaScriptTaint.carried))
                switch bound.object {
                case .module(.env), .module(.os), .member(.os, _): result.insert(.hostData)
                default: break
                }
            } else if token.name == K.process.rawValue {
                result.insert(.hostData)
            }
        }
        return result
    }

    // MARK: - Private

    private func isStringObject(_ value: JavaScriptValue) -> Bool {
        if case .string = value.object { return true }
        return false
    }
}
