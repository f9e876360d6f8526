/// Resolves module specifiers to package files: JavaScript `./x` → `x.js`, `x/index.js`, `.mjs`, `.cjs`, `.ts`
/// (and the package's own name, and bundled `node_modules/`), Python `.sub`, `..sub`, `pkg.sub` → the package
/// `__init__.py` files that run first, then the module.
struct ModuleResolver: Sendable {
    let layout: PackageLayout
    /// The npm package name, for `require('own-name/lib/x')`.
    let packageName: String?
    /// Python source roots with trailing `/` (the package root, `src/`, a wheel's `.data/purelib/`).
    let pythonRoots: [String]

    static let javascriptExtensions = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts"]

    init(layout: PackageLayout, packageName: String?) {
        self.layout = layout
        self.packageName = packageName
        var roots = [layout.root]
        if layout.directories.contains(layout.root + "src") { roots.append(layout.root + "src/") }
        roots += layout.directories.filter { $0.hasSuffix(".data/purelib") || $0.hasSuffix(".data/platlib") }
            .sorted().map { $0 + "/" }
        pythonRoots = roots
    }

    /// The names an absolute Python import can start with to name a file of the package: each source root's
    /// modules (`x.py`) and folders.
    func pythonTopLevelNames() -> Set<String> {
        var names: Set<String> = []
        func add(_ path: String, stripping suffix: String) {
            for root in pythonRoots where path.hasPrefix(root) {
                let rest = path.dropFirst(root.count)
                guard !rest.isEmpty, !rest.contains("/"), rest.hasSuffix(suffix) else { continue }
                names.insert(String(rest.dropLast(suffix.count)))
            }
        }
        for directory in layout.directories { add(directory, stripping: "") }
        for file in layout.files where file.path.hasSuffix(".py") { add(file.path, stripping: ".py") }
        return names
    }

    /// The file a JavaScript specifier names, from the importing file's path.
    func javascript(_ spec: String, from path: String) -> String? {
        var base: String
        if spec.hasPrefix("./") || spec.hasPrefix("../") || spec == "." || spec == ".." {
            guard let joined = Self.join(Self.directory(of: path), spec) else { return nil }
            base = joined
        } else if let name = packageName, spec == name || spec.hasPrefix(name + "/") {
            base = layout.root + spec.dropFirst(name.count).drop { $0 == "/" }
        } else if !spec.hasPrefix("/"), ASCIIPath.isASCII(spec) ? !spec.utf8.contains(0x3A) : !spec.contains(":") {
            let bundled = layout.root + "node_modules/" + spec
            guard layout.directories.contains(bundled) || layout.exists(bundled) else { return nil }
            base = bundled
        } else {
            return nil
        }
        while base.hasSuffix("/") { base.removeLast() }
        if layout.exists(base) { return base }
        for ext in Self.javascriptExtensions where layout.exists(base + ext) { return base + ext }
        let directory = base.isEmpty ? "" : base + "/"
        for ext in Self.javascriptExtensions where layout.exists(directory + "index" + ext) {
            return directory + "index" + ext
        }
        if let manifest = layout.file(directory + "package.json"),
            let main = MetadataJSON.parse(manifest.data)?["main"]?
                .string, let target = Self.join(base, main)
        {
            if layout.exists(target) { return target }
            for ext in Self.javascriptExtensions where layout.exists(target + ext) { return target + ext }
            for ext in Self.javascriptExtensions where layout.exists(target + "/index" + ext) {
                return target + "/index" + ext
            }
        }
        return nil
    }

    /// The files a Python import runs, in order: each package's `__init__.py` on the way, then the module.
    func python(_ spec: String, from path: String) -> [String] {
        let dots: Int
        let dotted: [String]
        if ASCIIPath.isASCII(spec) {  // the same split on the bytes (each ASCII byte but `\r\n` is a `Character`)
            let bytes = Array(spec.utf8)
            dots = bytes.prefix { $0 == 0x2E }.count
            dotted = bytes.dropFirst(dots).split(separator: 0x2E).map { ASCIIPath.string($0) }
        } else {
            dots = spec.prefix { $0 == "." }.count
            dotted = spec.dropFirst(dots).split(separator: ".").map(String.init)
        }
        if dots > 0 {
            var directory = Self.directory(of: path)
            for _ in 1..<dots {
                guard let parent = Self.join(directory, "..") else { return [] }
                directory = parent
            }
            return walk(dotted, from: directory.isEmpty ? "" : directory + "/")
        }
        for root in pythonRoots {
            let files = walk(dotted, from: root)
            if !files.isEmpty { return files }
        }
        return []
    }

    /// What `python(spec, from: path)` depends on: the spec alone for an absolute import, the importing file's
    /// folder and the spec for a relative one.
    static func pythonImportKey(_ spec: String, from path: String) -> PythonImportKey {
        PythonImportKey(directory: spec.utf8.first == 0x2E ? directory(of: path) : nil, spec: spec)
    }

    /// The folder part of a path (`a/b/c.js` → `a/b`), empty at the top.
    static func directory(of path: String) -> String {
        if ASCIIPath.isASCII(path) {
            let bytes = Array(path.utf8)
            return bytes.lastIndex(of: 0x2F).map { ASCIIPath.string(bytes[..<$0]) } ?? ""
        }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins a folder and a relative path, resolving `.` and `..`; `nil` when it climbs above the top.
    static func join(_ directory: String, _ relative: String) -> String? {
        if ASCIIPath.isASCII(directory, relative) { return asciiJoin(directory, relative) }
        var parts = directory.split(separator: "/").map(String.init)
        for piece in relative.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    // MARK: - Private

    /// `join` on the bytes of ASCII paths (the same answer as the `String` version).
    private static func asciiJoin(_ directory: String, _ relative: String) -> String? {
        let directoryBytes = Array(directory.utf8), relativeBytes = Array(relative.utf8)
        var parts = directoryBytes.split(separator: 0x2F)
        for piece in relativeBytes.split(separator: 0x2F) {
            if piece.count == 1 && piece.first == 0x2E { continue }
            if piece.count == 2 && piece.first == 0x2E && piece.last == 0x2E {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(piece)
            }
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(directoryBytes.count + relativeBytes.count + 1)
        for (position, part) in parts.enumerated() {
            if position > 0 { joined.append(0x2F) }
            joined += part
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Walks `a.b.c` down from a folder: `a/__init__.py`, `a/b/__init__.py`, then `a/b/c.py` or `a/b/c/__init__.py`;
    /// stops where a name is not a module (`from a.b import function`).
    private func walk(_ names: [String], from directory: String) -> [String] {
        var files: [String] = []
        var current = directory
        if names.isEmpty {
            let initFile = current + "__init__.py"
            return layout.exists(initFile) ? [initFile] : []
        }
        for name in names {
            let module = current + name + ".py"
            let package = current + name
            if layout.exists(module) {
                files.append(module)
                break
            }
            guard layout.directories.contains(package) else { break }
            if layout.exists(package + "/__init__.py") { files.append(package + "/__init__.py") }
            current = package + "/"
        }
        return files
    }
}

/// What a Python import's resolution depends on (`ModuleResolver.pythonImportKey`).
struct PythonImportKey: Hashable {
    /// The importing file's folder, for a relative import; nil for an absolute one.
    let directory: String?
    /// The spec as written.
    let spec: String
}
