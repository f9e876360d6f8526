import Foundation
import LockgateCore

/// Tells a lockfile's format from its file name, else from its content.
public enum LockfileDetector {
    /// The file names `audit` looks for when it searches a directory tree (requirements files are matched by pattern).
    public static let fileNames: [String: LockfileFormat] = [
        "package-lock.json": .npm,
        "npm-shrinkwrap.json": .npmShrinkwrap,
        "pnpm-lock.yaml": .pnpm,
        "poetry.lock": .poetry,
        "Pipfile.lock": .pipfile,
        "uv.lock": .uv,
    ]

    /// Whether a file name is one a project keeps its lockfiles under (used by directory discovery).
    /// - Parameters:
    ///   - name: The file's base name.
    ///   - parentName: The base name of its folder (a `requirements/` folder holds requirements files of any name).
    /// - Returns: True for a lockfile name.
    public static func isLockfileName(_ name: String, parentName: String? = nil) -> Bool {
        if fileNames[name] != nil || name == "yarn.lock" { return true }
        guard name.hasSuffix(".txt") else { return false }
        return name.lowercased().contains("requirements") || parentName?.lowercased() == "requirements"
    }

    /// The format a file name implies, if any. Names may carry a prefix (`project__package-lock.json`).
    /// `yarn.lock` needs the content to tell classic from berry, so it returns nil here.
    /// - Parameter path: The path or base name.
    /// - Returns: The format, or nil when the name does not decide it.
    public static func format(forFileName path: String) -> LockfileFormat? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        for (suffix, format) in fileNames where name.hasSuffix(suffix) { return format }
        let parent = url.deletingLastPathComponent().lastPathComponent
        if name.hasSuffix(".txt") && isLockfileName(name, parentName: parent) { return .requirements }
        return nil
    }

    /// The format the content implies, if any.
    /// - Parameter data: The file's bytes.
    /// - Returns: The format, or nil when the content is not recognisably a lockfile.
    public static func format(forContent data: Data) -> LockfileFormat? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("{") {
            if head.contains("\"lockfileVersion\"") || head.contains("\"dependencies\"") {
                return .npm
            }
            if head.contains("\"_meta\"") { return .pipfile }
            return nil
        }
        if head.contains("# yarn lockfile v1") { return .yarnClassic }
        if head.contains("__metadata:") { return .yarnBerry }
        if head.range(of: #"(?m)^lockfileVersion:"#, options: .regularExpression) != nil { return .pnpm }
        if head.contains("[[package]]") || head.contains("[metadata]") {
            if head.range(of: #"(?m)^version = \d+"#, options: .regularExpression) != nil
                || head.range(of: #"(?m)^revision = \d+"#, options: .regularExpression) != nil
            {
                return .uv
            }
            return .poetry
        }
        if looksLikeRequirements(head) { return .requirements }
        return nil
    }

    /// Detects the format of a lockfile, by name first, then by content.
    /// - Parameters:
    ///   - path: The path as given.
    ///   - data: The file's bytes.
    /// - Returns: The format.
    /// - Throws: `LockfileError` when neither name nor content tells the format.
    public static func detect(path: String, data: Data) throws(LockfileError) -> LockfileFormat {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if name.hasSuffix("yarn.lock") {
            let head = String(decoding: data.prefix(4096), as: UTF8.self)
            return head.contains("__metadata:") ? .yarnBerry : .yarnClassic
        }
        if let format = format(forFileName: path) ?? format(forContent: data) { return format }
        throw LockfileError(
            path: path, line: 1, column: 1,
            message: "cannot tell the lockfile format: expected package-lock.json, npm-shrinkwrap.json, yarn.lock, "
                + "pnpm-lock.yaml, requirements*.txt, poetry.lock, Pipfile.lock or uv.lock (use --lockfile-format)")
    }

    // MARK: - Private

    private static func looksLikeRequirements(_ head: String) -> Bool {
        let lines = head.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else { return false }
        let pattern = #"^(-[rce]\s|--[a-z-]+|[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*(==|>=|<=|~=|!=|===|<|>|@|;|$))"#
        return lines.allSatisfy { $0.range(of: pattern, options: .regularExpression) != nil }
    }
}
