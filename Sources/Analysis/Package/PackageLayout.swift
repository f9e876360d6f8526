import Foundation
import LockgateCore

/// The shape of a package's file tree: its root folder (`package/`, `name-1.0/` or none), an index of its files and
/// folders, each file's kind, and which files are auxiliary (tests, docs, examples, build tooling).
struct PackageLayout: Sendable {
    /// The files, in archive order.
    let files: [PackageFile]
    /// The root folder with its trailing `/`, or empty.
    let root: String
    /// File index by path.
    let index: [String: Int]
    /// Every folder that holds a file (paths without trailing `/`).
    let directories: Set<String>
    /// Each file's kind, parallel to `files`.
    let kinds: [FileKind]
    /// Whether each file is auxiliary, parallel to `files`.
    let auxiliary: [Bool]

    /// Indexes files.
    init(files: [PackageFile]) {
        self.files = files
        var index: [String: Int] = [:]
        var directories: Set<String> = []
        for (position, file) in files.enumerated() {
            if index[file.path] == nil { index[file.path] = position }
            var path = Substring(file.path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard directories.insert(String(path)).inserted else { break }
            }
        }
        self.index = index
        self.directories = directories
        self.kinds = files.map { FileKind.of(path: $0.path, data: $0.data) }
        let root = PackageLayout.root(of: files)
        self.root = root
        self.auxiliary = files.map { PackageLayout.computeAuxiliary($0.path, root: root) }
    }

    /// The file at a path.
    func file(_ path: String) -> PackageFile? { index[path].map { files[$0] } }

    /// Whether a file exists.
    func exists(_ path: String) -> Bool { index[path] != nil }

    /// A file's kind.
    func kind(_ path: String) -> FileKind { index[path].map { kinds[$0] } ?? .other }

    /// The ecosystem the files say: package.json at the root → npm; setup.py, pyproject.toml, setup.cfg, PKG-INFO or
    /// a `.dist-info/METADATA` → PyPI; otherwise the language with more source files (npm on a tie).
    func detectEcosystem() -> Ecosystem {
        if exists(root + "package.json") { return .npm }
        if ["setup.py", "pyproject.toml", "setup.cfg", "PKG-INFO"].contains(where: { exists(root + $0) })
            || files.contains(where: { $0.path.hasSuffix(".dist-info/METADATA") })
        {
            return .pypi
        }
        let python = kinds.filter { $0 == .python }.count
        let javascript = kinds.filter { $0 == .javascript }.count
        return python > javascript ? .pypi : .npm
    }

    /// Whether a file is auxiliary: under a test, docs, example, benchmark, fixture or build-tooling folder, or
    /// named like a test or a build configuration.
    func isAuxiliary(_ path: String) -> Bool {
        index[path].map { auxiliary[$0] } ?? PackageLayout.computeAuxiliary(path, root: root)
    }

    /// The auxiliary rule for one path.
    private static func computeAuxiliary(_ path: String, root: String) -> Bool {
        if ASCIIPath.isASCII(path, root) { return asciiAuxiliary(path, root: root) }
        let relative = path.hasPrefix(root) ? path.dropFirst(root.count) : Substring(path)
        let components = relative.split(separator: "/")
        for component in components.dropLast() where auxiliaryFolders.contains(component.lowercased()) {
            return true
        }
        guard let name = components.last?.lowercased() else { return false }
        if auxiliaryNames.contains(name) { return true }
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return name.contains(".test.") || name.contains(".spec.") || name.hasPrefix("test_") || stem.hasSuffix("_test")
            || name.hasSuffix(".config.js") || name.hasSuffix(".config.mjs") || name.hasSuffix(".config.cjs")
            || name.hasSuffix(".config.ts")
    }

