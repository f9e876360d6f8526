import LockgateCore

/// Reads the requirement on one logical line (`name[extras]==1.2.3 ; markers --hash=...`, a URL, a path or an
/// editable) into a locked package.
struct RequirementSpecifier {
    /// The logical line.
    let line: RequirementsLine
    /// The file path, for errors.
    let path: String

    /// Parses the requirement that starts at `start` and the per-requirement options after it.
    /// - Parameters:
    ///   - start: Where the requirement starts (after `-e` for an editable).
    ///   - editable: True for `-e`/`--editable`: the requirement must be a path or a VCS URL.
    /// - Returns: The package; `version` is the exact version when pinned, else the specifier as written.
    /// - Throws: `LockfileError` at the first part that is not a valid requirement, hash or option.
    func package(from start: Substring.Index, editable: Bool) throws(LockfileError) -> LockedPackage {
        let rest = line.text[start...]
        // pip's break_args_options: the requirement ends at the first token that starts with "-".
        let tokens = RequirementsOption.tokens(rest)
        let firstOption = tokens.firstIndex { $0.hasPrefix("-") } ?? tokens.endIndex
        let requirementEnd = firstOption < tokens.endIndex ? tokens[firstOption].startIndex : rest.endIndex
        let requirement = trimmed(rest[..<requirementEnd])
        guard !requirement.isEmpty else { throw error(at: start, "expected a requirement before the options") }
        let hashes = try readOptions(tokens[firstOption...])
        if editable || RequirementURL.looksLikeURLOrPath(requirement) {
            return try RequirementURL(line: line, path: path).package(
                url: requirement, explicitName: nil, hashes: hashes, editable: editable)
        }
        return try namedPackage(requirement, hashes: hashes)
    }

    /// Errors at a position in the line.
    func error(at index: Substring.Index, _ message: String) -> LockfileError {
        LockfileError(path: path, location: line.location(of: index), message: message)
    }

    // MARK: - Private

    private static let operators = ["===", "==", "!=", "~=", "<=", ">=", "<", ">"]

    /// `name[extras] specifiers ; markers` or `name[extras] @ url ; markers`.
    private func namedPackage(_ requirement: Substring, hashes: [Integrity]) throws(LockfileError) -> LockedPackage {
        let nameEnd =
            requirement.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0))) }
            ?? requirement.endIndex
        let name = requirement[..<nameEnd]
        guard let first = name.first, first.isLetter || first.isNumber else {
            throw error(at: requirement.startIndex, "expected a package name, a URL, a path or a pip option")
        }
        var rest = trimmedLeading(requirement[nameEnd...])
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw error(at: rest.startIndex, "an unterminated extras list; expected ']'")
            }
            rest = trimmedLeading(rest[rest.index(after: close)...])
        }
        if rest.hasPrefix("@") {
            let url = trimmedLeading(rest.dropFirst())
            return try RequirementURL(line: line, path: path).package(
                url: url, explicitName: name, hashes: hashes, editable: false)
        }
        let specifier = trimmed(rest.prefix { $0 != ";" })
        let (version, pinned) = try readSpecifier(specifier)
        return LockedPackage(
            ecosystem: .pypi, name: PackageName.pep503(name), version: version, integrity: hashes,
            location: line.location(of: name.startIndex), pinned: pinned)
    }

    /// Reads `==1.2.3`, `>=1,<2`, `(>=1)` or nothing; returns the version (or specifier) and whether it is exact.
    private func readSpecifier(_ specifier: Substring) throws(LockfileError) -> (String, Bool) {
        var body = specifier
        if body.hasPrefix("("), body.hasSuffix(")") { body = trimmed(body.dropFirst().dropLast()) }
        guard !body.isEmpty else { return ("", false) }
        var clauses: [(op: String, version: Substring)] = []
        for clause in body.split(separator: ",", omittingEmptySubsequences: false) {
            let text = trimmed(clause)
            guard let op = Self.operators.first(where: { text.hasPrefix($0) }) else {
                throw error(at: text.startIndex, "expected a version specifier such as ==1.2.3 or >=1.0")
            }
            let version = trimmed(text.dropFirst(op.count))
            guard !version.isEmpty,
                version.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".*+!-_".contains($0)) })
            else {
                throw error(at: text.startIndex, "a malformed version in '\(text)'; expected a version such as 1.2.3")
            }
            clauses.append((op, version))
        }
        if clauses.count == 1, let only = clauses.first,
            only.op == "===" || (only.op == "==" && !only.version.contains("*"))
        {
            return (String(only.version), true)
        }
        return (String(body.filter { !$0.isWhitespace }), false)
    }

    /// Reads the options after a requirement: `--hash` values, and the build options pip passes through.
    private func readOptions(_ tokens: ArraySlice<Substring>) throws(LockfileError) -> [Integrity] {
        var hashes: [Integrity] = []
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            let (name, attached) = RequirementsOption.split(token)
            guard token.hasPrefix("--"), RequirementsOption.requirementOptionTakesValue(name) != nil else {
                throw error(at: token.startIndex, "unknown option '\(name)' after a requirement; expected --hash")
            }
            var value = attached
            if value == nil, index < tokens.endIndex {
                value = tokens[index]
                index += 1
            }
            guard let value, !value.isEmpty else { throw error(at: token.startIndex, "option '\(name)' needs a value") }
            guard name == "--hash" else { continue }
            guard let hash = Integrity.prefixedHex(String(RequirementsOption.unquoted(value))) else {
                throw error(at: value.startIndex, "a malformed hash '\(value.prefix(80))'; expected sha256:<hex>")
            }
            if !hashes.contains(hash) { hashes.append(hash) }
        }
        return hashes
    }

    private func trimmed(_ text: Substring) -> Substring {
        let start = trimmedLeading(text)
        return start[..<(start.lastIndex { !$0.isWhitespace }.map { start.index(after: $0) } ?? start.startIndex)]
    }

    private func trimmedLeading(_ text: Substring) -> Substring {
        text.drop { $0.isWhitespace }
    }
}
