import Foundation

/// Where lockgate keeps its cache: `--cache-dir`, else `$XDG_CACHE_HOME/lockgate`, else `~/.cache/lockgate`.
public enum CacheLocation {
    /// The cache directory for a run.
    /// - Parameters:
    ///   - explicit: The `--cache-dir` argument.
    ///   - environment: The process environment.
    /// - Returns: An absolute directory path.
    public static func directory(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("lockgate")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/lockgate")
    }
}
