/// A package-lock.json (lockfile version 3) locking packages from the public registry's URLs, which a configured
/// registry replaces, as npm does.
enum PackageLockText {
    /// The lockfile text.
    /// - Parameter packages: (name, version, integrity) of each locked package, in order.
    /// - Returns: The JSON text.
    static func lockfile(_ packages: [(name: String, version: String, integrity: String)]) -> String {
        let entries = packages.map { name, version, integrity in
            """
                    "node_modules/\(name)": {
                      "version": "\(version)",
                      "resolved": "https://registry.npmjs.org/\(name)/-/\(name)-\(version).tgz",
                      "integrity": "\(integrity)"
                    }
            """
        }
        return """
            {
              "name": "demo", "lockfileVersion": 3, "requires": true,
              "packages": {
            \(entries.joined(separator: ",\n"))
              }
            }

            """
    }
}
