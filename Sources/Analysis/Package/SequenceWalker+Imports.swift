/// Python imports and calls of imported members: which package files and functions they reach.
extension SequenceWalker {
    /// The package files a Python import spec resolves to from a file (cached by what the resolution depends on).
    mutating func pythonFiles(_ spec: String, from path: String) -> [String] {
        let key = ModuleResolver.pythonImportKey(spec, from: path)
        if let known = pythonImports[key] { return known }
        let targets = resolver.python(spec, from: path)
        pythonImports[key] = targets
        return targets
    }

    /// A call of a member of an imported module: descends into the function (a class's `__init__` for a class)
    /// when the module is a package file already run and the function has not been walked.
    mutating func importedCall(_ dotted: String, in unit: Int) -> [WalkFrame] {
        if dotted.utf8.first != 0x2E {
            // An absolute path names a package file only if its first name is one of the package's: most such
            // calls are of libraries, rejected here with one lookup.
            let names = pythonTopLevelNames ?? resolver.pythonTopLevelNames()
            pythonTopLevelNames = names
            guard let dot = dotted.utf8.firstIndex(of: 0x2E), names.contains(String(dotted[..<dot])) else { return [] }
        }
        let key = ModuleResolver.pythonImportKey(dotted, from: units[unit].path)
        let candidates: [ImportedMember]
        if let known = importedMembers[key] {
            candidates = known
        } else {
            candidates = importedMemberCandidates(dotted, from: units[unit].path)
            importedMembers[key] = candidates
        }
        for candidate in candidates {
            guard let target = unitIds[candidate.file] else { continue }
            for name in [candidate.member, candidate.member + ".__init__"] {
                guard let body = units[target].functions[name] else { continue }
                guard visitedFunctions[target].insert(name).inserted else { return [] }
                return [.events(target, body, 0, afterwards: nil, deferred: deferred)]
            }
        }
        return []
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

/// A package file and the dotted name of a function or class in it that an imported call may name.
struct ImportedMember: Sendable {
    let file: String
    let member: String
}
