import Foundation
import LockgateCore

/// One pending piece of the walk (an explicit stack, so deep import chains and call chains cost no recursion).
enum WalkFrame: Sendable {
    /// A file to run (skipped when already visited), then the named functions of it.
    case file(String, [FunctionItem], deferred: Bool = false)
    /// A unit's events (by unit id) from an index; `afterwards` (top-level frames only) are the functions to walk
    /// when the top level is done, before the ones nothing called.
    /// `deferred`: the unit is a function nothing called while its file ran.
    case events(Int, [CodeEvent], Int, afterwards: [FunctionItem]?, deferred: Bool = false)
    /// A unit's functions (by unit id, -1 for a file without analysis: only hooks) from an index; `thenUncalled`
    /// adds the functions nothing has called, in name order.
    case functions(Int, [FunctionItem], Int, thenUncalled: Bool, deferred: Bool = false)
    /// Shell steps from an index (path of the script's file).
    case shell(String, [ShellStep], Int)
}

extension SequenceWalker {
    /// Runs frames until the stack is empty.
    mutating func walkFrames(_ initial: [WalkFrame]) {
        var stack = Array(initial.reversed())
        while let frame = stack.popLast() {
            switch frame {
            case .file(let path, let functions, let deferred):
                guard visitedFiles.insert(path).inserted else {
                    if !functions.isEmpty {
                        stack.append(.functions(unitIds[path] ?? -1, functions, 0, thenUncalled: false))
                    }
                    continue
                }
                self.deferred = deferred
                stack += start(path, functions: functions)
                self.deferred = false
            case .events(let unit, let events, var index, let afterwards, let deferred):
                // A run of behaviours needs no frame per event: emitted in place, in order.
                self.deferred = deferred
                while index < events.count, case .behaviour(let behaviour) = events[index] {
                    emit(behaviour)
                    index += 1
                }
                self.deferred = false
                guard index < events.count else {
                    if let afterwards { stack.append(.functions(unit, afterwards, 0, thenUncalled: true)) }
                    continue
                }
                stack.append(.events(unit, events, index + 1, afterwards: afterwards, deferred: deferred))
                self.deferred = deferred
                stack += follow(events[index], in: unit).reversed()
                self.deferred = false
            case .functions(let unit, let items, let index, let thenUncalled, let deferred):
                guard index < items.count else {
                    guard thenUncalled, unit >= 0 else { continue }
                    // Another module of the package may still call them; they wait for the entry's end.
                    pendingUncalled.append(unit)
                    continue
                }
                stack.append(.functions(unit, items, index + 1, thenUncalled: thenUncalled, deferred: deferred))
                if let hook = items[index].hook { emit(hook) }
                if unit >= 0, let body = units[unit].functions[items[index].name],
                    visitedFunctions[unit].insert(items[index].name).inserted
                {
                    stack.append(.events(unit, body, 0, afterwards: nil, deferred: deferred))
                }
            case .shell(let path, let steps, let index):
                guard index < steps.count else { continue }
                stack.append(.shell(path, steps, index + 1))
                stack += follow(steps[index], from: path).reversed()
            }
        }
    }

    /// Walks the uncalled functions of the units whose top level ran in this entry (and of the modules
    /// those functions import, in turn), as deferred code.
    mutating func walkUncalled() {
        while !pendingUncalled.isEmpty {
            let pending = pendingUncalled
            pendingUncalled = []
            for unit in pending {
                if let frame = uncalledFrame(unit) { walkFrames([frame]) }
            }
        }
    }

    /// The frame that walks a unit's functions nothing has called yet, in name order, as deferred code (nil when
    /// there are none): nothing called them while the file ran, so their code waits for a caller.
    func uncalledFrame(_ unit: Int) -> WalkFrame? {
        let visited = visitedFunctions[unit]
        let uncalled = units[unit].functions.keys.filter { !visited.contains($0) }.sorted()
        guard !uncalled.isEmpty else { return nil }
        return .functions(unit, uncalled.map { FunctionItem(name: $0) }, 0, thenUncalled: false, deferred: true)
    }

    /// Records a shell analysis among the file analyses.
    mutating func record(shellSteps steps: [ShellStep], path: String, key: String) {
        let events: [CodeEvent] = steps.compactMap { step in
            if case .behaviour(let behaviour) = step { return .behaviour(behaviour) }
            return nil
        }
        _ = record(FileAnalysis(path: path, language: .shell, topLevel: events), key: key)
    }

