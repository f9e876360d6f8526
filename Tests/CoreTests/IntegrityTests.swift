import Foundation
import LockgateCore
import Testing

/// Integrity parsing: SRI tokens (standard and URL-safe base64), prefixed hex, and rejection of malformed values.
@Suite struct IntegrityTests {
    @Test func sriTokensDecodeToHex() throws {
        let data = Data((0..<64).map { UInt8($0) })
        let token = "sha512-" + data.base64EncodedString()
        let integrity = try #require(Integrity.sri(Substring(token)))
        #expect(integrity.algorithm == .sha512)
        #expect(integrity.hex == data.hexString)
        let sha1 = try #require(Integrity.sri("sha1-" + Data(repeating: 0xAB, count: 20).base64EncodedString() + "?opt"))
        #expect(sha1.hex == String(repeating: "ab", count: 20))
    }

    @Test func sriListReadsSeveralTokensAndSkipsBadOnes() {
        let a = "sha512-" + Data(repeating: 1, count: 64).base64EncodedString()
        let b = "sha1-" + Data(repeating: 2, count: 20).base64EncodedString()
        #expect(Integrity.sriList("\(a) \(b)").map(\.algorithm) == [.sha512, .sha1])
        #expect(Integrity.sriList("\(a) md9-xyz").count == 1)
    }

    @Test(arguments: ["sha512-", "sha512-@@@@", "sha512-AAAA", "nope", "sha999-AAAA", "sha1-" + String(repeating: "A", count: 27) + "=="])
    func malformedTokensAreRejected(_ token: String) {
        #expect(Integrity.sri(Substring(token)) == nil)
    }

    @Test func prefixedHexAndPEP503() {
        #expect(Integrity.prefixedHex("sha256:" + String(repeating: "A", count: 64))?.hex == String(repeating: "a", count: 64))
        #expect(Integrity.prefixedHex("sha256=abc") == nil)
        #expect(PackageName.pep503("Foo__Bar.baz-Qux") == "foo-bar-baz-qux")
    }

    @Test func ruleCatalogIsSortedAndUnique() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        #expect(RuleCatalog.all.allSatisfy { (0...10).contains($0.securitySeverity) && !$0.help.isEmpty })
    }
}
