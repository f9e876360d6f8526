import Foundation
import Policy

/// Finds and loads the policy a run uses: `--policy FILE`, else `.lockgate.yml` at the repository root (or the
/// nearest ancestor), else the built-in default.
public enum PolicyResolution {
    /// Loads the policy for a run.
    /// - Parameters:
    ///   - explicitPath: The `--policy` argument, if given.
    ///   - workingDirectory: Where the search for `.lockgate.yml` starts.
    /// - Returns: The policy and the file it came from (nil for the built-in default).
    /// - Throws: `PolicyError` naming file, line and key when the file is invalid or unreadable.
    public static func load(explicitPath: String?, workingDirectory: String) throws(PolicyError) -> (Policy, String?) {
        if let explicitPath {
            return (try PolicyLoader.load(path: explicitPath), explicitPath)
        }
        if let found = PolicyLoader.discover(startingAt: workingDirectory) {
            return (try PolicyLoader.load(path: found), found)
        }
        return (Policy.defaultPolicy, nil)
    }
}
