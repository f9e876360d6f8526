import LockgateCore

/// A strict RFC 8259 JSON parser over UTF-8 bytes that records the line and column of every value and key.
///
/// It parses iteratively (no recursion), so nesting depth is limited only by `maxDepth`, and reports the first
/// error with its position: unexpected characters, unterminated strings, invalid escapes or UTF-8, trailing
/// garbage. Duplicate keys are allowed; the last one wins (see `JSONObject`).
package struct JSONParser: Sendable {
    /// The nesting depth allowed by default.
    package static let defaultMaxDepth = 256

    /// The deepest nesting of arrays and objects accepted.
    package var maxDepth: Int

    /// Creates a parser.
    /// - Parameter maxDepth: The deepest nesting of arrays and objects accepted.
    package init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// Parses a complete JSON text.
    /// - Parameter bytes: The UTF-8 bytes; a leading byte-order mark is skipped.
    /// - Returns: The top-level value.
    /// - Throws: `JSONError` at the first position that is not valid JSON.
    package func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONNode {
        var scanner = JSONScanner(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        scanner.skipWhitespace()
        if scanner.atEnd { throw scanner.error("empty input; expected a JSON value") }
        var stack: [Frame] = []
        var node = try startValue(&scanner, stack: &stack)
        while true {
            if let finished = node {
                guard !stack.isEmpty else {
                    scanner.skipWhitespace()
                    if !scanner.atEnd {
                        let found = scanner.describeCurrent()
                        throw scanner.error("unexpected \(found) after the top-level value; expected end of input")
                    }
                    return finished
                }
                node = try finish(finished, scanner: &scanner, stack: &stack)
            } else {
                node = try startValue(&scanner, stack: &stack)
            }
        }
    }

    // MARK: - Private

    /// An array or object being read. A struct (not an enum with payloads) so that appending through
    /// `stack[last]` mutates the container in place instead of copying it.
    private struct Frame {
        var isObject: Bool
        var location: SourceLocation
        var elements: [JSONNode] = []
        var object = JSONObject()
        var key = ""
        var keyLocation = SourceLocation(line: 1, column: 1)
    }

    /// Reads the start of a value: a complete scalar or empty container, or nil after opening a container.
    private func startValue(_ scanner: inout JSONScanner, stack: inout [Frame]) throws(JSONError) -> JSONNode? {
        scanner.skipWhitespace()
        guard let byte = scanner.current else {
            throw scanner.error("unexpected end of input; expected a JSON value")
        }
        let location = scanner.location()
        switch byte {
        case UInt8(ascii: "{"):
            try checkDepth(stack.count, scanner: &scanner)
            scanner.index += 1
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "}") {
                scanner.index += 1
                return JSONNode(.object(JSONObject()), at: location)
            }
            let (key, keyLocation) = try scanKey(&scanner, after: "'{'")
            stack.append(Frame(isObject: true, location: location, key: key, keyLocation: keyLocation))
            return nil
        case UInt8(ascii: "["):
            try checkDepth(stack.count, scanner: &scanner)
            scanner.index += 1
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "]") {
                scanner.index += 1
                return JSONNode(.array([]), at: location)
            }
            stack.append(Frame(isObject: false, location: location))
            return nil
        case UInt8(ascii: "\""):
            return JSONNode(.string(try scanner.scanString()), at: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try scanner.scanNumber()), at: location)
        default:
            return JSONNode(try scanner.scanLiteral(), at: location)
        }
    }

    /// Adds a finished value to the innermost container; returns that container when it closes, else nil after
    /// reading the separator (and, for objects, the next key).
    private func finish(
        _ value: JSONNode, scanner: inout JSONScanner, stack: inout [Frame]
    ) throws(JSONError) -> JSONNode? {
        let top = stack.count - 1
        scanner.skipWhitespace()
        if !stack[top].isObject {
            stack[top].elements.append(value)
            switch scanner.current {
            case UInt8(ascii: ","):
                scanner.index += 1
                return nil
            case UInt8(ascii: "]"):
                scanner.index += 1
                let frame = stack.removeLast()
                return JSONNode(.array(frame.elements), at: frame.location)
            default:
                throw scanner.error("unexpected \(scanner.describeCurrent()); expected ',' or ']' after array element")
            }
        }
        let member = JSONMember(key: stack[top].key, keyLocation: stack[top].keyLocation, value: value)
        stack[top].object.add(member)
        switch scanner.current {
        case UInt8(ascii: ","):
            scanner.index += 1
            (stack[top].key, stack[top].keyLocation) = try scanKey(&scanner, after: "','")
            return nil
        case UInt8(ascii: "}"):
            scanner.index += 1
            let frame = stack.removeLast()
            return JSONNode(.object(frame.object), at: frame.location)
        default:
            throw scanner.error("unexpected \(scanner.describeCurrent()); expected ',' or '}' after object member")
        }
    }

    /// Reads `"key" :` and leaves the cursor at the value.
    private func scanKey(
        _ scanner: inout JSONScanner, after what: String
    ) throws(JSONError) -> (String, SourceLocation) {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "\"") else {
            throw scanner.error("unexpected \(scanner.describeCurrent()); expected a string key after \(what)")
        }
        let location = scanner.location()
        let key = try scanner.scanString()
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: ":") else {
            throw scanner.error("unexpected \(scanner.describeCurrent()); expected ':' after object key")
        }
        scanner.index += 1
        return (key, location)
    }

    private func checkDepth(_ depth: Int, scanner: inout JSONScanner) throws(JSONError) {
        if depth >= maxDepth {
            throw scanner.error("nesting deeper than \(maxDepth) levels; expected a shallower document")
        }
    }
}
