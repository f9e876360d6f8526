import Foundation
import LockgateCore

/// Collects packages and local links from the entries of an npm lockfile (`packages` or the v1 tree).
struct NPMEntryReader {
    /// The lockfile path, for errors.
    let path: String
    /// Distinct packages so far.
    var packages = PackageCollector()
    /// Local links so far, in file order.
    var links: [LocalLink] = []

    /// Reads v2/v3 `packages`: keyed by install path, `""` being the root project.
    /// - Parameter entries: The `packages` object.
    /// - Throws: `LockfileError` at a value of the wrong type.
    mutating func readPackages(_ entries: JSONObject) throws(LockfileError) {
        for member in entries.members {
            let key = member.key
            guard let entry = member.value.object else {
                throw LockfileError(
                    path: path, location: member.value.location,
                    message: "expected `packages` entry \(JSONObject.quoted(key)) to be an object, "
                        + "found \(member.value.kindDescription)")
            }
            if key.isEmpty { continue }
            let location = member.keyLocation
            guard let nameStart = NPMSpec.installedNameStart(in: key) else {
                // A folder of the project itself (a workspace member), not an installed package.
                let name = try entry.string("name", path: path, owner: key)
                links.append(LocalLink(name: name, path: key, kind: .workspace, location: location))
                continue
            }
            let installedAs = String(key[nameStart...])
            let name = try entry.string("name", path: path, owner: key) ?? installedAs
            guard !name.isEmpty else {
                throw LockfileError(
                    path: path, location: location,
                    message: "cannot tell the package name of \(JSONObject.quoted(key)); expected `name`")
            }
            let resolved = try entry.string("resolved", path: path, owner: key)
            if try entry.bool("link", path: path, owner: key) == true {
                links.append(LocalLink(name: name, path: resolved ?? key, kind: .link, location: location))
                continue
            }
            // Entries npm never installed carry no version; there is nothing to fetch.
            guard let version = try entry.string("version", path: path, owner: key) else { continue }
            let spec = NPMSpec.classify(resolved ?? "")
            guard let source = spec.source else {
                let kind: LocalLink.Kind = (resolved ?? "").hasPrefix("file:") ? .directory : .link
                links.append(LocalLink(name: name, path: resolved ?? key, kind: kind, location: location))
                continue
            }
            let devOptional = try entry.bool("devOptional", path: path, owner: key) ?? false
            _ = try entry.bool("peer", path: path, owner: key)
            packages.add(
                LockedPackage(
                    ecosystem: .npm, name: name, version: version, source: source,
                    integrity: try integrity(entry, owner: key),
                    dev: try entry.bool("dev", path: path, owner: key) == true && !devOptional,
                    optional: try entry.bool("optional", path: path, owner: key) == true && !devOptional,
                    location: location,
                    bundled: try entry.bool("inBundle", path: path, owner: key) ?? false,
                    aliases: name == installedAs ? [] : [installedAs]))
        }
    }

    /// Reads a v1 `dependencies` tree, depth first in file order.
    /// - Parameter dependencies: A `dependencies` object.
    /// - Throws: `LockfileError` at a value of the wrong type.
    mutating func readTree(_ dependencies: JSONObject) throws(LockfileError) {
        for member in dependencies.members {
            guard let entry = member.value.object else {
                throw LockfileError(
                    path: path, location: member.value.location,
                    message: "expected `dependencies` entry \(JSONObject.quoted(member.key)) to be an object, "
                        + "found \(member.value.kindDescription)")
            }
            try readTreeEntry(member.key, entry, location: member.keyLocation)
            if let children = try entry.object("dependencies", path: path, owner: member.key) {
                try readTree(children)
            }
        }
    }

    /// The integrity hashes of an entry.
    /// - Parameters:
    ///   - entry: The entry.
    ///   - owner: The entry's key, for errors.
    /// - Returns: The SRI hashes; empty when there is no `integrity`.
    /// - Throws: `LockfileError` when `integrity` is not a string or holds no valid SRI token.
    func integrity(_ entry: JSONObject, owner: String) throws(LockfileError) -> [Integrity] {
        guard let text = try entry.string("integrity", path: path, owner: owner) else { return [] }
        // One token is the usual case; `Integrity.sri` on it skips `sriList`'s Character-level split.
        let single = !text.utf8.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        let hashes = single ? Integrity.sri(Substring(text)).map { [$0] } ?? [] : Integrity.sriList(text)
        if hashes.isEmpty && !text.allSatisfy(\.isWhitespace) {
            throw LockfileError(
                path: path, location: entry["integrity"]?.location,
                message: "invalid `integrity` of \(JSONObject.quoted(owner)); "
                    + "expected Subresource Integrity such as sha512-<base64>")
        }
        return hashes
    }
}
