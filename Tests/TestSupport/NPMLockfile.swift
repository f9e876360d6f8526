import Foundation

/// package-lock.json v3 files for the tests, locking packages "from the public registry" (lockgate moves the URLs
/// to the loopback registry it is pointed at, as npm does).
public enum NPMLockfile {
    /// One locked package.
    public struct Entry: Sendable {
        /// The package name.
        public var name: String
        /// The version.
        public var version: String
        /// The SRI integrity string.
        public var integrity: String

        /// Creates an entry.
        /// - Parameters:
        ///   - name: The package name.
        ///   - version: The version.
        ///   - integrity: The SRI integrity string.
        public init(name: String, version: String, integrity: String) {
            self.name = name
            self.version = version
            self.integrity = integrity
        }
    }

    /// The lockfile text; package entries start on line 4 and take 5 lines each.
    /// - Parameter entries: The packages.
    /// - Returns: The file's text.
    public static func text(_ entries: [Entry]) -> String {
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
    public static let placeholderIntegrity =
        "sha512-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="
}
