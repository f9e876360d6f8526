import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Minified is not obfuscated; obfuscation is measured by names and payloads, not by layout. Also the
/// linear-time guarantee on a 1 MB single-line file.
@Suite struct JavaScriptObfuscationTests {
    private func metrics(_ text: String) -> (JavaScriptMetrics, FileAnalysis) {
        let result = JavaScriptAnalyzer().analyseWithMetrics(
            SourceFile(path: "package/dist/x.min.js", data: Data(text.utf8), context: .runtime))
        return (result.metrics, result.analysis)
    }

    /// Minified-library style code: one long line, short ordinary names.
    static func minified(bytes: Int) -> String {
        var text = "!function(e,t){\"object\"==typeof exports?module.exports=t():e.lib=t()}(this,function(){"
        var index = 0
        while text.utf8.count < bytes {
            text += "var a\(index % 40)=function(n,r){return n+r/2},o\(index % 9)=\"s\(index)\";"
            text +=
                "if(o\(index % 9).length>3&&/ab+c/g.test(n)){"
                + "r=o\(index % 9).split(\",\").map(function(t){return t.trim()})}"
            text += "u.prototype.m\(index)=function(t){var i=this;return i.q=`t${t}x`,t?i.z(t):void 0};"
            index += 1
        }
        return text + "})"
    }

    /// javascript-obfuscator style code: `_0x` names, a rotated string array, hex-escaped strings.
    static let obfuscated: String = {
        let strings = (0..<30).map { "'\\x73\\x74\\x72\($0)'" }.joined(separator: ",")
        return """
            var _0x4a1b=[\(strings)];(function(_0x2d8f05,_0x4a1b2c){var _0x1f3a=function(_0x3c0e){while(--_0x3c0e){\
            _0x2d8f05['push'](_0x2d8f05['shift']());}};_0x1f3a(++_0x4a1b2c);}(_0x4a1b,0x1b3));var _0x5c2a=function(\
            _0x2d8f05,_0x4a1b2c){_0x2d8f05=_0x2d8f05-0x0;var _0x1f3a=_0x4a1b[_0x2d8f05];return _0x1f3a;};\
            console[_0x5c2a('0x0')](_0x5c2a('0x1'));
            """
    }()

    @Test func minifiedLibraryIsMinifiedButNotObfuscated() {
        let (metrics, analysis) = metrics(Self.minified(bytes: 50_000))
        #expect(metrics.isMinified)
        #expect(!metrics.isObfuscated)
        #expect(analysis.isMinified)
        #expect(!analysis.allBehaviours.contains { $0.kind == .obfuscatedIdentifiers })
    }

    @Test func obfuscatorOutputIsObfuscatedWhateverItsLayout() {
        let (metrics, analysis) = metrics(Self.obfuscated)
        #expect(metrics.isObfuscated)
        #expect(metrics.hexIdentifierShare > 0.5)
        #expect(metrics.stringArrayRotation)
        #expect(metrics.escapedStrings >= 10)
        #expect(!metrics.isMinified)
        #expect(analysis.allBehaviours.contains { $0.kind == .obfuscatedIdentifiers })
        #expect(analysis.allBehaviours.contains { $0.kind == .escapedIdentifiers })
    }

    /// A rotation with plain names next to a large string array (renamed identifiers, no `_0x`).
    @Test func plainNamedRotationOfAStringArrayIsObfuscation() {
        let strings = (0..<12).map { "'s\($0)'" }.joined(separator: ",")
        let text = "var ring=[\(strings)];while(true){if(check(ring))break;else ring.push(ring.shift());}"
        let (metrics, _) = metrics(text)
        #expect(metrics.stringArrayRotation)
    }

    /// Moving an element from the front of an array to its back inside a larger expression is ordinary code.
    @Test func arrayReshufflingInsideAnExpressionIsNotARotation() {
        let strings = (0..<12).map { "'s\($0)'" }.joined(separator: ",")
        let text = """
            var names=[\(strings)];
            if (n > 1) segments.push(segments.pop().concat(segments.shift()));
            queue.push(other.shift());
            """
        let (metrics, _) = metrics(text)
        #expect(!metrics.stringArrayRotation)
    }

    @Test func aFewHexNamesInALargeFileAreNotObfuscation() {
        let text = Self.minified(bytes: 20_000) + ";var _0x1234=1,_0x2345=2,_0x3456=3,_0x4567=4,_0x5678=5;"
        let (metrics, _) = metrics(text)
        #expect(metrics.hexIdentifiers == 5)
        #expect(!metrics.isObfuscated)
    }

    @Test func packedEvalIsObfuscated() {
        let (metrics, _) = metrics("eval(function(p,a,c,k,e,r){e=String;return p}('0 1',2,2,'a|b'.split('|'),0,{}))")
        #expect(metrics.packedEval && metrics.isObfuscated)
    }

    @Test func oneMegabyteSingleLineFileIsAnalysedInOnePass() {
        let text = Self.minified(bytes: 1_000_000) + ";require('child_process').exec('id')"
        #expect(!text.contains("\n"))
        let (metrics, analysis) = metrics(text)
        #expect(metrics.bytes >= 1_000_000 && metrics.lines == 1)
        #expect(metrics.isMinified && !metrics.isObfuscated)
        let spawn = analysis.allBehaviours.first { $0.kind == .spawnProcess }
        #expect(spawn?.line == 1)
        #expect((spawn?.column ?? 0) > 1_000_000)
        #expect((spawn?.snippet.count ?? 0) <= 170)
    }
}
