/// Finds the command classes a setup.py installs: the values of `cmdclass={...}` / `cmdclass=dict(...)`, and
/// classes that subclass setuptools/distutils commands that run at install (install, develop, egg_info, build_py,
/// build_ext, sdist, bdist_wheel, bdist_egg, build).
enum SetupCommands {
    /// The classes with the line of their `class` statement (1 when not defined in setup.py), in source order.
    static func classes(in text: String, lines: [Substring]) -> [(name: String, line: Int)] {
        var names: [String] = []
        if let range = text.range(of: "cmdclass") {
            let after = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == ":" || $0 == "\"" || $0 == "'" }
            if after.hasPrefix("{") || after.hasPrefix("dict(") {
                var depth = 0
                var body = ""
                for character in after.prefix(4_000) {
                    if "{(".contains(character) { depth += 1 }
                    if "})".contains(character) { depth -= 1 }
                    body.append(character)
                    if depth == 0 { break }
                }
                names += values(in: body)
            }
        }
        var result: [(String, Int)] = []
        for (offset, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("class ") else { continue }
            let name = String(trimmed.dropFirst(6).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            let bases = trimmed.drop { $0 != "(" }.prefix { $0 != ")" }.lowercased()
            let isCommand = commandBases.contains { base in
                bases.split(whereSeparator: { "(, .".contains($0) }).contains { $0 == base }
            }
            if names.contains(name) || isCommand { result.append((name, offset + 1)) }
        }
        for name in names where !result.contains(where: { $0.0 == name }) { result.append((name, 1)) }
        return result
    }

    // MARK: - Private

    private static let commandBases: Set<Substring> = [
        "install", "develop", "egg_info", "build_py", "build_ext", "sdist", "bdist_wheel", "bdist_egg", "build",
        "_install", "_develop", "_egg_info", "_build_py", "orig_install", "installcommand", "developcommand",
        "install_lib", "install_scripts",
    ]

    /// The class names used as values: after `:` in a dict literal, after `=` in `dict(...)`.
    private static func values(in body: String) -> [String] {
        var result: [String] = []
        let separators: Set<Character> = [":", "="]
        var index = body.startIndex
        while index < body.endIndex {
            if separators.contains(body[index]) {
                let rest = body[body.index(after: index)...].drop { $0 == " " || $0 == "\n" }
                let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
                if let first = name.first, first.isLetter || first == "_" {
                    result.append(String(name.split(separator: ".").last ?? Substring(name)))
                }
            }
            index = body.index(after: index)
        }
        return result
    }
}
