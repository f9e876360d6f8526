import Foundation
import LockgateCore

/// Walks a package's entry points in execution order and builds the behaviour sequence: each entry's code in statement
/// order, following package-local imports (each module once, in import order) and descending into called functions
/// at their call sites (each function once; also functions of the package's other modules, and in Python functions
/// handed to threads and exit handlers); the functions nothing called follow at the end of the entry, in name order
/// (a module imported later may still call them).
///
/// Each file is analysed when the walk first reaches it, with that entry's context.
struct SequenceWalker {
    let layout: PackageLayout
    let resolver: ModuleResolver
    let javascript: any FileAnalyzer
    let python: any FileAnalyzer
    let manifest: NPMManifest?
    /// Whether the package builds or declares native code (then shipped binaries are not `native_binary`).
    let buildsNative: Bool
    let shell = ShellAnalyzer()

    var behaviours: [Behaviour] = []
    var tokens: [SequenceToken] = []
    var entryNames: [String] = []
    /// Analyses by unit key (a file path, or `path#inline-N` for inline install code).
    var analyses: [String: FileAnalysis] = [:]
    /// The same analyses by unit id (the order they were recorded in): frames name their unit by id, so following
    /// a call or an import hashes no path.
    var units: [FileAnalysis] = []
    /// The unit id of each unit key (the latest unit recorded under it).
    var unitIds: [String: Int] = [:]
    var skipped: [String] = []
    var installSourceBytes = 0
    var deepBytes = 0
    var inlineCount = 0
    var visitedFiles: Set<String> = []
    /// The functions the walk has descended into, by unit id.
    var visitedFunctions: [Set<String>] = []
    var scriptsRun: Set<String> = Set(NPMManifest.lifecycle)
    var context: CodeContext = .install
    /// Whether the code being walked sits in a function nothing called while its file ran.
    var deferred = false
    /// Whether the walk is in the files no entry point reached (they run only if a user imports or runs them).
    var unreached = false
    /// The files an install entry runs itself (setup.py, the script a lifecycle hook names, the manifest of inline
    /// commands): a function of theirs nobody calls that the walk sees is still install code — such a file exists to
    /// act at install, and a payload there may be started in a way the walk does not follow (`new C().run()`) —
    /// while one of a module they import (setup.py imports the package for its version) waits for a caller.
    var installEntryFiles: Set<String> = []
    /// The files each Python import resolved to, by what the resolution depends on (a package imports the same
    /// modules from many files).
    var pythonImports: [PythonImportKey: [String]] = [:]
    /// Python units whose top level has run and whose uncalled functions wait for the end of the entry: another
    /// module may still call them (`from ._core import start; start()` in `__init__.py`).
    var pendingUncalled: [Int] = []
    /// The functions each imported call may name, in the order to try, by calling unit and call text.
    var importedCalls: [ImportedCallKey: [ImportedMember]] = [:]
    /// The same for Python calls, by what the resolution depends on (shared by the files of a folder).
    var pythonCalls: [PythonImportKey: [ImportedMember]] = [:]
    /// Whether a folder holds a Python module or package of a name (`folder/name`), for implicit relative imports.
    var siblingModules: [String: Bool] = [:]
    /// `ModuleResolver.pythonTopLevelNames`, worked out at the first imported call of an absolute path.
    var pythonTopLevelNames: Set<String>?

    /// Walks the planned entries, then every file not reached (in path order) as `other` entries.
    mutating func walk(_ entries: [PlannedEntry]) {
        visitedFiles.reserveCapacity(layout.files.count)  // only looked up, never iterated: no growth rehashing
        for entry in entries {
            context = entry.kind == .install ? .install : .runtime
            installEntryFiles = []
            begin(entry.kind, entry.name)
            for step in entry.steps { run(step) }
            walkUncalled()
            end(entry.kind)
        }
        for (position, file) in layout.files.enumerated().sorted(by: { $0.element.path < $1.element.path })
        where !visitedFiles.contains(file.path) {
            let kind = layout.kinds[position]
            guard kind != .other, kind != .binary || !buildsNative else { continue }
            context = layout.isAuxiliary(file.path) ? .auxiliary : .runtime
            let mark = (tokens.count, behaviours.count, entryNames.count)
            begin(.other, "other: \(file.path)")
            unreached = true
            run(.file(file.path, functions: []))
            walkUncalled()
            unreached = false
            if behaviours.count == mark.1 {
                tokens.removeSubrange(mark.0...)
                entryNames.removeSubrange(mark.2...)
            } else {
                end(.other)
            }
        }
    }

    /// Appends a behaviour to the sequence; in code that waits for a caller, a runtime behaviour is `deferred`, and
    /// so is an install behaviour outside the files the install entry runs itself (`installEntryFiles`).
    mutating func emit(_ behaviour: Behaviour) {
        var behaviour = behaviour
        if deferred || unreached {
            switch behaviour.context {
            case .runtime: behaviour.context = .deferred
            case .install where !installEntryFiles.contains(behaviour.path): behaviour.context = .deferred
            default: break
            }
        }
        tokens.append(.behaviour(behaviours.count))
        behaviours.append(behaviour)
    }

    // MARK: - Private

    private mutating func begin(_ kind: EntryKind, _ name: String) {
        tokens.append(.entryStart(kind))
        entryNames.append(name)
    }

    private mutating func end(_ kind: EntryKind) { tokens.append(.entryEnd(kind)) }

    private mutating func run(_ step: EntryStep) {
        switch step {
        case .behaviour(let behaviour): emit(behaviour)
        case .shell(let script, let origin):
            if context == .install { installEntryFiles.insert(origin.path) }
            installSourceBytes += context == .install ? script.utf8.count : 0
            let steps = shell.analyse(script, origin: origin)
            record(shellSteps: steps, path: origin.path, key: origin.path + "#script-\(analyses.count)")
            walkFrames([.shell(origin.path, steps, 0)])
        case .file(let path, let functions):
            if context == .install { installEntryFiles.insert(path) }
            walkFrames([.file(path, functions)])
        case .pth(let path): pth(path)
        }
    }

    /// A `.pth` file: each line starting with `import` runs at interpreter start (`install_hook` there); the other
    /// lines are path entries and are blanked before analysis so line numbers stay right.
    private mutating func pth(_ path: String) {
        guard let file = layout.file(path), visitedFiles.insert(path).inserted else { return }
        let lines = String(decoding: file.data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let importLines = lines.enumerated().filter {
            $0.element.hasPrefix("import ") || $0.element.hasPrefix("import\t")
        }
        guard !importLines.isEmpty else { return }
        for (offset, line) in importLines {
            emit(
                Behaviour(
                    kind: .installHook, path: path, line: offset + 1, column: 1, snippet: ShellRun.trim(line),
                    language: .python, context: .install))
        }
        let code = lines.map { $0.hasPrefix("import") ? String($0) : "" }.joined(separator: "\n")
        installSourceBytes += code.utf8.count
        let analysis = python.analyse(SourceFile(path: path, data: Data(code.utf8), context: .install))
        let unit = record(analysis, key: path)
        walkFrames([.events(unit, analysis.topLevel, 0, afterwards: [])])
    }
}
