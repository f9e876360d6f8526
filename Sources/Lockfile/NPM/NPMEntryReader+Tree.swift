import LockgateCore

/// One node of a lockfileVersion 1 `dependencies` tree.
extension NPMEntryReader {
    /// Reads one v1 node, whose `version` is a semver, an `npm:` alias, or a URL or git spec.
    /// - Parameters:
    ///   - key: The name the node is installed under.
    ///   - entry: The node.
    ///   - location: The key's position.
    /// - Throws: `LockfileError` at a value of the wrong type.
    mutating func readTreeEntry(_ key: String, _ entry: JSONObject, location: SourceLocation) throws(LockfileError) {
        guard let written = try entry.string("version", path: path, owner: key) else { return }
        let resolved = try entry.string("resolved", path: path, owner: key) ?? ""
        var name = key
        var version = written
        let spec: NPMSpec
        if written.hasPrefix("npm:") {
            let (real, range) = Self.splitNameRange(written.dropFirst(4))
            guard !real.isEmpty, !range.isEmpty else {
                throw LockfileError(
                    path: path, location: entry["version"]?.location,
                    message: "invalid alias `version` of \(JSONObject.quoted(key)); expected npm:NAME@VERSION")
            }
            (name, version) = (real, range)
            spec = NPMSpec.classify(resolved)
        } else if written.first?.isASCII == true, written.first?.isNumber == true {
            spec = NPMSpec.classify(resolved)
        } else {
            spec = urlVersionSpec(written, name: key, resolved: resolved, version: &version)
        }
        guard let source = spec.source else {
            if case .local(let target) = spec {
                links.append(LocalLink(name: name, path: target, kind: .link, location: location))
            }
            return
        }
        packages.add(
            LockedPackage(
                ecosystem: .npm, name: name, version: version, source: source,
                integrity: try integrity(entry, owner: key),
                dev: try entry.bool("dev", path: path, owner: key) ?? false,
                optional: try entry.bool("optional", path: path, owner: key) ?? false,
                location: location,
                bundled: try entry.bool("bundled", path: path, owner: key) ?? false,
                aliases: name == key ? [] : [key]))
    }

    /// Splits `name@range` (`@scope/name@1.0.0` keeps the scope's `@`).
    /// - Parameter spec: The text after `npm:`.
    /// - Returns: The name and the range; the range is empty when there is none.
    static func splitNameRange(_ spec: Substring) -> (String, String) {
        let searchStart = spec.hasPrefix("@") ? spec.index(after: spec.startIndex) : spec.startIndex
        guard let at = spec[searchStart...].firstIndex(of: "@") else { return (String(spec), "") }
        return (String(spec[..<at]), String(spec[spec.index(after: at)...]))
    }

    // MARK: - Private

    /// The source of a v1 node whose `version` is not a semver: a git spec, an archive URL (a registry archive URL
    /// yields the version in its file name), or a local path.
    private func urlVersionSpec(
        _ written: String, name: String, resolved: String, version: inout String
    ) -> NPMSpec {
        let spec = NPMSpec.classify(written)
        guard case .registry(let url) = spec else { return spec }
        guard NPMSpec.isHTTP(written), let url else {
            // Not a URL (a dist-tag or range npm left behind): the archive is whatever `resolved` says.
            return NPMSpec.classify(resolved)
        }
        if let fromFileName = NPMSpec.registryVersion(from: url, name: name) { version = fromFileName }
        return spec
    }
}
