import Foundation

/// What lockgate reads from a Python distribution's metadata files: identity, console scripts, top-level names,
/// setup.py's `setup(` line and cmdclass overrides, and whether the distribution builds native code.
struct PythonMetadata: Sendable {
    /// A console or GUI script: `name = module:function`.
    struct EntryPoint: Sendable, Hashable {
        var name: String
        var module: String
        var function: String?
    }

    var name: String?
    var version: String?
    var entryPoints: [EntryPoint] = []
    /// Names from `top_level.txt`, in order.
    var topLevel: [String] = []
    /// The 1-based line of setup.py's `setup(` call (1 when not found).
    var setupLine = 1
    /// Classes setup.py installs as commands (`cmdclass={'install': X}` or subclasses of install commands), with the
    /// line of their `class` statement.
    var commandClasses: [(name: String, line: Int)] = []
    /// Whether the distribution builds or ships native code on purpose (ext_modules, Cython, Rust or CMake
    /// backends, a platform wheel).
    var buildsNative = false

    /// Reads the metadata files of a layout.
    init(layout: PackageLayout) {
        let root = layout.root
        for file in layout.files {
            let path = file.path
            if path == root + "PKG-INFO" || path.hasSuffix(".dist-info/METADATA")
                || (name == nil && path.hasSuffix(".egg-info/PKG-INFO"))
            {
                readHeaders(file.data)
            } else if path.hasSuffix("/entry_points.txt") {
                entryPoints += PythonMetadata.entryPoints(in: file.data, sections: ["console_scripts", "gui_scripts"])
            } else if path.hasSuffix("/top_level.txt") && topLevel.isEmpty {
                topLevel = Self.text(file.data).split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else if path.hasSuffix(".dist-info/WHEEL") {
                let text = Self.text(file.data)
                if text.contains("Root-Is-Purelib: false")
                    || text.split(separator: "\n").contains(where: {
                        $0.hasPrefix("Tag:") && !$0.trimmingCharacters(in: .whitespaces).hasSuffix("-any")
                    })
                {
                    buildsNative = true
                }
            } else if path.hasSuffix(".pyx") {
                buildsNative = true
            }
        }
        if let setupCfg = layout.file(root + "setup.cfg") {
            entryPoints += PythonMetadata.entryPoints(in: setupCfg.data, sections: ["options.entry_points"])
        }
        if let pyproject = layout.file(root + "pyproject.toml") {
            let text = Self.text(pyproject.data)
            entryPoints += PythonMetadata.entryPoints(
                in: pyproject.data, sections: ["project.scripts", "project.gui-scripts", "tool.poetry.scripts"])
            if name == nil { name = Self.tomlValue("name", in: text) }
            if version == nil { version = Self.tomlValue("version", in: text) }
            let native = [
                "maturin", "scikit_build", "scikit-build", "mesonpy", "meson-python", "setuptools_rust",
                "setuptools-rust", "cython", "pybind11", "cffi",
            ]
            if native.contains(where: text.lowercased().contains) { buildsNative = true }
        }
        if let setup = layout.file(root + "setup.py") { readSetup(setup.data) }
        if name == nil, !root.isEmpty, let dash = root.dropLast().lastIndex(of: "-") {
            name = String(root[..<dash])
            version = version ?? String(root[root.index(after: dash)...].dropLast())
        }
        var seen = Set<String>()
        entryPoints = entryPoints.filter { seen.insert($0.name + "=" + $0.module).inserted }
    }

    /// Parses `name = module:function [extras]` lines in the given `[sections]` (every section when the file has
    /// none; setup.py strings too).
    static func entryPoints(in data: Data, sections: Set<String>) -> [EntryPoint] {
        var result: [EntryPoint] = []
        var section: String?
        for rawLine in text(data).split(whereSeparator: \.isNewline).prefix(20_000) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces).lowercased()
                continue
            }
            guard section.map(sections.contains) ?? false else { continue }
            if let entry = entryPoint(line) { result.append(entry) }
        }
        return result
    }

    /// `x = pkg.cli:main`, `"x" = "pkg.cli:main"`, `'x = pkg.cli:main',` → the entry point.
    static func entryPoint(_ line: some StringProtocol) -> EntryPoint? {
        let cleaned = String(line.filter { !"\"',[]".contains($0) })
        let parts = cleaned.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        let target = parts[1].split(separator: " ").first(where: { !$0.isEmpty }) ?? Substring("")
        let pieces = target.split(separator: ":", maxSplits: 1)
        guard let module = pieces.first, !name.isEmpty, !name.contains(" "), pieces.count == 2,
            module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        else { return nil }
        return EntryPoint(name: name, module: String(module), function: pieces.count > 1 ? String(pieces[1]) : nil)
    }

    // MARK: - Private

    static func text(_ data: Data) -> String { String(decoding: data.prefix(1 << 20), as: UTF8.self) }

    private mutating func readHeaders(_ data: Data) {
        let text = Self.leadingText(data, lines: 200)
        for line in Self.lines(of: text, limit: 200) {
            if Self.isBlank(line) { break }
            if line.hasPrefix("Name:") {
                name = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("Version:") {
                version = line.dropFirst(8).trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// The text of a file's first `lines` lines as `text(_:)` would split them on `"\n"`, up to and with the first
    /// line of only spaces and tabs, decoding no further: a line ends at a line feed not preceded by a carriage
    /// return (`"\r\n"` is one `Character`, never `"\n"`).
    private static func leadingText(_ data: Data, lines: Int) -> String {
        let limited = data.prefix(1 << 20)
        let length = limited.withUnsafeBytes { bytes in
            var remaining = lines
            var previous: UInt8 = 0
            var blank = true
            for (offset, byte) in bytes.enumerated() {
                if byte == 0x0A && previous != 0x0D {
                    remaining -= 1
                    if remaining == 0 || blank { return offset + 1 }
                    blank = true
                } else if byte != 0x20 && byte != 0x09 {
                    blank = false
                }
                previous = byte
            }
            return bytes.count
        }
        return String(decoding: limited.prefix(length), as: UTF8.self)
    }

    /// The first `limit` pieces of `text.split(separator: "\n", omittingEmptySubsequences: false)`, cut on the
    /// UTF-8 bytes (a line feed after a carriage return is part of a `"\r\n"` `Character`, not a separator).
    private static func lines(of text: String, limit: Int) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        var previous: UInt8 = 0
        while index != utf8.endIndex && result.count < limit {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            utf8.formIndex(after: &index)
        }
        if result.count < limit { result.append(text[start..<utf8.endIndex]) }
        return result
    }

    /// Whether a line trims to nothing under `.whitespaces`; any ASCII byte but space or tab answers at once.
    private static func isBlank(_ line: Substring) -> Bool {
        if line.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 }) { return false }
        return line.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The contents of single-line `'...'` and `"..."` literals (no escapes), at most 10,000.
    private static func stringLiterals(in bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var index = 0
        while index < bytes.count, result.count < 10_000 {
            let quote = bytes[index]
            guard quote == 0x27 || quote == 0x22 else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && bytes[end] != quote && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count && bytes[end] == quote { result.append(bytes[(index + 1)..<end]) }
            index = end + 1
        }
        return result
    }

    private static func tomlValue(_ key: String, in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline).prefix(400) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            guard value.hasPrefix("\"") || value.hasPrefix("'") else { continue }
            return String(value.dropFirst().prefix { $0 != "\"" && $0 != "'" })
        }
        return nil
    }

    private mutating func readSetup(_ data: Data) {
        let bytes = [UInt8](data.prefix(1 << 20))
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if Self.nativeMarkers.occurs(in: lower) { buildsNative = true }
        var searchFrom = 0
        let setupCall = Array("setup(".utf8)
        while let found = ByteSearch.firstIndex(of: setupCall, in: bytes, from: searchFrom) {
            searchFrom = found + 1
            let lineStart = (bytes[..<found].lastIndex(of: 0x0A) ?? -1) + 1
            let before = bytes[lineStart..<found].drop { $0 == 0x20 || $0 == 0x09 }
            let previous = found > 0 ? bytes[found - 1] : 0x20
            let isIdentifier =
                (0x61...0x7A).contains(previous) || (0x41...0x5A).contains(previous)
                || (0x30...0x39).contains(previous) || previous == 0x5F
            if isIdentifier || before.starts(with: "def ".utf8) || before.first == 0x23 { continue }
            setupLine = bytes[..<found].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            break
        }
        entryPoints += Self.stringLiterals(in: bytes).compactMap { literal in
            guard literal.contains(0x3A) && literal.contains(0x3D) else { return nil }
            if literal.allSatisfy({ $0 < 0x80 }) { return Self.asciiEntryPoint(literal) }
            return Self.entryPoint(String(decoding: literal, as: UTF8.self))
        }
        commandClasses = SetupCommands.classes(in: bytes)
    }

    /// `entryPoint(_:)` on an ASCII literal, step for step on its bytes (each ASCII byte is one `Character`; the
    /// line has no `"\n"`), so literals that are not entry points cost no `String`.
    private static func asciiEntryPoint(_ literal: ArraySlice<UInt8>) -> EntryPoint? {
        let cleaned = literal.filter { $0 != 0x22 && $0 != 0x27 && $0 != 0x2C && $0 != 0x5B && $0 != 0x5D }
        let parts = cleaned.split(separator: 0x3D, maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let name = parts[0].drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        let target = parts[1].split(separator: 0x20).first(where: { !$0.isEmpty }) ?? []
        let pieces = target.split(separator: 0x3A, maxSplits: 1)
        guard let module = pieces.first, !name.isEmpty, !name.contains(0x20), pieces.count == 2,
            module.allSatisfy({
                (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F
                    || $0 == 0x2E
            })
        else { return nil }
        return EntryPoint(
            name: String(decoding: Array(name), as: UTF8.self), module: String(decoding: module, as: UTF8.self),
            function: String(decoding: pieces[1], as: UTF8.self))
    }

    private static let nativeMarkers = MarkerSet([
        "ext_modules", "extension(", "cythonize", "cffi_modules", "pybind11", "rust_extensions",
    ])
}
