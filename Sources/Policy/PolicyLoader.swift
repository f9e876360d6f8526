import Foundation
import LockgateCore
import Yams

/// Reads policy files: finds `.lockgate.yml`, loads and checks it.
public enum PolicyLoader {
    /// The policy file name looked for at the repository root.
    public static let fileName = ".lockgate.yml"
    /// The largest policy file read, in bytes (1 MiB); a policy is a few dozen lines.
    public static let maximumSize = 1 << 20

    /// Reads and checks a policy file.
    /// - Parameter path: The file's path.
    /// - Returns: The policy; keys the file leaves out take the default policy's values.
    /// - Throws: `PolicyError` when the file cannot be read, is not UTF-8 text, does not parse, or breaks a rule of the
    ///   format; the error names the line, column and key.
    public static func load(path: String) throws(PolicyError) -> Policy {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PolicyError(.unreadable, path: path, location: nil,
                              message: "cannot read the policy file: no such file")
        }
        guard !isDirectory.boolValue else {
            throw PolicyError(.unreadable, path: path, location: nil,
                              message: "cannot read the policy file: it is a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PolicyError(.unreadable, path: path, location: nil,
                              message: "cannot read the policy file: permission denied or not a regular file")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw PolicyError(.unreadable, path: path, location: nil,
                              message: "cannot read the policy file: \(error.localizedDescription)")
        }
        guard data.count <= maximumSize else {
            throw PolicyError(.unreadable, path: path, location: nil,
                              message: "the policy file is larger than \(maximumSize / 1024) KiB")
        }
        let text = try PolicyText.decode(data, path: path)
        return try parse(text, path: path)
    }

    /// Checks policy text.
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - path: The path errors name.
    /// - Returns: The policy.
    /// - Throws: `PolicyError` for binary text, YAML syntax errors, an empty document, a document that is not a
    ///   mapping, and every key or value the format does not allow.
    public static func parse(_ text: String, path: String) throws(PolicyError) -> Policy {
        try PolicyText.checkText(text, path: path)
        if let location = AliasScanner.firstAliasOverLimit(in: text) {
            let message = "more than \(AliasScanner.limit) YAML aliases (*name); write the values out instead"
            throw PolicyError(.syntax, path: path, location: location, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw PolicyText.syntaxError(error, text: text, path: path)
        }
        guard let root, !PolicyDecoder.isNull(root) else {
            throw PolicyError(.empty, path: path, location: SourceLocation(line: 1, column: 1),
                              message: "the policy file is empty; expected at least `version: 1`")
        }
        return try PolicyDecoder(path: path).policy(from: root)
    }

    /// Finds the policy file for a directory: `.lockgate.yml` in it or in its ancestors, stopping at the first
    /// directory that contains `.git` (the repository root), which is still searched.
    /// - Parameter directory: Where to start; a relative path is taken from the current directory.
    /// - Returns: The policy file's path (absolute), or nil when there is none up to the repository root or `/`.
    public static func discover(startingAt directory: String) -> String? {
        let fileManager = FileManager.default
        var current = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate.path
            }
            if fileManager.fileExists(atPath: current.appendingPathComponent(".git").path) { return nil }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
