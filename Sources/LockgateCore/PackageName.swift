/// Package-name rules shared by every stage.
public enum PackageName {
    /// The PEP 503 normalised form of a Python project name: lowercase, runs of `-`, `_` and `.` become one `-`.
    /// - Parameter name: The name as written.
    /// - Returns: The normalised name.
    public static func pep503(_ name: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                pendingSeparator = true
            } else {
                if pendingSeparator && !out.isEmpty { out.append("-") }
                pendingSeparator = false
                out.append(character)
            }
        }
        return out
    }

    /// Normalises a name the way its ecosystem compares names (PEP 503 for PyPI; npm names are kept as written).
    /// - Parameters:
    ///   - name: The name.
    ///   - ecosystem: Its ecosystem.
    /// - Returns: The comparable name.
    public static func normalised(_ name: String, in ecosystem: Ecosystem) -> String {
        switch ecosystem {
        case .npm: name
        case .pypi: pep503(name)
        }
    }
}
