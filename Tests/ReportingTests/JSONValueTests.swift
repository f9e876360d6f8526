import Foundation
import Testing

@testable import Reporting

/// The fast writer behind `lockgate list` writes exactly what `JSONEncoder` writes for the same document.
@Suite struct JSONValueTests {
    private struct Sample: Encodable {
        struct Inner: Encodable {
            let line: Int
            let column: Int
        }

        let zeta: String
        let alpha: [String]
        let empty: [Int]
        let emptyObject: [String: Int]
        let flag: Bool
        let number: Int
        let inner: Inner
        let list: [Inner]
        let missing: String?
    }

    @Test(arguments: [
        "plain", "a/b \"q\" \\ back", "tab\tnl\ncr\r\u{8}\u{C}\u{1B}\u{0}\u{7F}", "ünï ✓ 日本 🙂", "",
    ])
    func matchesJSONEncoder(text: String) throws {
        let sample = Sample(
            zeta: text, alpha: [text, "x"], empty: [], emptyObject: [:], flag: true, number: -42,
            inner: .init(line: 1, column: 2), list: [.init(line: 3, column: 4)], missing: nil)
        let encoded = try JSONOutput.encode(sample, format: "test")
        let value = JSONValue.object(omittingNil: [
            ("zeta", .string(text)),
            ("alpha", .array([.string(text), .string("x")])),
            ("empty", .array([])),
            ("emptyObject", .object([])),
            ("flag", .bool(true)),
            ("number", .int(-42)),
            ("inner", .object([("line", .int(1)), ("column", .int(2))])),
            ("list", .array([.object([("column", .int(4)), ("line", .int(3))])])),
            ("missing", .optional(nil)),
        ])
        #expect(String(decoding: value.bytes, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
    }
}
