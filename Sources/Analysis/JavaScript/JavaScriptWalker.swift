import LockgateCore

/// A function body the walk is about to enter: its name (nil for anonymous functions, whose events stay inline),
/// its parameters and whether it is a callback of a network call (its parameters then carry network data).
struct JavaScriptFunctionInfo: Sendable {
    /// The name in `FileAnalysis.functions`, or nil.
    var name: String?
    /// Parameter names.
    var parameters: [Int32]
    /// Whether the parameters carry network data.
    var network: Bool
}

/// The walk over one file's tokens: tracks scopes, bindings, functions and classes, and records behaviours,
/// local calls and imports in statement order. Linear in the number of tokens (evaluation has a global budget).
struct JavaScriptWalker {
    typealias K = JavaScriptNames.Known

    /// The file's code and the questions asked of it (immutable, shared).
    let code: JavaScriptCode
    let obfuscatedNames: Bool

    var contexts: [JavaScriptContext] = [JavaScriptContext(name: nil, scopeDepth: 0)]
    var functions: [String: [CodeEvent]] = [:]
    var scopes = JavaScriptScopes()
    var classes: [JavaScriptClassScope] = []
    var pendingBodies: [Int: JavaScriptFunctionInfo] = [:]
    var pendingExpressionBodies: [Int: JavaScriptFunctionInfo] = [:]
    var pendingClasses: [Int: String] = [:]
    var pendingNames: [Int: String] = [:]
    var expressionBodies: [JavaScriptExpressionBody] = []
    var openBrackets: [Int] = []
    var networkRegions: [Int] = []
    var skipChainAt = -1
    var declarationAt = -1
    var emitted = Set<Int>()
    var foldedSeen = Set<Int>()
    var stringSignals = JavaScriptStringSignals()
    var cursor = JavaScriptSource.Cursor()
    var writes: [JavaScriptWrite] = []
    /// Answers of `writtenFile(containedIn:)` since the last write.
    var writtenTexts: [JavaScriptText.Key: Bool?] = [:]
    var budget: Int
    var largestStringArray = 0
    var rotationAt = -1
    var packedEval = false
    var escapedStrings = 0
    /// How many strings deep this code was found (0 for a file; 1 for code an `eval` in the file runs).
    var layer = 0
    /// Bytes of executed strings analysed so far (see `executedCode(_:at:)`).
    var executedBytes = 0
    let pushName: Int32, shiftName: Int32
    /// The ids of `call`, `apply` and `bind` (-1 when the file never uses them).
    let callName: Int32, applyName: Int32, bindName: Int32
    /// The names of the dotted paths of the chains being evaluated (see `JavaScriptPathRef`).
    var pathParts: [Int32] = []
    /// The number of `pathParts` in use (the rest are free slots).
    var pathTop = 0
    /// What `JavaScriptCatalog.global` answered for each name id: 0 not asked yet, 1 no global of interest, else
    /// 2 plus the answer's index in `globalObjects` (plain integers, so the table costs nothing to make or free).
    var globalSlots: [Int32]
    /// The globals of interest found so far (see `globalSlots`).
    var globalObjects: [JavaScriptObject] = []
    /// Emptied buffers of finished calls, for the next ones (see `call(_:emit:depth:)`).
    var callBuffers: [JavaScriptCallBuffers] = []

    /// Creates a walk.
    /// - Parameters:
    ///   - source: The file's bytes and lines.
    ///   - stream: Its tokens.
    ///   - file: The file.
    ///   - signals: String signals already known from other files, shared.
    init(source: JavaScriptSource, stream: JavaScriptTokenStream, file: SourceFile, signals: JavaScriptSignalCache?) {
        self.code = JavaScriptCode(source: source, stream: stream, file: file)
        self.obfuscatedNames = JavaScriptMetrics.hasObfuscatedNames(
            identifiers: stream.identifierCount, hexIdentifiers: stream.hexIdentifierCount)
        self.budget = stream.tokens.count * 8 + 10_000
        self.pushName = stream.names.lookup("push")
        self.shiftName = stream.names.lookup("shift")
        self.callName = stream.names.lookup("call")
        self.applyName = stream.names.lookup("apply")
        self.bindName = stream.names.lookup("bind")
        self.firstHexIdentifier = stream.firstHexIdentifier
        self.globalSlots = [Int32](repeating: 0, count: stream.names.strings.count)
        self.scopes = JavaScriptScopes(nameCount: stream.names.strings.count)
        self.stringSignals = JavaScriptStringSignals(shared: signals)
    }

