/// A yarn descriptor or locator (`name@range`, `@scope/name@npm:1.0.0`) split into name and range.
struct YarnSpec: Sendable, Hashable {
    /// The package name as written before the range (an alias name for `alias@npm:real@1`).
    var name: String
    /// Everything after the `@` that ends the name.
    var range: String

    /// Splits a spec at the first `@` after position 0 (a scope's `@` is position 0; a name holds no other `@`).
    /// - Parameter spec: The spec, unquoted.
    init(_ spec: some StringProtocol) {
        let utf8 = spec.utf8
        if let at = utf8.dropFirst().firstIndex(of: 0x40) {
            name = String(spec[..<at])
            range = String(spec[spec.index(after: at)...])
        } else {
            name = String(spec)
            range = ""
        }
    }

    /// For an npm alias range (`npm:real@^1.0.0`), the aliased spec (`real@^1.0.0`); nil for any other range,
    /// including a plain `npm:^1.0.0`.
    var npmAliasTarget: YarnSpec? {
        guard range.hasPrefix("npm:") else { return nil }
        let inner = range.dropFirst(4)
        guard inner.utf8.dropFirst().contains(0x40) else { return nil }
        let target = YarnSpec(inner)
        return target.name.isEmpty ? nil : target
    }

    /// Splits a berry key (`"a@npm:^1, a@npm:^2"`) into its specs.
    /// - Parameter key: The key, unquoted.
    /// - Returns: The specs, trimmed.
    static func berryKeySpecs(_ key: String) -> [String] {
        guard key.utf8.contains(0x2C) else { return [key] }
        return key.split(separator: ",").map { String($0.drop(while: { $0 == " " })) }.filter { !$0.isEmpty }
    }
}
