import Foundation

/// package-lock.json v3 files for the tests, locking packages "from the public registry" (lockgate moves the URLs
/// to the loopback registry named by `npm_config_registry`).
enum NPMLockfile {
    /// One locked package.
    struct Entry {
        var name: String
        var version: String
        var integrity: String
    }

    /// The lockfile text; package entries start on line 4 and take 5 lines each.
    /// - Parameter entries: The packages.
    /// - Returns: The file's text.
    static func text(_ entries: [Entry]) -> String {
        let packages = entries.map { entry in
            """
                "node_modules/\(entry.name)": {
                  "version": "\(entry.version)",
                  "resolved": "https://registry.npmjs.org/\(entry.name)/-/\(entry.name)-\(entry.version).tgz",
                  "integrity": "\(entry.integrity)"
                }
            """
        }
        return """
            {
              "name": "demo", "lockfileVersion": 3, "requires": true,
              "packages": {
            \(packages.joined(separator: ",\n"))
              }
            }

            """
    }

    /// A syntactically valid SRI for tests that never download.
    static let placeholderIntegrity =
        "sha512-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="
}