    let firstHexIdentifier: Int

    /// Walks every token.
    mutating func run() {
        var index = 0
        var offscreen = code.nextOffscreenToken(from: 0)
        while index < code.tokens.count {
            if !expressionBodies.isEmpty { closeExpressionBodies(at: index) }
            if !pendingExpressionBodies.isEmpty, let info = pendingExpressionBodies.removeValue(forKey: index) {
                openExpressionBody(info, at: index)
            }
            while let last = networkRegions.last, last < index { networkRegions.removeLast() }
            if index == firstHexIdentifier && obfuscatedNames { record(.obfuscatedIdentifiers, at: index) }
            if index == offscreen {
                record(.offscreenCode, at: index)
                offscreen = code.nextOffscreenToken(from: index + 1)
            }
            let token = code.tokens[index]
            switch token.kind {
            case .string, .template:
                stringLiteral(at: index)
                if code.isOp(index + 1, JavaScriptOp.dot) && !code.isOp(index - 1, JavaScriptOp.dot) {
                    _ = chain(from: index, emit: true, depth: 0)
                }
            case .templateHead:
                stringLiteral(at: index)
                openBrackets.append(index)
            case .templateMiddle: stringLiteral(at: index)
            case .templateTail:
                stringLiteral(at: index)
                _ = openBrackets.popLast()
            case .identifier: identifier(at: index)
            case .punctuator: punctuator(at: index)
            default: break
            }
            index += 1
        }
        while !expressionBodies.isEmpty { closeExpressionBody() }
        while contexts.count > 1 { closeContext() }
        if rotationAt >= 0 && largestStringArray >= 10 { record(.obfuscatedIdentifiers, at: rotationAt) }
    }

    /// The analysis: top-level events, functions, with local calls kept only to functions that exist. The walk is
    /// over: the top-level events are taken (and filtered in place), not copied.
    mutating func result(isMinified: Bool) -> FileAnalysis {
        let defined = JavaScriptLocalCalls(functions)
        func keep(_ event: CodeEvent) -> Bool {
            if case .callLocal(let name) = event { return defined.defines(name) }
            return true
        }
        // One pass: the list as it is when every call is kept, else the events after the first dropped one filtered.
        func kept(_ events: [CodeEvent]) -> [CodeEvent] {
            guard let dropped = events.firstIndex(where: { !keep($0) }) else { return events }
            var result = Array(events[..<dropped])
            result.reserveCapacity(events.count - 1)
            for event in events[(dropped + 1)...] where keep(event) { result.append(event) }
            return result
        }
        var topLevel: [CodeEvent] = []
        swap(&topLevel, &contexts[0].events)
        topLevel.removeAll { !keep($0) }
        return FileAnalysis(
            path: code.file.path, language: .javascript, topLevel: topLevel, functions: functions.mapValues(kept),
            isMinified: isMinified)
    }

    // MARK: - Token dispatch

    private mutating func identifier(at index: Int) {
        let token = code.tokens[index]
        if token.name == pushName && rotationAt < 0 && isRotation(pushAt: index) { rotationAt = index }
        if index > 0 && (code.isOp(index - 1, JavaScriptOp.dot) || code.isOp(index - 1, JavaScriptOp.optionalChain)) {
            return
        }
        if token.flags & JavaScriptToken.escaped != 0 { record(.escapedIdentifiers, at: index) }
        switch token.name {
        case K.function.rawValue: functionKeyword(at: index)
        case K.class_.rawValue: classKeyword(at: index)
        case K.import_.rawValue:
            if code.isOp(index + 1, JavaScriptOp.lparen) {
                _ = chain(from: index, emit: true, depth: 0)
            } else if !code.isOp(index + 1, JavaScriptOp.dot) {
                importStatement(at: index)
            }
        case K.export.rawValue: exportFrom(at: index)
        case K.const_.rawValue, K.let_.rawValue, K.var_.rawValue: declarationAt = index
        case K.new_.rawValue:
            _ = chain(from: index, emit: true, depth: 0)
            skipChainAt = index + 1
        default:
            guard !JavaScriptNames.isKeyword(token.name), index != skipChainAt else { return }
            if code.isName(index - 1, .function)
                || (code.isOp(index - 1, JavaScriptOp.star) && code.isName(index - 2, .function))
            {
                return
            }
            if code.isOp(index + 1, JavaScriptOp.arrow) {
                arrow(parametersAt: index, arrowAt: index + 1)
            } else if code.isOp(index + 1, JavaScriptOp.lparen),
                code.isOp(code.partner(index + 1) + 1, JavaScriptOp.lbrace),
                token.name != K.async.rawValue
            {
                methodDefinition(at: index)
            } else {
                _ = chain(from: index, emit: true, depth: 0)
            }
        }
    }

