import LockgateCore

extension TOMLReader {
    /// Reads one value at the cursor.
    mutating func value() throws(LockfileError) -> TOMLValue {
        let location = cursor.location()
        guard let byte = cursor.current else {
            throw cursor.error(
                "expected a value (string, number, boolean, date, array or inline table), "
                    + "found end of file")
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return TOMLValue(.string(try string()), at: location)
        case UInt8(ascii: "["):
            return TOMLValue(.array(try array()), at: location)
        case UInt8(ascii: "{"):
            return TOMLValue(.table(try inlineTable(at: location)), at: location)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return TOMLValue(.boolean(try boolean()), at: location)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"),
            UInt8(ascii: "n"):
            return TOMLValue(try numberOrDate(), at: location)
        default:
            throw cursor.error(
                "expected a value (string, number, boolean, date, array or inline table), "
                    + "found \(cursor.describeCurrent)")
        }
    }

    // MARK: - Private

    private mutating func boolean() throws(LockfileError) -> Bool {
        if cursor.starts(with: "true") {
            cursor.advance(4)
            return true
        }
        if cursor.starts(with: "false") {
            cursor.advance(5)
            return false
        }
        throw cursor.error("expected `true` or `false`, found \(cursor.describeCurrent)")
    }

    /// Enters one level of array or inline-table nesting, refusing to go past `maxDepth`.
    private mutating func enterNesting() throws(LockfileError) {
        depth += 1
        if depth > maxDepth {
            throw cursor.error("arrays and inline tables nested deeper than \(maxDepth) levels")
        }
    }

    /// Reads `[ v, v, ... ]`: newlines, comments and a trailing comma are allowed.
    private mutating func array() throws(LockfileError) -> [TOMLValue] {
        try enterNesting()
        cursor.advance()
        var elements: [TOMLValue] = []
        while true {
            try cursor.skipBlankLines()
            if cursor.current == UInt8(ascii: "]") { break }
            elements.append(try value())
            try cursor.skipBlankLines()
            if cursor.current == UInt8(ascii: ",") {
                cursor.advance()
                continue
            }
            if cursor.current == UInt8(ascii: "]") { break }
            throw cursor.error("expected `,` or `]` after an array element, found \(cursor.describeCurrent)")
        }
        cursor.advance()
        depth -= 1
        return elements
    }

    /// Reads `{ k = v, ... }` on one line (TOML 1.0: no newlines, no trailing comma).
    private mutating func inlineTable(at location: SourceLocation) throws(LockfileError) -> TOMLTable {
        try enterNesting()
        cursor.advance()
        let table = builder.beginInline(at: location)
        cursor.skipSpaces()
        if cursor.current == UInt8(ascii: "}") {
            cursor.advance()
        } else {
            while true {
                cursor.skipSpaces()
                try keyValue(into: table)
                cursor.skipSpaces()
                if cursor.current == UInt8(ascii: ",") {
                    cursor.advance()
                    cursor.skipSpaces()
                    if cursor.current == UInt8(ascii: "}") {
                        throw cursor.error("expected a key after `,` (an inline table has no trailing comma)")
                    }
                    continue
                }
                if cursor.current == UInt8(ascii: "}") {
                    cursor.advance()
                    break
                }
                throw cursor.error("expected `,` or `}` in an inline table, found \(cursor.describeCurrent)")
            }
        }
        depth -= 1
        return builder.finishInline(table)
    }
}