    /// The auxiliary rule for an ASCII path and root, on bytes (the same answer as the `String` rule).
    private static func asciiAuxiliary(_ path: String, root: String) -> Bool {
        let bytes = Array(path.utf8)
        let skip = bytes.starts(with: root.utf8) ? root.utf8.count : 0
        let components = ASCIIPath.lowered(bytes[skip...]).split(separator: 0x2F)
        for component in components.dropLast() where auxiliaryFolders.contains(ASCIIPath.string(component)) {
            return true
        }
        guard let name = components.last else { return false }
        if auxiliaryNames.contains(ASCIIPath.string(name)) { return true }
        let stem = name.split(separator: 0x2E).first ?? name
        return ASCIIPath.contains(name, ".test.") || ASCIIPath.contains(name, ".spec.")
            || ASCIIPath.hasPrefix(name, "test_") || ASCIIPath.hasSuffix(stem, "_test")
            || ASCIIPath.hasSuffix(name, ".config.js") || ASCIIPath.hasSuffix(name, ".config.mjs")
            || ASCIIPath.hasSuffix(name, ".config.cjs") || ASCIIPath.hasSuffix(name, ".config.ts")
    }

    /// Folders whose files are auxiliary.
    static let auxiliaryFolders: Set<String> = [
        "test", "tests", "__tests__", "spec", "specs", "docs", "doc", "examples", "example", "benchmark",
        "benchmarks", "bench", "__mocks__", "__fixtures__", "fixtures", "testing", "e2e", ".github",
    ]
    /// File names that are auxiliary wherever they are.
    static let auxiliaryNames: Set<String> = [
        "conftest.py", "noxfile.py", "tox.ini", "gruntfile.js", "gulpfile.js", "karma.conf.js", "jest.config.js",
        ".eslintrc.js", "babel.config.js", ".babelrc.js", "webpack.config.js", "rollup.config.js", "fabfile.py",
        "dodo.py", "pavement.py", ".prettierrc.js", "commitlint.config.js", "tasks.py",
    ]

    // MARK: - Private

    /// The folder of the shallowest root marker (package.json, setup.py, pyproject.toml, setup.cfg, PKG-INFO), so
    /// repacked archives (`name-1.0/package/package.json`) work; `""` for a wheel (a top-level `.dist-info`); else the
    /// one folder every path starts with; else `""`.
    private static func root(of files: [PackageFile]) -> String {
        if files.allSatisfy({ ASCIIPath.isASCII($0.path) }) { return asciiRoot(of: files) }
        let markers: Set<Substring> = ["package.json", "setup.py", "pyproject.toml", "setup.cfg", "PKG-INFO"]
        var best: (depth: Int, root: String)?
        var first: Substring?
        var shared = true
        for file in files {
            let parts = file.path.split(separator: "/")
            if let top = parts.first, parts.count > 1, top.hasSuffix(".dist-info") { return "" }
            if let name = parts.last, markers.contains(name), parts.count - 1 < (best?.depth ?? .max) {
                best = (parts.count - 1, parts.dropLast().map { $0 + "/" }.joined())
            }
            if parts.count < 2 || (first != nil && first != parts.first) { shared = false }
            first = first ?? parts.first
        }
        if let best { return best.root }
        return shared ? first.map { $0 + "/" } ?? "" : ""
    }

    /// `root(of:)` on the bytes of ASCII paths (the same answer).
    private static func asciiRoot(of files: [PackageFile]) -> String {
        let markers = ["package.json", "setup.py", "pyproject.toml", "setup.cfg", "PKG-INFO"].map { Array($0.utf8) }
        var best: (depth: Int, root: String)?
        var first: ArraySlice<UInt8>?
        var shared = true
        for file in files {
            let bytes = Array(file.path.utf8)
            let parts = bytes.split(separator: 0x2F)
            if let top = parts.first, parts.count > 1, ASCIIPath.hasSuffix(top, ".dist-info") { return "" }
            if let name = parts.last, markers.contains(where: { $0.elementsEqual(name) }),
                parts.count - 1 < (best?.depth ?? .max)
            {
                best = (parts.count - 1, parts.dropLast().map { ASCIIPath.string($0) + "/" }.joined())
            }
            if parts.count < 2 { shared = false }
            if let known = first, let top = parts.first, !known.elementsEqual(top) { shared = false }
            first = first ?? parts.first
        }
        if let best { return best.root }
        return shared ? first.map { ASCIIPath.string($0) + "/" } ?? "" : ""
    }
}