    private mutating func punctuator(at index: Int) {
        switch code.tokens[index].op {
        case JavaScriptOp.lparen:
            let close = code.partner(index)
            if close > index && code.isOp(close + 1, JavaScriptOp.arrow) {
                arrow(parametersAt: index, arrowAt: close + 1)
            } else if close > index && code.isOp(close + 1, JavaScriptOp.lparen) && !code.isCallee(before: index) {
                _ = chain(from: index, emit: true, depth: 0)
            }
            openBrackets.append(index)
        case JavaScriptOp.lbracket:
            countStringArray(at: index)
            if !code.isCallee(before: index) && code.isOp(code.partner(index) + 1, JavaScriptOp.dot) {
                _ = chain(from: index, emit: true, depth: 0)
            }
            openBrackets.append(index)
        case JavaScriptOp.lbrace:
            openBrackets.append(index)
            openBrace(at: index)
        case JavaScriptOp.rparen, JavaScriptOp.rbracket: _ = openBrackets.popLast()
        case JavaScriptOp.rbrace:
            _ = openBrackets.popLast()
            closeBrace(at: index)
        case JavaScriptOp.assign: assignment(at: index)
        case JavaScriptOp.plusAssign: concatenatingAssignment(at: index)
        case JavaScriptOp.semicolon: declarationAt = -1
        default: break
        }
    }

    /// `a.push(a.shift())` or `a.push(a['shift']())`: the push's only argument is a shift of the same array, the
    /// rotation obfuscators run over their string arrays (`ring.push(ring.pop().concat(ring.shift()))` is not one).
    private func isRotation(pushAt index: Int) -> Bool {
        let open = index + 1
        guard code.isOp(open, JavaScriptOp.lparen), open + 6 < code.tokens.count,
            code.tokens[open + 1].kind == .identifier
        else { return false }
        let array = code.tokens[open + 1].name
        guard index >= 2, code.tokens[index - 2].kind == .identifier, code.tokens[index - 2].name == array else {
            return false
        }
        var next = open + 2
        if code.isOp(next, JavaScriptOp.dot), code.tokens[next + 1].kind == .identifier,
            code.tokens[next + 1].name == shiftName
        {
            next += 2
        } else if code.isOp(next, JavaScriptOp.lbracket), code.tokens[next + 1].kind == .string,
            code.source.cooked(code.tokens[next + 1]).value == "shift", code.isOp(next + 2, JavaScriptOp.rbracket)
        {
            next += 3
        } else {
            return false
        }
        return code.isOp(next, JavaScriptOp.lparen) && code.isOp(next + 1, JavaScriptOp.rparen)
            && code.isOp(next + 2, JavaScriptOp.rparen)
    }

    private mutating func countStringArray(at index: Int) {
        var count = 0, cursor = index + 1
        while cursor + 1 < code.tokens.count && code.tokens[cursor].kind == .string {
            count += 1
            guard code.isOp(cursor + 1, JavaScriptOp.comma) else { break }
            cursor += 2
        }
        largestStringArray = max(largestStringArray, count)
    }
}

/// The events of the function (or top level) being walked.
struct JavaScriptContext: Sendable {
    /// The function's name; nil for the top level.
    var name: String?
    /// Its events so far.
    var events: [CodeEvent] = []
    /// The scope depth of its body.
    var scopeDepth: Int

    /// Creates a context.
    init(name: String?, scopeDepth: Int) {
        self.name = name
        self.scopeDepth = scopeDepth
    }
}

/// A class body being walked: its scope depth and name.
struct JavaScriptClassScope: Sendable {
    /// The scope depth of the body.
    var depth: Int
    /// The class name.
    var name: String
}

/// An arrow's expression body being walked.
struct JavaScriptExpressionBody: Sendable {
    /// Open brackets when it started.
    var brackets: Int
    /// Whether it has its own context.
    var named: Bool
    /// Its first token.
    var start: Int
}

/// A file the code writes: its path (or `\0` + the variable holding it) and whether the data came from the network.
struct JavaScriptWrite: Sendable {
    /// The path or variable key.
    var key: String
    /// Whether network data was written.
    var network: Bool
}
