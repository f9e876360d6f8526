import Testing

@testable import Reporting

/// URI encoding, fingerprints and security-severity formatting.
@Suite struct SARIFInternalsTests {
    @Test(
        arguments: [
            ("package-lock.json", "package-lock.json", "%SRCROOT%"),
            ("./web app/package-lock.json", "web%20app/package-lock.json", "%SRCROOT%"),
            ("sub\\dir\\yarn.lock", "sub/dir/yarn.lock", "%SRCROOT%"),
            ("a#b?c%d.txt", "a%23b%3Fc%25d.txt", "%SRCROOT%"),
            ("ünï.lock", "%C3%BCn%C3%AF.lock", "%SRCROOT%"),
            ("c:lock", "c%3Alock", "%SRCROOT%"),
            ("/abs/path x/uv.lock", "file:///abs/path%20x/uv.lock", nil),
            ("C:\\work\\uv.lock", "file:///C:/work/uv.lock", nil),
        ] as [(String, String, String?)])
    func artifactLocations(path: String, uri: String, base: String?) {
        let location = SARIFURI.artifactLocation(path)
        #expect(location.uri == uri)
        #expect(location.uriBaseId == base)
    }

    @Test func fnvMatchesTheReferenceVectors() {
        // Published FNV-1a 64 test vectors.
        #expect(SARIFFingerprint.fnv1a64("", basis: SARIFFingerprint.primaryBasis) == 0xcbf2_9ce4_8422_2325)
        #expect(SARIFFingerprint.fnv1a64("a", basis: SARIFFingerprint.primaryBasis) == 0xaf63_dc4c_8601_ec8c)
        #expect(SARIFFingerprint.fnv1a64("foobar", basis: SARIFFingerprint.primaryBasis) == 0x8594_4171_f739_67e8)
    }

    @Test func fingerprintIsStableAndFieldSeparated() {
        let one = SARIFFingerprint.fingerprint(rule: "r", ecosystem: "npm", name: "ab", version: "1", path: "p")
        #expect(one == SARIFFingerprint.fingerprint(rule: "r", ecosystem: "npm", name: "ab", version: "1", path: "p"))
        #expect(one != SARIFFingerprint.fingerprint(rule: "r", ecosystem: "npm", name: "a", version: "b1", path: "p"))
        #expect(one.count == 32)
        // Pinned value: changing the hash would reopen every alert in GitHub code scanning.
        #expect(
            SARIFFingerprint.fingerprint(
                rule: "denylisted", ecosystem: "npm", name: "evil-pkg", version: "1.0.0", path: "package-lock.json")
                == Self.pinnedFingerprint)
    }

    @Test(arguments: [
        (7.5, "7.5"), (3, "3.0"), (9.96, "10.0"), (11, "10.0"), (-1, "0.0"), (.nan, "0.0"), (0.04, "0.0"),
    ])
    func securitySeverity(value: Double, text: String) {
        #expect(SARIFRules.securitySeverity(value) == text)
    }

    private static let pinnedFingerprint = "1284c1812d5d6d83eb9705fa465e823b"
}
