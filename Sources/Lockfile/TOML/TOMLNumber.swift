/// Parses TOML integer and float tokens (`42`, `-1_000`, `0xDEAD_BEEF`, `0o755`, `0b1010`, `3.14`, `6.02e+23`, `inf`).
enum TOMLNumber {
    /// What a token turned out to be.
    enum Outcome: Equatable {
        /// A valid integer or float.
        case value(TOMLValue.Kind)
        /// A well-formed integer that does not fit in 64 bits.
        case outOfRange
        /// Not a TOML number.
        case invalid
    }

    /// Parses one token made of the characters a number may contain.
    static func parse(_ token: ArraySlice<UInt8>) -> Outcome {
        if let small = smallDecimal(token) { return .value(.integer(small)) }
        var body = token
        var negative = false
        var signed = false
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            signed = true
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .value(.float(negative ? -.infinity : .infinity)) }
        if body.elementsEqual("nan".utf8) { return .value(.float(.nan)) }
        if body.count > 2, body.first == UInt8(ascii: "0") {
            let radix: UInt64? =
                switch body[body.startIndex + 1] {
                case UInt8(ascii: "x"): 16
                case UInt8(ascii: "o"): 8
                case UInt8(ascii: "b"): 2
                default: nil
                }
            if let radix {
                guard !signed else { return .invalid }
                return prefixed(body.dropFirst(2), radix: radix)
            }
        }
        return decimal(body, negative: negative)
    }

    // MARK: - Private

    /// The common case without allocating: 1 to 18 plain digits (no sign, underscore or leading zero).
    private static func smallDecimal(_ token: ArraySlice<UInt8>) -> Int64? {
        guard !token.isEmpty, token.count <= 18, token.first != UInt8(ascii: "0") || token.count == 1 else {
            return nil
        }
        var value: Int64 = 0
        for byte in token {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func prefixed(_ digits: ArraySlice<UInt8>, radix: UInt64) -> Outcome {
        guard isDigitRun(digits, where: { digitValue($0).map { UInt64($0) < radix } ?? false }) else { return .invalid }
        var value: UInt64 = 0
        for byte in digits where byte != UInt8(ascii: "_") {
            guard let digit = digitValue(byte) else { return .invalid }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return .outOfRange }
            value = shifted + UInt64(digit)
            guard value <= UInt64(Int64.max) else { return .outOfRange }
        }
        return .value(.integer(Int64(value)))
    }

    private static func decimal(_ body: ArraySlice<UInt8>, negative: Bool) -> Outcome {
        let isDecimalDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let end = body.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let integerPart = body[..<(end ?? body.endIndex)]
        guard isDigitRun(integerPart, where: isDecimalDigit) else { return .invalid }
        if integerPart.count > 1, integerPart.first == UInt8(ascii: "0") { return .invalid }
        guard var rest = end.map({ body[$0...] }) else {
            let text = (negative ? "-" : "") + cleaned(integerPart)
            guard let value = Int64(text) else { return .outOfRange }
            return .value(.integer(value))
        }
        if rest.first == UInt8(ascii: ".") {
            let fractionEnd = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? rest.endIndex
            guard isDigitRun(rest[(rest.startIndex + 1)..<fractionEnd], where: isDecimalDigit) else { return .invalid }
            rest = rest[fractionEnd...]
        }
        if let marker = rest.first {
            guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return .invalid }
            var exponent = rest.dropFirst()
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponent = exponent.dropFirst()
            }
            guard isDigitRun(exponent, where: isDecimalDigit) else { return .invalid }
        }
        guard let value = Double((negative ? "-" : "") + cleaned(body)) else { return .invalid }
        return .value(.float(value))
    }

    /// Whether `run` is digits with single underscores only between digits.
    private static func isDigitRun(_ run: ArraySlice<UInt8>, where isDigit: (UInt8) -> Bool) -> Bool {
        guard let first = run.first, let last = run.last, isDigit(first), isDigit(last) else { return false }
        var previousUnderscore = false
        for byte in run {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else {
                guard isDigit(byte) else { return false }
                previousUnderscore = false
            }
        }
        return true
    }

    private static func cleaned(_ run: ArraySlice<UInt8>) -> String {
        String(decoding: run.lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }

    private static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
