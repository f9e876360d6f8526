import LockgateCore

/// Recording behaviours with their evidence, and the string signals of literals and folded values.
extension JavaScriptWalker {
    /// Records a behaviour at a token (once per kind and token) in the current function or the top level.
    /// - Parameters:
    ///   - kind: The behaviour.
    ///   - index: The token it is reported at.
    ///   - snippet: The evidence text, when not the source line.
    mutating func record(_ kind: BehaviourKind, at index: Int, snippet: String? = nil) {
        guard index >= 0 && index < code.tokens.count else { return }
        guard emitted.insert(index &* 64 &+ Self.ordinal(kind)).inserted else { return }
        let offset = Int(code.tokens[index].start)
        let (line, column) = code.source.location(of: offset, cursor: &cursor)
        let behaviour = Behaviour(
            kind: kind, path: code.file.path, line: line, column: column,
            snippet: snippet ?? code.source.snippet(at: offset),
            language: .javascript, context: code.file.context)
        contexts[contexts.count - 1].events.append(.behaviour(behaviour))
    }

    /// Records a call of a function that may be defined in this file (kept only if it is).
    mutating func recordLocalCall(_ name: String) {
        contexts[contexts.count - 1].events.append(.callLocal(name))
    }

    /// A call of a member of a package module (an empty member: the module itself), as `CodeEvent.callImported`.
    mutating func recordImportedCall(_ specifier: String, _ member: String) {
        contexts[contexts.count - 1].events.append(.callImported(specifier + "#" + member))
    }

    /// A string literal or template part: its own signals, and escapes that hide plain text.
    mutating func stringLiteral(at index: Int) {
        let token = code.tokens[index]
        // An ASCII value of fewer than four bytes without escapes has no signals and is neither `push` nor
        // `shift`: nothing to do, and no string to make (its quotes are among the token's bytes; non-ASCII bytes
        // are left to `cooked`, whose repair of invalid UTF-8 can lengthen the value).
        if token.flags & JavaScriptToken.hasEscapes == 0 && token.end - token.start < 5
            && code.source.isASCII(from: Int(token.start), to: Int(token.end))
        {
            return
        }
        let (value, plainEscapes) = code.source.cooked(token)
        if rotationAt < 0 && token.kind == .string && (value.utf8.count == 4 || value.utf8.count == 5)
            && (value == "push" || value == "shift")
        {
            rotationCheck(value, at: index)
        }
        // Counting scalars costs a pass over the value: only when enough escapes make the answer possible.
        if plainEscapes >= 3
            && JavaScriptEscapes.hidesText(plainEscapes: plainEscapes, valueLength: value.unicodeScalars.count)
        {
            escapedStrings += 1
            record(.escapedIdentifiers, at: index)
        }
        let kinds = stringSignals.kinds(in: value)
        guard !kinds.isEmpty else { return }
        let decoded = StringSignals.decodedEvidence(value, kinds: kinds).map { "decoded: " + $0 }
        for kind in kinds { record(kind, at: index, snippet: StringSignals.isShapeKind(kind) ? nil : decoded) }
    }

    /// Records the signals of a folded or decoded string at the expression that computes it, once per value and
    /// line.
    mutating func recordFolded(_ value: JavaScriptValue, at index: Int) {
        guard let text = value.string, !value.taint.isDisjoint(with: JavaScriptTaint.computed) else { return }
        let kinds = stringSignals.kinds(in: text)
        guard !kinds.isEmpty else { return }
        let line = code.source.line(of: Int(code.tokens[index].start))
        let shown = String(text.prefix(150)).map { $0.isNewline ? " " : $0 }
        for kind in kinds {
            var hasher = Hasher()
            hasher.combine(text)
            hasher.combine(kind)
            hasher.combine(line)
            guard foldedSeen.insert(hasher.finalize()).inserted else { continue }
            emitted.remove(index &* 64 &+ Self.ordinal(kind))
            record(kind, at: index, snippet: "decoded: " + String(shown))
        }
    }

