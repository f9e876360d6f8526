import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// The shortcuts taken for speed give the same answers as the plain way, and inputs built to defeat them (deep
/// shadowing, long member chains, a long command run again and again) are analysed completely.
@Suite struct JavaScriptSpeedTests {
    typealias Support = JavaScriptTestSupport

    @Test func keywordBitsMatchTheirDefinition() {
        typealias K = JavaScriptNames.Known
        let notKeywords: Set<K> = [
            .this, .super_, .async, .get, .set, .of, .from, .as_, .static_, .let_, .yield, .await_,
        ]
        for known in K.allCases {
            let expected = known.rawValue <= K.try_.rawValue && !notKeywords.contains(known)
            #expect(JavaScriptNames.isKeyword(known.rawValue) == expected, "\(known)")
        }
        #expect(!JavaScriptNames.isKeyword(-1))
        #expect(!JavaScriptNames.isKeyword(Int32(K.allCases.count)))
    }

    @Test(arguments: [
        ("a,b,,c", ","), ("", ","), ("abc", "abc"), ("aaaa", "aa"), ("x\r\ny\r\nz", "\n"), ("x\r\ny", "\r\n"),
        ("x\r\ny", "\r"), ("café,cafe\u{301},e", "e"), ("e\u{301}xe", "e"), ("a😀b😀", "😀"),
        (String(repeating: "ab", count: 40) + "c", String(repeating: "ab", count: 20) + "c"),
    ])
    func splittingAndSearchingAgreeWithFoundation(text: String, separator: String) {
        #expect(JavaScriptText.split(text, separator: separator) == text.components(separatedBy: separator))
        #expect(JavaScriptText.contains(text, separator) == text.contains(separator))
        #expect(JavaScriptText.Haystack(text).contains(separator) == text.contains(separator))
        #expect(
            JavaScriptText.containsAny(text, [separator, "zz"]) == (text.contains(separator) || text.contains("zz")))
    }

    @Test func scopesShadowHoistAndForget() {
        var scopes = JavaScriptScopes(nameCount: 4)
        let outer = JavaScriptValue(object: .string("outer")), inner = JavaScriptValue(object: .string("inner"))
        scopes.declare(1, outer)
        scopes.push(function: true)
        scopes.push(function: false)
        scopes.declare(1, inner)
        #expect(scopes.lookup(1) == inner)
        scopes.declare(1, JavaScriptValue(object: .string("var")), hoisted: true)  // below the block's binding
        #expect(scopes.lookup(1) == inner)
        scopes.declare(1, JavaScriptValue(object: .string("var 2")), hoisted: true)
        scopes.pop()
        #expect(scopes.lookup(1) == JavaScriptValue(object: .string("var 2")))
        scopes.pop()
        #expect(scopes.lookup(1) == outer)
        scopes.assign(2, inner)
        #expect(scopes.lookup(2) == inner)
        #expect(scopes.lookup(-1) == nil && scopes.lookup(99) == nil)
    }

    @Test func deepShadowingAndRedeclarationAreAnalysed() {
        let blocks = 20_000
        let source =
            "function f(){" + String(repeating: "{let a=1;", count: blocks)
            + String(repeating: "var a=1;", count: blocks)
            + String(repeating: "}", count: blocks) + "eval(a)}"
        #expect(Support.analyse(source).functions["f"]?.compactMap(\.behaviour).map(\.kind) == [.evalCode])
        let arrows = String(repeating: "x=>(", count: 20_000) + "eval(x)" + String(repeating: ")", count: 20_000)
        #expect(Support.kinds(in: arrows) == [.evalCode])
    }

    @Test func longMemberChainsEndInTheirCall() {
        let source = "const os = require('os');\nos" + String(repeating: ".a", count: 100_000) + "();\nos.hostname();"
        let analysis = Support.analyse(source)
        #expect(Support.positions(of: .reconHost, in: analysis) == [Support.Mark(line: 3, column: 4)])
    }

    @Test func aLongCommandRunManyTimesIsMatchedToItsWrite() {
        let writes = (0..<300).map { "fs.writeFileSync('/tmp/f\($0)', d);" }.joined()
        let command = "const c = '" + String(repeating: "a", count: 50_000) + " /tmp/f299';\n"
        let source =
            "const fs = require('fs');\n" + writes + "\n" + command
            + String(repeating: "require('child_process').exec(c);\n", count: 500)
        let analysis = Support.analyse(source)
        #expect(analysis.allBehaviours.filter { $0.kind == .writeExecute }.count == 500)
    }

    @Test func sharedSignalsGiveTheAnswersOfAFreshAnalyser() {
        let files = [
            "const u = 'https://x.ngrok.io/a'; require('./index'); const v = '10.0-10.1';",
            "fetch('https://x.ngrok.io/a'); const p = '/home/u/.ssh/id_rsa'; require('./index');",
        ].enumerated().map {
            SourceFile(path: "package/\($0.offset).js", data: Data($0.element.utf8), context: .runtime)
        }
        let shared = JavaScriptAnalyzer()
        for _ in 0..<2 {
            for file in files { #expect(shared.analyse(file) == JavaScriptAnalyzer().analyse(file)) }
        }
    }
}
