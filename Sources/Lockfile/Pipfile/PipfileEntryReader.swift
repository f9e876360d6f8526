import Foundation
import LockgateCore

/// Turns Pipfile.lock entries into packages and local links.
struct PipfileEntryReader {
    /// The lockfile path, for errors.
    let path: String
    /// Distinct packages so far.
    var packages = PackageCollector()
    /// Local links so far, in file order.
    var links: [LocalLink] = []

    /// Reads one `"name": {...}` entry of a section.
    /// - Parameters:
    ///   - member: The entry.
    ///   - dev: Whether the section is not `default`.
    /// - Throws: `LockfileError` at a value of the wrong type or an invalid hash.
    mutating func read(_ member: JSONMember, dev: Bool) throws(LockfileError) {
        let key = member.key
        guard let entry = member.value.object else {
            throw LockfileError(
                path: path, location: member.value.location,
                message: "expected package \(JSONObject.quoted(key)) to be an object, "
                    + "found \(member.value.kindDescription)")
        }
        let written = try entry.string("version", path: path, owner: key)
        let file = try entry.string("file", path: path, owner: key)
        let editable = try entry.bool("editable", path: path, owner: key) ?? false
        _ = try entry.string("markers", path: path, owner: key)
        _ = try entry.string("index", path: path, owner: key)
        _ = try entry.array("extras", path: path, owner: key)
        if let localPath = try entry.string("path", path: path, owner: key), file == nil {
            let kind: LocalLink.Kind = editable ? .editable : .directory
            links.append(LocalLink(name: key, path: localPath, kind: kind, location: member.keyLocation))
            return
        }
        var (version, pinned) = Self.pin(written)
        let source: PackageSource
        if let (_, url) = try vcs(entry, owner: key) {
            source = PackageSource(kind: .git, url: url)
            if !pinned, let ref = try entry.string("ref", path: path, owner: key), !ref.isEmpty {
                (version, pinned) = (ref, true)
            }
        } else if let file {
            let lower = file.lowercased()
            let isGit = lower.hasPrefix("git+") || lower.hasPrefix("git:") || lower.contains(".git@")
            source = PackageSource(kind: isGit ? .git : .tarball, url: file)
        } else {
            source = .registry
        }
        packages.add(
            LockedPackage(
                ecosystem: .pypi, name: PackageName.pep503(key), version: version, source: source,
                integrity: try hashes(entry, owner: key), dev: dev, location: member.keyLocation, pinned: pinned))
    }

    /// The exact version of `==1.2.3` / `===1.2.3`, else the specifier as written (empty when none), unpinned.
    /// - Parameter written: The `version` value.
    /// - Returns: The version and whether it is pinned.
    static func pin(_ written: String?) -> (String, Bool) {
        guard let written else { return ("", false) }
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("=="), !trimmed.contains(","), !trimmed.contains("*") else { return (written, false) }
        let exact = trimmed.drop { $0 == "=" }.trimmingCharacters(in: .whitespaces)
        return exact.isEmpty ? (written, false) : (exact, true)
    }

    // MARK: - Private

    /// The version-control key (`git`, `hg`, `svn`, `bzr`) and its URL, when the entry has one.
    private func vcs(_ entry: JSONObject, owner: String) throws(LockfileError) -> (String, String)? {
        for key in ["git", "hg", "svn", "bzr"] {
            if let url = try entry.string(key, path: path, owner: owner) { return (key, url) }
        }
        return nil
    }

    /// The `hashes` array as integrity values.
    private func hashes(_ entry: JSONObject, owner: String) throws(LockfileError) -> [Integrity] {
        guard let elements = try entry.array("hashes", path: path, owner: owner) else { return [] }
        var result: [Integrity] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.string else {
                throw LockfileError(
                    path: path, location: element.location,
                    message: "expected each of `hashes` of \(JSONObject.quoted(owner)) to be a string, "
                        + "found \(element.kindDescription)")
            }
            guard let hash = Integrity.prefixedHex(text) else {
                throw LockfileError(
                    path: path, location: element.location,
                    message: "invalid hash \(JSONObject.quoted(text)) of \(JSONObject.quoted(owner)); "
                        + "expected sha256:<64 hex digits>")
            }
            result.append(hash)
        }
        return result
    }
}
