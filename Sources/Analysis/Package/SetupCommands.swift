/// Finds the command classes a setup.py installs: the values of `cmdclass={...}` / `cmdclass=dict(...)`, and
/// classes that subclass setuptools/distutils commands that run at install (install, develop, egg_info, build_py,
/// build_ext, sdist, bdist_wheel, bdist_egg, build).
enum SetupCommands {
    /// The classes with the line of their `class` statement (1 when not defined in setup.py), in source order.
    static func classes(in bytes: [UInt8]) -> [(name: String, line: Int)] {
        var names: [String] = []
        if let found = ByteSearch.firstIndex(of: Array("cmdclass".utf8), in: bytes, from: 0) {
            var index = found + 8
            while index < bytes.count, [0x20, 0x3D, 0x3A, 0x22, 0x27].contains(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == 0x7B || bytes[index...].starts(with: "dict(".utf8) {
                var depth = 0
                var end = index
                while end < min(bytes.count, index + 4_000) {
                    if bytes[end] == 0x7B || bytes[end] == 0x28 { depth += 1 }
                    if bytes[end] == 0x7D || bytes[end] == 0x29 { depth -= 1 }
                    end += 1
                    if depth == 0 { break }
                }
                names = values(in: String(decoding: bytes[index..<end], as: UTF8.self))
            }
        }
        var result: [(String, Int)] = []
        var line = 1
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            let trimmed = bytes[lineStart..<index].drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.starts(with: "class ".utf8) {
                let text = String(decoding: trimmed.prefix(300), as: UTF8.self)
                let name = String(text.dropFirst(6).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                let bases = text.drop { $0 != "(" }.prefix { $0 != ")" }.lowercased()
                let isCommand = bases.split(whereSeparator: { "(, .".contains($0) }).contains {
                    commandBases.contains($0)
                }
                if names.contains(name) || isCommand { result.append((name, line)) }
            }
            line += 1
            lineStart = index + 1
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
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == ":" || body[index] == "=" {
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
