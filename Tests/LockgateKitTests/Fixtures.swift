import Foundation

/// Small lockfiles written for the end-to-end tests.
enum Fixtures {
    /// A syntactically valid SRI sha512 (the bytes 0...63); lockfile checks only need its shape.
    static let sri = "sha512-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="

    /// A package-lock.json v3 locking the given packages from the public registry, each with integrity.
    /// - Parameter packages: (name, version) pairs.
    /// - Returns: The file's text; package entries start on line 4 and take 4 lines each.
    static func packageLock(_ packages: [(String, String)]) -> String {
        var entries: [String] = []
        for (name, version) in packages {
            let base = name.split(separator: "/").last.map(String.init) ?? name
            entries.append("""
                    "node_modules/\(name)": {
                      "version": "\(version)",
                      "resolved": "https://registry.npmjs.org/\(name)/-/\(base)-\(version).tgz", "integrity": "\(sri)"
                    }
                """)
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
