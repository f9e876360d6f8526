/// The name and version a pnpm `packages:`/`snapshots:` key (or a dependency reference) names.
///
/// Key shapes by lockfile version:
/// - 5.x: `/name/1.0.0`, `/@scope/name/1.0.0`, `/name/1.0.0_peer@2.0.0+other@3.0.0`
/// - 6.x: `/name@1.0.0`, `/@scope/name@1.0.0(peer@2.0.0)(other@3.0.0)`
/// - 9.x: `name@1.0.0`, `name@1.0.0(peer@2.0.0)`, `name@1.0.0(patch_hash=...)`, `name@file:dir`, `name@https://...`
struct PNPMPackageKey: Sendable, Hashable {
    /// The package name (scoped names keep their scope).
    var name: String
    /// The version, without peer or patch suffixes; may be a URL or `file:` path for non-registry keys.
    var version: String

    /// Reads a key.
    /// - Parameters:
    ///   - key: The key as written.
    ///   - usesAtSeparator: True for lockfile 6.0 and later (`name@version`), false for 5.x (`/name/version`).
    /// - Returns: The name and version, or nil when the key has neither.
    static func parse(_ key: String, usesAtSeparator: Bool) -> PNPMPackageKey? {
        var body = Substring(key)
        if body.hasPrefix("/") { body = body.dropFirst() }
        if usesAtSeparator {
            return parseAtForm(body)
        }
        if let paren = body.utf8.firstIndex(of: UInt8(ascii: "(")) { body = body[..<paren] }
        let slashes = body.utf8.indices.lazy.filter { body.utf8[$0] == UInt8(ascii: "/") }
        let nameCount = body.hasPrefix("@") ? 2 : 1
        var iterator = slashes.makeIterator()
        var nameEnd = iterator.next()
        if nameCount == 2 { nameEnd = iterator.next() }
        guard let nameEnd else { return nil }
        let name = body[..<nameEnd]
        var version = body[body.utf8.index(after: nameEnd)...]
        if let slash = iterator.next() { version = version[..<slash] }
        if let underscore = version.utf8.firstIndex(of: UInt8(ascii: "_")) { version = version[..<underscore] }
        guard !name.isEmpty, !version.isEmpty, !name.hasSuffix("/") else { return nil }
        return PNPMPackageKey(name: String(name), version: String(version))
    }

    /// Reads a dependency reference that points at another package under a different name (an npm alias):
    /// `/real/1.0.0` (5.x), `/real@1.0.0` (6.x) or `real@1.0.0` (9.x).
    /// - Parameters:
    ///   - reference: The dependency's resolved version as written.
    ///   - usesAtSeparator: True for lockfile 6.0 and later.
    /// - Returns: The aliased package, or nil when the reference is a plain version, link, path or URL.
    static func aliasTarget(_ reference: String, usesAtSeparator: Bool) -> PNPMPackageKey? {
        guard let first = reference.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return nil
        }
        if reference.contains("://") || reference.hasPrefix("link:") || reference.hasPrefix("file:") { return nil }
        if !usesAtSeparator, !reference.hasPrefix("/") { return nil }
        guard let key = parse(reference, usesAtSeparator: usesAtSeparator) else { return nil }
        guard let versionFirst = key.version.utf8.first, (48...57).contains(versionFirst) else { return nil }
        return key
    }

    // MARK: - Private

    /// `name@version(peers)`: the name ends at the first `@` after a scope's leading `@`.
    private static func parseAtForm(_ body: Substring) -> PNPMPackageKey? {
        let utf8 = body.utf8
        let searchStart = body.hasPrefix("@") ? utf8.index(after: utf8.startIndex) : utf8.startIndex
        guard let at = utf8[searchStart...].firstIndex(of: UInt8(ascii: "@")) else { return nil }
        let name = body[..<at]
        var version = body[utf8.index(after: at)...]
        if let paren = version.utf8.firstIndex(of: UInt8(ascii: "(")) { version = version[..<paren] }
        guard !name.isEmpty, !version.isEmpty else { return nil }
        return PNPMPackageKey(name: String(name), version: String(version))
    }
}
