import LockgateCore

extension EntryPlanner {
    /// PyPI: setup.py (its top level, then each cmdclass command's methods), `.pth` files with `import` lines,
    /// then the top-level packages and modules (the distribution's own name first, then `top_level.txt` order, then
    /// path order), then console/GUI scripts, each top-level package's `__main__.py` (what `python -m pkg` runs) and
    /// a wheel's `.data/scripts`.
    static func python(layout: PackageLayout, metadata: PythonMetadata, resolver: ModuleResolver) -> [PlannedEntry] {
        var entries: [PlannedEntry] = []
        let root = layout.root
        let setupPath = root + "setup.py"
        if layout.exists(setupPath) {
            let source = PythonMetadata.text(layout.file(setupPath)?.data ?? .init())
            func hook(_ line: Int, _ note: String) -> Behaviour {
                let text = Self.line(line, of: source).map { ShellRun.trim($0) } ?? ""
                return Behaviour(
                    kind: .installHook, path: setupPath, line: line, column: 1,
                    snippet: text.isEmpty ? note : text, language: .python, context: .install)
            }
            let functions = metadata.commandClasses.flatMap { command in
                layoutFunctions(command.name).enumerated().map { offset, name in
                    FunctionItem(name: name, hook: offset == 0 ? hook(command.line, "cmdclass \(command.name)") : nil)
                }
            }
            entries.append(
                PlannedEntry(
                    kind: .install, name: "setup.py",
                    steps: [
                        .behaviour(hook(metadata.setupLine, "setup.py")), .file(setupPath, functions: functions),
                    ]))
        }
        for file in layout.files
        where file.path.hasSuffix(".pth") && !layout.isAuxiliary(file.path)
            && PythonMetadata.text(file.data).split(separator: "\n").contains(where: { $0.hasPrefix("import") })
        {
            entries.append(PlannedEntry(kind: .install, name: "pth: \(file.path)", steps: [.pth(file.path)]))
        }
        for path in mainModules(layout: layout, metadata: metadata, resolver: resolver) {
            entries.append(PlannedEntry(kind: .main, name: "main: \(path)", steps: [.file(path, functions: [])]))
        }
        for entry in metadata.entryPoints {
            let files = resolver.python(entry.module, from: root + "setup.py")
            guard let last = files.last else { continue }
            var steps: [EntryStep] = files.dropLast().map { .file($0, functions: []) }
            steps.append(.file(last, functions: entry.function.map { [FunctionItem(name: $0, hook: nil)] } ?? []))
            entries.append(
                PlannedEntry(kind: .bin, name: "console script \(entry.name): \(entry.module)", steps: steps))
        }
        for path in moduleMains(layout: layout, resolver: resolver) {
            let package = ModuleResolver.directory(of: path).split(separator: "/").last.map(String.init) ?? path
            entries.append(PlannedEntry(kind: .bin, name: "python -m \(package)", steps: [.file(path, functions: [])]))
        }
        for file in layout.files where Self.holdsDataScripts(file.path) {
            entries.append(
                PlannedEntry(kind: .bin, name: "script: \(file.path)", steps: [.file(file.path, functions: [])]))
        }
        return entries
    }

    /// The methods a command class may run, `run` first (the analyser names methods `Class.method`).
    static func layoutFunctions(_ className: String) -> [String] {
        [
            "\(className).run", "\(className).__init__", "\(className).initialize_options",
            "\(className).finalize_options",
        ]
    }

    // MARK: - Private

    private static let notMain: Set<String> = [
        "setup.py", "conftest.py", "noxfile.py", "fabfile.py", "tasks.py",
        "manage.py", "dodo.py", "pavement.py", "ez_setup.py", "distribute_setup.py",
    ]

    /// `pkg/__main__.py` of each top-level package outside tests and docs, in path order: the code `python -m pkg`
    /// runs, which a payload uses as its launcher as a CLI does.
    private static func moduleMains(layout: PackageLayout, resolver: ModuleResolver) -> [String] {
        var mains: [String] = []
        for root in resolver.pythonRoots {
            for file in layout.files where file.path.hasPrefix(root) && file.path.hasSuffix("/__main__.py") {
                let parts = file.path.dropFirst(root.count).split(separator: "/")
                if isPackageFile(parts, named: "__main__.py") { mains.append(file.path) }
            }
        }
        return mains.sorted()
    }

    /// Whether a path below a Python root, split at `/`, is `pkg/<name>` of a top-level package outside tests and
    /// docs.
    private static func isPackageFile(_ parts: [Substring], named name: String) -> Bool {
        parts.count == 2 && parts[1] == name && !PackageLayout.auxiliaryFolders.contains(parts[0].lowercased())
    }

    /// `pkg/__init__.py` for each top-level package and each top-level module, in priority order.
    private static func mainModules(layout: PackageLayout, metadata: PythonMetadata, resolver: ModuleResolver)
        -> [String]
    {
        var candidates: [String] = []
        for root in resolver.pythonRoots {
            for file in layout.files where file.path.hasPrefix(root) {
                let rest = file.path.dropFirst(root.count)
                let parts = rest.split(separator: "/")
                if isPackageFile(parts, named: "__init__.py") {
                    candidates.append(file.path)
                } else if parts.count == 1, rest.hasSuffix(".py"), !notMain.contains(String(rest)),
                    !layout.isAuxiliary(file.path)
                {
                    candidates.append(file.path)
                }
            }
        }
        let wanted = ((metadata.name.map { [$0] } ?? []) + metadata.topLevel).map {
            $0.lowercased().replacingOccurrences(of: "-", with: "_")
        }
        func rank(_ path: String) -> Int {
            let name = (ModuleResolver.directory(of: path).split(separator: "/").last.map(String.init) ?? "")
            let moduleName =
                path.hasSuffix("/__init__.py") ? name : String((path.split(separator: "/").last ?? "").dropLast(3))
            let normalised = moduleName.lowercased().replacingOccurrences(of: "-", with: "_")
            return wanted.firstIndex { $0 == normalised } ?? wanted.count
        }
        var seen = Set<String>()
        candidates.sort()
        // Each rank is worked out once, not once per comparison.
        return candidates.filter { seen.insert($0).inserted }
            .enumerated().map { (rank: rank($0.element), offset: $0.offset, path: $0.element) }
            .sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.path)
    }

    /// Line `number` (1-based) of a text as `split(separator: "\n", omittingEmptySubsequences: false)` cuts it (a
    /// `\r\n` pair is one `Character`, not a separator), or nil past the last line; found in one pass over the
    /// UTF-8 without making every line.
    static func line(_ number: Int, of text: String) -> Substring? {
        guard number >= 1 else { return nil }
        var copy = text
        let found: (start: Int, end: Int)? = copy.withUTF8 { bytes in
            var current = 1
            var start = 0
            var previous: UInt8 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x0A && previous != 0x0D {
                    if current == number { return (start, index) }
                    current += 1
                    start = index + 1
                }
                previous = byte
            }
            return current == number ? (start, bytes.count) : nil
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: found.start)
        return text[lower..<utf8.index(lower, offsetBy: found.end - found.start)]
    }

    private static let dataScripts = Array(".data/scripts/".utf8)

    /// Whether a path holds `.data/scripts/`: a byte scan rules out almost every path, Foundation's `contains` (as
    /// before) decides the rest.
    static func holdsDataScripts(_ path: String) -> Bool {
        let needle = dataScripts
        var copy = path
        let bytesMatch = copy.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == 0x2E {
                if (1..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
            }
            return false
        }
        return bytesMatch && path.contains(".data/scripts/")
    }
}
