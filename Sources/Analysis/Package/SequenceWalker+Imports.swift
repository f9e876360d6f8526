/// Imports and calls of imported members: which package files and functions they reach.
extension SequenceWalker {
    /// The package files a Python import spec resolves to from a file (cached by what the resolution depends on).
    ///
    /// An absolute import that names no module of the package's roots but a module beside the importing file
    /// (`from frequest import get` next to `frequest.py`) is read as that module: Python 2's implicit relative
    /// import, and what Python 3 does for a script run from its folder. Standard-library names are never read so.
    mutating func pythonFiles(_ spec: String, from path: String) -> [String] {
        let key = ModuleResolver.pythonImportKey(spec, from: path)
        if let known = pythonImports[key] { return known }
        let targets = resolver.python(spec, from: path)
        pythonImports[key] = targets
        if targets.isEmpty, let sibling = siblingSpec(spec, from: path) { return pythonFiles(sibling, from: path) }
        return targets
    }

    /// `.name` for an absolute spec whose first name is a module or package beside the importing file and not a
    /// standard-library module (nil otherwise).
    private mutating func siblingSpec(_ spec: String, from path: String) -> String? {
        guard let first = spec.split(separator: ".", maxSplits: 1).first, spec.utf8.first != 0x2E,
            !PythonAPI.standardModules.contains(String(first))
        else { return nil }
        let directory = ModuleResolver.directory(of: path)
        let base = (directory.isEmpty ? "" : directory + "/") + first
        let exists = siblingModules[base] ?? (layout.exists(base + ".py") || layout.exists(base + "/__init__.py"))
        siblingModules[base] = exists
        return exists ? "." + spec : nil
    }

    /// A call of a member of an imported module: descends into the function it names.
    ///
    /// Only when the module is a package file already run and the function (in Python a class's `__init__` for a
    /// class) has not been walked. What a call may name is worked out once per calling unit and call text (a file
    /// makes the same calls many times).
    mutating func importedCall(_ call: String, in unit: Int) -> [WalkFrame] {
        let key = ImportedCallKey(unit: unit, call: call)
        let candidates: [ImportedMember]
        if let known = importedCalls[key] {
            candidates = known
        } else {
            candidates =
                units[unit].language == .javascript
                ? requiredCandidates(call, from: units[unit].path) : pythonCandidates(call, from: units[unit].path)
            importedCalls[key] = candidates
        }
        for candidate in candidates {
            guard let target = unitIds[candidate.file], let body = units[target].functions[candidate.member] else {
                continue
            }
            guard visitedFunctions[target].insert(candidate.member).inserted else { return [] }
            return [.events(target, body, 0, afterwards: nil, deferred: deferred)]
        }
        return []
    }

    // MARK: - Private

    /// The functions a Python call of an imported member may name, in the order to try: each split of the dotted
    /// path (`importedMemberCandidates`), the member itself then its `__init__`.
    private mutating func pythonCandidates(_ dotted: String, from path: String) -> [ImportedMember] {
        if dotted.utf8.first != 0x2E {
            // An absolute path names a package file only if its first name is one of the package's or a module
            // beside the calling file: most such calls are of libraries, rejected here.
            let names = pythonTopLevelNames ?? resolver.pythonTopLevelNames()
            pythonTopLevelNames = names
            guard let dot = dotted.utf8.firstIndex(of: 0x2E) else { return [] }
            if !names.contains(String(dotted[..<dot])) {
                // A module beside the calling file, imported the Python 2 way (`pythonFiles`).
                guard let sibling = siblingSpec(dotted, from: path) else { return [] }
                return pythonCandidates(sibling, from: path)
            }
        }
        // Files of one folder (for an absolute path, every file) make the same calls: worked out once for them.
        let key = ModuleResolver.pythonImportKey(dotted, from: path)
        if let known = pythonCalls[key] { return known }
        let candidates = importedMemberCandidates(dotted, from: path).flatMap { candidate in
            [candidate, ImportedMember(file: candidate.file, member: candidate.member + ".__init__")]
        }
        pythonCalls[key] = candidates
        return candidates
    }

    /// The functions a JavaScript call of a package module's member may name (`./lib/core#start`: `start` of
    /// `./lib/core`, `#` alone the module itself), in the order to try: `exports.start`, else a function `start`;
    /// for the module itself `module.exports`, else `exports.default` (`#default` the other way round).
    private mutating func requiredCandidates(_ call: String, from path: String) -> [ImportedMember] {
        guard let hash = call.lastIndex(of: "#"), let file = resolver.javascript(String(call[..<hash]), from: path)
        else { return [] }
        let member = call[call.index(after: hash)...]
        let names: [String]
        if member.isEmpty {
            names = ["module.exports", "exports.default"]
        } else if member.hasPrefix(".") {
            names = ["module.exports" + member]
        } else if member == "default" {
            names = ["exports.default", "module.exports"]
        } else {
            names = ["exports." + member, String(member)]
        }
        return names.map { ImportedMember(file: file, member: $0) }
    }

    /// The package files and member names a dotted call path may name, split from the right
    /// (`pkg.util.Client.start` is `start` of class `Client` of `pkg.util`, or `Client.start` of `pkg.util`).
    private mutating func importedMemberCandidates(_ dotted: String, from path: String) -> [ImportedMember] {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        let leadingDots = parts.prefix { $0.isEmpty }.count
        var candidates: [ImportedMember] = []
        for memberCount in 1...2 {
            guard parts.count - memberCount >= max(leadingDots, 1) else { break }
            var spec = parts.dropLast(memberCount).joined(separator: ".")
            if spec.allSatisfy({ $0 == "." }) { spec += "." }  // `from . import x`: the package itself
            guard let file = pythonFiles(spec, from: path).last else { continue }
            candidates.append(ImportedMember(file: file, member: parts.suffix(memberCount).joined(separator: ".")))
        }
        return candidates
    }
}

/// A package file and the name of a function in it that an imported call may name.
struct ImportedMember: Sendable {
    let file: String
    let member: String
}

/// An imported call as written in one unit (`SequenceWalker.importedCalls`).
struct ImportedCallKey: Hashable {
    let unit: Int
    let call: String
}
