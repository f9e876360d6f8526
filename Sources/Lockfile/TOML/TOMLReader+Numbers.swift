import LockgateCore

extension TOMLReader {
    /// Reads an integer, a float, `inf`/`nan`, or a date/time at the cursor.
    mutating func numberOrDate() throws(LockfileError) -> TOMLValue.Kind {
        let location = cursor.location()
        if isDigit(0), isDigit(1), isDigit(2), isDigit(3), cursor.peek(4) == UInt8(ascii: "-") {
            return .dateTime(try dateTime(at: location))
        }
        if isDigit(0), isDigit(1), cursor.peek(2) == UInt8(ascii: ":") {
            let start = cursor.offset
            try time()
            return .dateTime(String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self))
        }
        let start = cursor.offset
        while let byte = cursor.current, Self.isNumberByte(byte) { cursor.advance() }
        let token = cursor.bytes[start..<cursor.offset]
        switch TOMLNumber.parse(token) {
        case .value(let kind):
            return kind
        case .outOfRange:
            throw cursor.error(
                "integer `\(String(decoding: token, as: UTF8.self))` is out of range "
                    + "(expected a 64-bit integer)", at: location)
        case .invalid:
            let shown = token.isEmpty ? cursor.describeCurrent : "`\(String(decoding: token, as: UTF8.self))`"
            throw cursor.error(
                "\(shown) is not a valid number; expected an integer (`42`, `1_000`, `0x2A`), "
                    + "a float (`3.14`, `1e6`, `inf`) or a date", at: location)
        }
    }

    // MARK: - Private

    private func isDigit(_ distance: Int) -> Bool {
        guard let byte = cursor.peek(distance) else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    /// Reads `YYYY-MM-DD`, optionally followed by `T`/space and a time, optionally followed by `Z` or `+HH:MM`.
    private mutating func dateTime(at location: SourceLocation) throws(LockfileError) -> String {
        let start = cursor.offset
        let year = try digits(4, "a four-digit year")
        try literal(UInt8(ascii: "-"), "`-` after the year")
        let month = try digits(2, "a two-digit month")
        try literal(UInt8(ascii: "-"), "`-` after the month")
        let day = try digits(2, "a two-digit day")
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            let text = String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
            throw cursor.error("`\(text)` is not a valid date", at: location)
        }
        let separator = cursor.current
        let timeFollows =
            separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && isDigit(1) && isDigit(2) && cursor.peek(3) == UInt8(ascii: ":"))
        if timeFollows {
            cursor.advance()
            try time()
            if cursor.current == UInt8(ascii: "Z") || cursor.current == UInt8(ascii: "z") {
                cursor.advance()
            } else if cursor.current == UInt8(ascii: "+") || cursor.current == UInt8(ascii: "-") {
                cursor.advance()
                let hours = try digits(2, "a two-digit offset hour")
                try literal(UInt8(ascii: ":"), "`:` in the time offset")
                let minutes = try digits(2, "two-digit offset minutes")
                guard hours < 24, minutes < 60 else { throw cursor.error("time offset out of range") }
            }
        }
        return String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
    }

    /// Reads `HH:MM:SS` with optional fraction.
    private mutating func time() throws(LockfileError) {
        let hours = try digits(2, "a two-digit hour")
        try literal(UInt8(ascii: ":"), "`:` after the hour")
        let minutes = try digits(2, "two-digit minutes")
        try literal(UInt8(ascii: ":"), "`:` and seconds after the minutes")
        let seconds = try digits(2, "two-digit seconds")
        guard hours < 24, minutes < 60, seconds <= 60 else { throw cursor.error("time out of range") }
        if cursor.current == UInt8(ascii: ".") {
            cursor.advance()
            guard isDigit(0) else { throw cursor.error("expected digits after the `.` of the seconds") }
            while isDigit(0) { cursor.advance() }
        }
    }

    private mutating func digits(_ count: Int, _ expected: String) throws(LockfileError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard isDigit(0), let byte = cursor.current else {
                throw cursor.error("expected \(expected), found \(cursor.describeCurrent)")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            cursor.advance()
        }
        return value
    }

    private mutating func literal(_ byte: UInt8, _ expected: String) throws(LockfileError) {
        guard cursor.current == byte else {
            throw cursor.error("expected \(expected), found \(cursor.describeCurrent)")
        }
        cursor.advance()
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
