import Foundation
import Testing

@testable import Analysis

/// The lexer: templates, regex vs division, unterminated constructs, hashbang, JSX, escapes.
@Suite struct JavaScriptLexerTests {
    private func lex(_ text: String) -> (tokens: [JavaScriptToken], source: JavaScriptSource, names: JavaScriptNames) {
        let source = JavaScriptSource(bytes: Array(text.utf8))
        let stream = source.bytes.withUnsafeBufferPointer { JavaScriptLexer.lex($0) }
        return (stream.tokens, source, stream.names)
    }

    private func kinds(_ text: String) -> [JavaScriptTokenKind] { lex(text).tokens.map(\.kind) }

    @Test func nestedTemplates() {
        let (tokens, source, _) = lex("x = `a${b + `c${d}`}e`;")
        #expect(
            tokens.map(\.kind) == [
                .identifier, .punctuator, .templateHead, .identifier, .punctuator, .templateHead, .identifier,
                .templateTail, .templateTail, .punctuator,
            ])
        #expect(source.cooked(tokens[2]).value == "a")
        #expect(source.cooked(tokens[5]).value == "c")
        #expect(source.cooked(tokens[8]).value == "e")
        let match = JavaScriptBrackets.match(tokens)
        #expect(match[2] == 8 && match[5] == 7)
    }

    @Test func templateWithObjectLiteralInside() {
        let kinds = kinds("`${ {a: 1}.a }` + 1")
        #expect(
            kinds == [
                .templateHead, .punctuator, .identifier, .punctuator, .number, .punctuator, .punctuator,
                .identifier, .templateTail, .punctuator, .number,
            ])
    }

    @Test func divisionAfterOperands() {
        #expect(kinds("a / b / c") == [.identifier, .punctuator, .identifier, .punctuator, .identifier])
        #expect(
            kinds("(a) / 2 / x") == [
                .punctuator, .identifier, .punctuator, .punctuator, .number, .punctuator, .identifier,
            ])
        #expect(kinds("a[0] / 2") == [.identifier, .punctuator, .number, .punctuator, .punctuator, .number])
    }

    @Test func regexWhereAnExpressionStarts() {
        #expect(kinds("x = /re/g;") == [.identifier, .punctuator, .regex, .punctuator])
        #expect(
            kinds("return /[/]\\//.test(s)") == [
                .identifier, .regex, .punctuator, .identifier, .punctuator,
                .identifier, .punctuator,
            ])
        #expect(kinds("f(/a/, /b/)") == [.identifier, .punctuator, .regex, .punctuator, .regex, .punctuator])
    }

    @Test func stringsAndEscapes() {
        let (tokens, source, _) = lex(#"'a\'b' "c\x41\u0042\u{43}" 'line\"# + "\n" + #"cont'"#)
        #expect(tokens.map(\.kind) == [.string, .string, .string])
        #expect(source.cooked(tokens[0]).value == "a'b")
        #expect(source.cooked(tokens[1]).value == "cABC")
        #expect(source.cooked(tokens[2]).value == "linecont")
    }

    @Test func unterminatedStringEndsAtLineEnd() {
        let (tokens, _, _) = lex("x = 'open\ny = 2")
        #expect(tokens.map(\.kind) == [.identifier, .punctuator, .string, .identifier, .punctuator, .number])
        #expect(tokens[2].flags & JavaScriptToken.unterminated != 0)
    }

    @Test func unterminatedRegexAndTemplateAndComment() {
        #expect(kinds("x = /abc\ny") == [.identifier, .punctuator, .regex, .identifier])
        #expect(kinds("x = `abc ${y}\nzz") == [.identifier, .punctuator, .templateHead, .identifier, .templateTail])
        #expect(kinds("x /* never closed") == [.identifier])
    }

    @Test func hashbangAndComments() {
        #expect(kinds("#!/usr/bin/env node\n// c\n/* d */ a") == [.identifier])
    }

    @Test func escapedIdentifiersAreUnescaped() {
        let (tokens, _, names) = lex(#"\u0065val(x); \u{72}equire"#)
        #expect(names[tokens[0].name] == "eval")
        #expect(tokens[0].flags & JavaScriptToken.escaped != 0)
        #expect(names[tokens[5].name] == "require")
    }

    @Test func jsxDoesNotBreakTheLexer() {
        let (tokens, _, names) = lex("const el = <div className=\"a\">{x}</div>;\nconst y = 1;")
        #expect(tokens.contains { $0.isOp(JavaScriptOp.closeTag) })
        #expect(tokens.filter { $0.kind == .identifier }.map { names[$0.name] }.last == "y")
        #expect(tokens.suffix(5).map(\.kind) == [.identifier, .identifier, .punctuator, .number, .punctuator])
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let source = JavaScriptSource(bytes: bytes)
            let stream = source.bytes.withUnsafeBufferPointer { JavaScriptLexer.lex($0) }
            #expect(stream.tokens.allSatisfy { $0.start <= $0.end && Int($0.end) <= bytes.count })
        }
    }
}
extension JavaScriptLexerTests {
    @Test func numbersDecodeInEveryRadix() {
        #expect(JavaScriptDecoding.number("0o755") == 493)
        #expect(JavaScriptDecoding.number("0x41") == 65)
        #expect(JavaScriptDecoding.number("0b101") == 5)
        #expect(JavaScriptDecoding.number("1_000") == 1_000)
        #expect(JavaScriptDecoding.number("6.5e1") == 65)
    }
}
