import Foundation

/// Turns paths as given into the paths reports show: relative to the repository root when inside one, so SARIF
/// locations resolve in code scanning wherever lockgate was started.
public struct RepositoryPaths: Sendable {
    /// The absolute working directory.
    public let workingDirectory: String
    /// The repository root (the nearest ancestor of the working directory holding `.git`), if any.
    public let root: String?

    /// Finds the repository root above a working directory.
    /// - Parameter workingDirectory: An absolute directory.
    public init(workingDirectory: String) {
        let standardized = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        self.workingDirectory = standardized
        var candidate = URL(fileURLWithPath: standardized)
        var found: String?
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                found = candidate.path
                break
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        root = found
    }

    /// The absolute form of a path as given.
    /// - Parameter path: A path, absolute or relative to the working directory.
    /// - Returns: The absolute, standardised path.
    public func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// The path reports show: relative to the repository root when the file is inside it, else as given.
    /// - Parameter path: A path as given.
    /// - Returns: The display path, with forward slashes.
    public func display(_ path: String) -> String {
        let absolutePath = absolute(path)
        if let root, absolutePath.hasPrefix(root + "/") {
            return String(absolutePath.dropFirst(root.count + 1))
        }
        return path
    }
}
