import Foundation
import LockgateCore

/// Reads pipenv's `Pipfile.lock`: `_meta` and the `default`, `develop` (and any other category) sections.
///
/// A package in several sections collapses to one, dev-only when it is in no `default` entry. Names are PEP 503
/// normalised. Entries with `path` (and no `file`) are local links: the editable project root or a directory.
public struct PipfileLockParser: LockfileParser {
    /// Creates a parser.
    public init() {}

    /// Parses a Pipfile.lock.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: `.pipfile`.
    ///   - context: The path, for errors and the result.
    /// - Returns: Distinct packages and local links.
    /// - Throws: `LockfileError` at the position of invalid JSON or of a value of the wrong type.
    public func parse(
        _ data: Data, format: LockfileFormat, context: ParseContext
    ) throws(LockfileError) -> LockfileContents {
        let path = context.path
        let root: JSONNode
        do {
            root = try JSONParser().parse([UInt8](data))
        } catch {
            throw LockfileError(error, path: path)
        }
        guard let document = root.object else {
            throw LockfileError(
                path: path, location: root.location,
                message: "expected an object at the top level of Pipfile.lock, found \(root.kindDescription)")
        }
        let meta = try document.object("_meta", path: path)
        guard meta != nil || document["default"] != nil || document["develop"] != nil else {
            throw LockfileError(
                path: path, location: root.location,
                message: "missing `_meta`, `default` and `develop`; expected a Pipfile.lock")
        }
        var reader = PipfileEntryReader(path: path)
        for section in document.members where section.key != "_meta" && !section.value.isNull {
            guard let entries = section.value.object else {
                throw LockfileError(
                    path: path, location: section.value.location,
                    message: "expected section `\(section.key)` to be an object of packages, "
                        + "found \(section.value.kindDescription)")
            }
            // Only `default` is installed by a plain `pipenv install`; `develop` and other categories are extras.
            let dev = section.key != "default"
            for member in entries.members {
                try reader.read(member, dev: dev)
            }
        }
        return LockfileContents(
            path: path, format: format, formatVersion: try specVersion(meta, path: path),
            packages: reader.packages.result, localLinks: reader.links)
    }

    // MARK: - Private

    /// `_meta.pipfile-spec` as text.
    private func specVersion(_ meta: JSONObject?, path: String) throws(LockfileError) -> String? {
        guard let meta, let spec = meta["pipfile-spec"], !spec.isNull else { return nil }
        if let number = spec.integer { return String(number) }
        if let text = spec.string { return text }
        throw meta.mismatch("pipfile-spec", spec, "an integer", path: path, owner: "_meta")
    }
}
