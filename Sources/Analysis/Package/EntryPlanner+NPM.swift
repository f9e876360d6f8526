import LockgateCore

/// Plans the entry points of a package: install-time entries in the order they run, then main, then bin.
enum EntryPlanner {
    /// npm: dependency URLs of a special kind, lifecycle scripts in npm's order (with the implicit
    /// `node-gyp rebuild` when binding.gyp exists and no install script does), `main`/`module`/`browser`/`exports`,
    /// then `bin`.
    static func npm(layout: PackageLayout, manifest: NPMManifest?, resolver: ModuleResolver) -> [PlannedEntry] {
        var entries: [PlannedEntry] = []
        let root = layout.root
        if let manifest {
            let special: [Behaviour] = manifest.dependencies.flatMap { dependency in
                StringSignals.kinds(in: dependency.spec).filter { $0 != .url && $0 != .longString }.map { kind in
                    Behaviour(
                        kind: kind, path: manifest.path, line: dependency.position.line,
                        column: dependency.position.column,
                        snippet: manifest.snippet(line: dependency.position.line, column: dependency.position.column),
                        language: .metadata, context: .install)
                }
            }
            if !special.isEmpty {
                entries.append(
                    PlannedEntry(kind: .install, name: "dependencies", steps: special.map { .behaviour($0) }))
            }
            let gyp = layout.exists(root + "binding.gyp")
            for name in NPMManifest.lifecycle {
                if name == "install", gyp, manifest.script("install") == nil, manifest.script("preinstall") == nil {
                    let hook = Behaviour(
                        kind: .installHook, path: root + "binding.gyp", line: 1, column: 1,
                        snippet: "node-gyp rebuild (implicit install script: binding.gyp)",
                        language: .metadata, context: .install)
                    entries.append(
                        PlannedEntry(
                            kind: .install, name: "install: node-gyp rebuild (binding.gyp)",
                            steps: [.behaviour(hook)]))
                }
                guard let script = manifest.script(name) else { continue }
                let hook = Behaviour(
                    kind: .installHook, path: manifest.path, line: script.keyPosition.line,
                    column: script.keyPosition.column,
                    snippet: manifest.snippet(line: script.keyPosition.line, column: script.keyPosition.column),
                    language: .metadata, context: .install)
                let origin = ShellOrigin(
                    path: manifest.path, line: script.valuePosition.line,
                    column: script.valuePosition.column + 1, context: .install, lines: manifest.lines)
                entries.append(
                    PlannedEntry(
                        kind: .install, name: "\(name): \(script.command)",
                        steps: [.behaviour(hook), .shell(script.command, origin)]))
            }
        }
        var mains: [String] = []
        for target in manifest?.mainTargets ?? [] {
            if let path = resolver.javascript(relative(target), from: root + "package.json"), !mains.contains(path) {
                mains.append(path)
            }
        }
        if mains.isEmpty, let index = resolver.javascript("./index", from: root + "package.json") {
            mains.append(index)
        }
        entries += mains.map { PlannedEntry(kind: .main, name: "main: \($0)", steps: [.file($0, functions: [])]) }
        var bins: [String] = []
        for (name, target) in manifest?.binTargets ?? [] {
            guard let path = resolver.javascript(relative(target), from: root + "package.json"), !bins.contains(path)
            else { continue }
            bins.append(path)
            entries.append(PlannedEntry(kind: .bin, name: "bin \(name): \(path)", steps: [.file(path, functions: [])]))
        }
        return entries
    }

    /// `lib/x.js` → `./lib/x.js` (package.json targets are relative to the package root).
    static func relative(_ target: String) -> String {
        target.hasPrefix("./") || target.hasPrefix("../") ? target : "./" + target
    }
}
