import LockgateCore
import Policy
import Testing

/// YAML aliases: a few are fine, an alias bomb is refused before Yams expands it, and `*.host` gets a hint.
@Suite struct AliasTests {
    @Test func aFewAliasesAreAllowed() throws {
        let text = """
            version: 1
            allowlist:
              - package: a
                reason: &why "reviewed by security"   # the anchor
              - {package: b, reason: *why}
              - package: c
                reason: *why
            registries:
              allowed: ["*.corp.example", '*.mirror.example']  # quoted: not aliases
            """
        let policy = try PolicyLoader.parse(text, path: "p.yml")
        #expect(policy.allowlist.map(\.reason) == Array(repeating: "reviewed by security", count: 3))
        #expect(policy.registries.allowed == ["*.corp.example", "*.mirror.example"])
    }

    @Test func anAliasBombIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(aliases)]\n"
        }
        text += "? *a9\n: 1\nversion: 1\n"
        let error = PolicyTestSupport.parseError(text)
        #expect(error?.kind == .syntax)
        #expect(error?.location == LockgateCore.SourceLocation(line: 3, column: 40))
        #expect(error?.message.contains("more than 16 YAML aliases") == true)
    }

    @Test func starsInsideScalarsQuotesCommentsAndBlockTextAreNotAliases() throws {
        var text = "version: 1\nallowlist:\n"
        for index in 0..<20 {
            text += "  - package: p\(index)\n    reason: use *with* care, \"*x\" # *not an alias\n"
        }
        text += "  - package: last\n    reason: |\n"
        for _ in 0..<20 { text += "      * a bullet\n" }
        let policy = try PolicyLoader.parse(text, path: "p.yml")
        #expect(policy.allowlist.count == 21)
        #expect(policy.allowlist[0].reason == "use *with* care, \"*x\"")
    }

    @Test func anUnquotedWildcardHostGetsAHint() {
        let error = PolicyTestSupport.parseError("version: 1\nregistries:\n  allowed:\n    - *.corp.example\n")
        #expect(error?.kind == .syntax)
        #expect(error?.location?.line == 4)
        #expect(error?.message.hasSuffix("quote values that start with * or &, such as \"*.corp.example\"") == true)
    }
}
