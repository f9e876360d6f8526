import Foundation
import Testing

@testable import Analysis

/// Minified is not obfuscated: a minified library is long-lined and dense but keeps ordinary names; obfuscator
/// output renames to `_0x` hexadecimal and rotates a string array.
@Suite struct SourceShapeTests {
    static let minified = String(
        repeating: "function t(e,n){return e.concat(n).map(function(r){return r*2})}var "
            + "o=t([1,2],[3]);module.exports={run:t,value:o};", count: 40)
    static let obfuscated =
        "var _0x1a2b=['push','shift','log'];(function(_0x3c4d,_0x5e6f){var _0x7a8b=function("
        + "_0x9c0d){while(--_0x9c0d){_0x3c4d['push'](_0x3c4d['shift']());}};_0x7a8b(++_0x5e6f);}(_0x1a2b,0x1f4));"
        + String(
            repeating: "var _0x4e5f=function(_0x1a2c,_0x2b3d){return _0x1a2b[_0x1a2c-0x0];};while(!![]){break;}",
            count: 30)

    /// The fast minified check answers exactly what the full measure does, backslashes before line breaks and
    /// spaces included (the measure skips the byte after a backslash).
    @Test func fastMinifiedCheckAgreesWithTheFullMeasure() {
        var generator = SplitMix(seed: 0x5EED)
        let pieces: [[UInt8]] = [
            Array("a=b(c)+d;".utf8), [0x0A], [0x5C, 0x0A], [0x5C, 0x20], [0x20], [0x09], Array("\\\\".utf8),
            Array(Self.minified.prefix(300).utf8),
        ]
        var minifiedSeen = 0
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            let target = 1_500 + Int(generator.next() % 6_000)
            // Long stretches of code with line breaks sprinkled at a rate drawn per sample.
            let breakRate = 1 + generator.next() % 200
            while bytes.count < target {
                let roll = generator.next()
                bytes += roll % breakRate == 0 ? pieces[1 + Int(roll / breakRate % 6)] : pieces[Int(roll % 2) * 7]
            }
            let data = Data(bytes)
            let expected = SourceShape.measure(data).isMinified
            #expect(SourceShape.isMinified(data) == expected, "sample of \(bytes.count) bytes")
            if expected { minifiedSeen += 1 }
        }
        #expect(minifiedSeen > 20 && minifiedSeen < 380, "both verdicts exercised: \(minifiedSeen) minified")
    }

    @Test func minifiedLibraryIsNotObfuscated() {
        let shape = SourceShape.measure(Data(Self.minified.utf8))
        #expect(shape.isMinified)
        #expect(!shape.isObfuscated)
        #expect(shape.lines == 1)
    }

    @Test func obfuscatorOutputIsObfuscated() {
        let shape = SourceShape.measure(Data(Self.obfuscated.utf8))
        #expect(shape.isObfuscated)
        #expect(shape.hasStringArrayRotation)
        #expect(shape.hexIdentifiers > 100)
    }

    @Test func ordinarySourceIsNeither() {
        let source = String(repeating: "function add(first, second) {\n  return first + second;\n}\n", count: 200)
        let shape = SourceShape.measure(Data(source.utf8))
        #expect(!shape.isMinified)
        #expect(!shape.isObfuscated)
        let escaped = String(repeating: "s = '\\x68\\x65\\x6c\\x6c\\x6f'\n", count: 60)
        let escapedShape = SourceShape.measure(Data(escaped.utf8))
        #expect(escapedShape.escapes == 300)
        #expect(!escapedShape.isObfuscated)
        #expect(!SourceShape.measure(Data()).isMinified)
    }
}
