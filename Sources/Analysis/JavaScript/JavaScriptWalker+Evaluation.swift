/// Constant folding: expressions joined by `+`, templates, argument lists, and the taint of expressions that do
/// not fold.
extension JavaScriptWalker {
    /// Evaluates `operand (+ operand)*` from a token without recording anything.
    /// - Parameters:
    ///   - start: The first token.
    ///   - depth: The evaluation nesting, capped.
    /// - Returns: The value and the index after the expression (`start` when none starts there).
    mutating func evaluate(from start: Int, depth: Int) -> (JavaScriptValue, Int) {
        guard depth < 40, budget > 0, start < code.tokens.count else { return (.unknown, start) }
        var (value, end) = chain(from: start, emit: false, depth: depth + 1)
        guard end > start, code.isOp(end, JavaScriptOp.plus) else { return (value, end) }
        var text = value.string
        var taint = value.taint
        var stringSeen = Self.isStringObject(value)
        var numberSum: Double? = { if case .number(let number) = value.object { return number } else { return nil } }()
        while code.isOp(end, JavaScriptOp.plus) {
            let (right, next) = chain(from: end + 1, emit: false, depth: depth + 1)
            guard next > end + 1 else { break }
            taint.formUnion(right.taint)
            if case .number(let number) = right.object, !stringSeen, let sum = numberSum {
                numberSum = sum + number
                text = JavaScriptValue.format(sum + number)
            } else if let piece = right.string, text != nil {
                numberSum = nil
                stringSeen = stringSeen || Self.isStringObject(right)
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
    mutating func template(at head: Int, depth: Int) -> (JavaScriptValue, Int) {
        var text: String? = code.source.cooked(code.tokens[head]).value
        var taint: JavaScriptTaint = .folded
        var part = head
        while part < code.tokens.count
            && (code.tokens[part].kind == .templateHead || code.tokens[part].kind == .templateMiddle)
        {
            let next = code.partner(part)
            guard next > part else { return (JavaScriptValue(object: .unknown, taint: .dynamic), code.tokens.count) }
            let (value, end) = evaluate(from: part + 1, depth: depth + 1)
            taint.formUnion(value.taint)
            if end == next, let piece = value.string {
                text?.append(piece)
            } else {
                text = nil
                taint.insert(.dynamic)
                taint.formUnion(code.taint(of: part + 1..<next, in: scopes))
            }
            text?.append(code.source.cooked(code.tokens[next]).value)
            part = next
        }
        guard let text else {
            return (JavaScriptValue(object: .unknown, taint: taint.subtracting(JavaScriptTaint.computed)), part + 1)
        }
        return (JavaScriptValue(object: .string(text), taint: taint), part + 1)
    }

    /// The value of an argument: its folded value when it is one expression, else only what it carries.
    mutating func argumentValue(_ range: Range<Int>, depth: Int) -> JavaScriptValue {
        var first = range.lowerBound
        if code.isOp(first, JavaScriptOp.spread) { first += 1 }
        let (value, end) = evaluate(from: first, depth: depth + 1)
        if end == range.upperBound { return value }
        return JavaScriptValue(object: .unknown, taint: code.taint(of: range, in: scopes))
    }

    // MARK: - Private

    private static func isStringObject(_ value: JavaScriptValue) -> Bool {
        if case .string = value.object { return true }
        return false
    }
}