    // MARK: - Private

    /// The frames that run a file: its top level (then functions), its shell steps, or a native-binary behaviour.
    private mutating func start(_ path: String, functions: [FunctionItem]) -> [WalkFrame] {
        guard let file = layout.file(path) else { return [] }
        switch layout.kind(path) {
        case .javascript, .python:
            guard let analysis = analyse(file) else { return [] }
            let unit = record(analysis, key: path)
            return [.events(unit, analysis.topLevel, 0, afterwards: functions, deferred: deferred)]
        case .shell:
            guard let text = deepText(file) else { return [] }
            let steps = shell.analyse(text, origin: ShellOrigin(path: path, context: context))
            record(shellSteps: steps, path: path, key: path)
            return [.shell(path, steps, 0)]
        case .binary:
            if !buildsNative {
                emit(
                    Behaviour(
                        kind: .nativeBinary, path: path, line: 1, column: 1,
                        snippet: "native binary, \(file.data.count) bytes", language: .metadata, context: context))
            }
            return []
        case .other:
            return []
        }
    }

    /// What one code event leads to: a behaviour now, or frames for a called function or imported modules.
    private mutating func follow(_ event: CodeEvent, in unit: Int) -> [WalkFrame] {
        switch event {
        case .behaviour(let behaviour):
            emit(behaviour)
            return []
        case .callLocal(let name):
            guard let body = units[unit].functions[name], visitedFunctions[unit].insert(name).inserted
            else { return [] }
            return [.events(unit, body, 0, afterwards: nil, deferred: deferred)]
        case .callImported(let dotted):
            return importedCall(dotted, in: unit)
        case .importModule(let spec, _):
            let path = units[unit].path
            let targets: [String]
            if units[unit].language == .python {
                targets = pythonFiles(spec, from: path)
            } else {
                targets = resolver.javascript(spec, from: path).map { [$0] } ?? []
            }
            // A module imported from a function nothing called loads only when that function runs.
            return targets.filter { !visitedFiles.contains($0) }.map { .file($0, [], deferred: deferred) }
        }
    }

    /// What one shell step leads to.
    private mutating func follow(_ step: ShellStep, from path: String) -> [WalkFrame] {
        let root = layout.root
        switch step {
        case .behaviour(let behaviour):
            emit(behaviour)
            return []
        case .runFile(let file, let interpreter, _, _):
            let target: String?
            switch interpreter {
            case .node: target = resolver.javascript(EntryPlanner.relative(file), from: root + "package.json")
            case .python, .shell, .direct:
                target = [
                    ModuleResolver.join(root, file), ModuleResolver.join(ModuleResolver.directory(of: path), file),
                ]
                .compactMap { $0 }.first(where: layout.exists)
            }
            guard let target else { return [] }
            if context == .install { installEntryFiles.insert(target) }
            return [.file(target, [])]
        case .runModule(let module, _, _):
            var files = resolver.python(module, from: root + "setup.py")
            if let last = files.last, last.hasSuffix("/__init__.py") {
                let main = ModuleResolver.directory(of: last) + "/__main__.py"
                if layout.exists(main) { files.append(main) }
            }
            if context == .install { installEntryFiles.formUnion(files) }
            return files.map { .file($0, []) }
        case .runScript(let name):
            guard let script = manifest?.script(name), scriptsRun.insert(name).inserted, let manifest else { return [] }
            let origin = ShellOrigin(
                path: manifest.path, line: script.valuePosition.line,
                column: script.valuePosition.column + 1, context: context, lines: manifest.lines)
            installSourceBytes += context == .install ? script.command.utf8.count : 0
            if context == .install { installEntryFiles.insert(manifest.path) }
            let steps = shell.analyse(script.command, origin: origin)
            record(shellSteps: steps, path: manifest.path, key: manifest.path + "#script-\(analyses.count)")
            return [.shell(manifest.path, steps, 0)]
        case .inlineCode(let code, let language, let line, let column):
            guard language != .shell else { return [] }
            installSourceBytes += context == .install ? code.utf8.count : 0
            let analyzer = language == .python ? python : javascript
            let raw = analyzer.analyse(SourceFile(path: path, data: Data(code.utf8), context: context))
            inlineCount += 1
            let key = path + "#inline-\(inlineCount)"
            let analysis = InlineRemap.remap(raw, line: line, column: column)
            return [.events(record(analysis, key: key), analysis.topLevel, 0, afterwards: [])]
        }
    }
}