    /// Records a decoding site: `use_encoding` (always, or only when the result reads as code), then the
    /// decoded value's signals.
    mutating func recordDecode(_ value: JavaScriptValue, at index: Int, always: Bool) {
        let text = value.string ?? ""
        if always || JavaScriptCatalog.isCodeLike(text) { record(.useEncoding, at: index) }
        recordFolded(value, at: index)
    }

    /// The events of `require(spec)`, `import ... from spec` and `import(spec)`: the module's import behaviour,
    /// and the import itself for the sequence builder.
    mutating func recordImport(_ specifier: String, at index: Int) {
        if let kind = JavaScriptCatalog.module(for: specifier)?.importKind { record(kind, at: index) }
        if writtenFile(matching: JavaScriptValue(object: .string(specifier)), argumentTokens: nil) != nil {
            record(.writeExecute, at: index)
        }
        let line = code.source.line(of: Int(code.tokens[index].start))
        contexts[contexts.count - 1].events.append(.importModule(specifier, line: line))
    }

    /// Remembers a file written, by its folded path or the name of the variable holding it.
    mutating func recordWrite(path: JavaScriptValue, pathTokens: Range<Int>?, network: Bool) {
        if let text = path.string, !text.isEmpty {
            writes.append(JavaScriptWrite(key: text, network: network))
            for kind in stringSignals.kinds(in: text) where kind == .persistence {
                record(kind, at: pathTokens?.lowerBound ?? 0)
            }
        } else if let range = pathTokens, range.count == 1, code.tokens[range.lowerBound].kind == .identifier {
            writes.append(JavaScriptWrite(key: "\u{0}" + code.name(range.lowerBound), network: network))
        }
        if writes.count > 256 { writes.removeFirst() }
        writtenTexts.removeAll(keepingCapacity: true)
    }

    /// The written file an executed path or command refers to, if any: whether its data came from the network.
    mutating func writtenFile(matching value: JavaScriptValue, argumentTokens: Range<Int>?) -> Bool? {
        guard !writes.isEmpty else { return nil }
        if let text = value.string, let network = writtenFile(containedIn: text) { return network }
        if let range = argumentTokens {
            for index in range.prefix(64) where code.tokens[index].kind == .identifier {
                let key = "\u{0}" + code.name(index)
                if let write = writes.last(where: { $0.key == key }) { return write.network }
            }
        }
        return nil
    }

    // MARK: - Private

    /// The first written file whose path a string contains: whether its data came from the network. Answers are
    /// kept until the next write, so a long command run again and again is searched once.
    private mutating func writtenFile(containedIn text: String) -> Bool? {
        let key = JavaScriptText.Key(text)
        if let known = writtenTexts[key] { return known }
        let haystack = JavaScriptText.Haystack(text)
        var answer: Bool?
        for write in writes where !write.key.hasPrefix("\u{0}") && haystack.contains(write.key) {
            answer = write.network
            break
        }
        if writtenTexts.count >= 1_024 { writtenTexts.removeAll(keepingCapacity: true) }
        writtenTexts[key] = .some(answer)
        return answer
    }

    private mutating func rotationCheck(_ value: String, at index: Int) {
        let other = value == "push" ? "shift" : "push"
        for offset in 1...8 where index + offset < code.tokens.count {
            let token = code.tokens[index + offset]
            if (token.kind == .string && code.source.cooked(token).value == other)
                || (token.kind == .identifier && code.names[token.name] == other)
            {
                rotationAt = index
                return
            }
        }
    }

    private static let ordinals: [BehaviourKind: Int] = Dictionary(
        uniqueKeysWithValues: BehaviourKind.allCases.enumerated().map { ($1, $0) })

    private static func ordinal(_ kind: BehaviourKind) -> Int { ordinals[kind] ?? 63 }
}
