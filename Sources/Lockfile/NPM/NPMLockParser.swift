import Foundation
import LockgateCore

/// Reads npm's `package-lock.json` and `npm-shrinkwrap.json`, lockfile versions 1, 2 and 3.
///
/// Versions 2 and 3 are read from `packages` (a v2 file's legacy `dependencies` tree is ignored); version 1, and a
/// file without `lockfileVersion` that has `dependencies`, from the nested `dependencies` tree. Each package is
/// located at its key; workspace folders, `link: true` entries and `file:` directories are local links.
public struct NPMLockParser: LockfileParser {
    /// Creates a parser.
    public init() {}

    /// Parses a package-lock.json or npm-shrinkwrap.json.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - format: `.npm` or `.npmShrinkwrap`.
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
                message: "expected an object at the top level of \(format.fileName), found \(root.kindDescription)")
        }
        let version = try lockfileVersion(document, path: path)
        var reader = NPMEntryReader(path: path)
        if version.map({ $0 >= 2 }) ?? true, let packages = try document.object("packages", path: path) {
            try reader.readPackages(packages)
        } else if let dependencies = try document.object("dependencies", path: path) {
            try reader.readTree(dependencies)
        } else if version != 1 {
            let what = version == nil ? "`lockfileVersion` and `dependencies`" : "`packages`"
            throw LockfileError(
                path: path, location: root.location,
                message: "missing \(what); expected a \(format.fileName) with `lockfileVersion` and `packages`")
        }
        return LockfileContents(
            path: path, format: format, formatVersion: version.map { String($0) },
            packages: reader.packages.result, localLinks: reader.links)
    }

    // MARK: - Private

    /// `lockfileVersion` when present: 1, 2 or 3.
    private func lockfileVersion(_ document: JSONObject, path: String) throws(LockfileError) -> Int? {
        guard let version = try document.integer("lockfileVersion", path: path) else { return nil }
        guard (1...3).contains(version) else {
            let location = document["lockfileVersion"]?.location
            throw LockfileError(
                path: path, location: location, message: "unsupported lockfileVersion \(version); expected 1, 2 or 3")
        }
        return version
    }
}

extension LockfileFormat {
    /// The usual file name of an npm lockfile format, for messages.
    fileprivate var fileName: String {
        self == .npmShrinkwrap ? "npm-shrinkwrap.json" : "package-lock.json"
    }
}
