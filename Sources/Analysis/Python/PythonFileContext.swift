import Foundation
import LockgateCore

/// A name scope of the light pass: the module, a function or a class body.
struct PythonScope {
    /// What kind of scope it is.
    enum Kind { case module, function, klass }
    /// The kind.
    var kind: Kind
    /// The qualified name (`C.m`, `outer.inner`; empty for the module).
    var name: String
    /// Names bound when it opens (a function's parameters), in order.
    var initial: [(name: Int32, eval: PythonEval)] = []
    /// Where its events go: the index in `PythonFileContext.functionBodies` of the innermost function (this one or
    /// an enclosing one), or -1 for the top level. Set by `parseDef` for a function, when it opens for the others.
    var body = -1
    /// For a class, the interned id of `$local.` + the qualified name + `()` (what `self` is in its methods), -1
    /// until a method asks for it.
    var instance: Int32 = -1
    /// For a function, whether it takes parameters (a function of none may fold to its constant return).
    var hasParameters = false
}

/// What an indented block is, so a DEDENT knows what to close.
enum PythonBlock {
    case scope(PythonScope)
    case loop
    case plain
}

/// The state of analysing one Python file.
///
/// Tokens, scopes, events and the facts that connect statements (written and downloaded paths). One instance per
/// file, used by one thread.
///
/// The mutable state is `@exclusivity(unchecked)`: the context never leaves its thread and no property is modified
/// while another access to it is open (arguments are evaluated before a mutating call starts), so the runtime
/// exclusivity checks on every access (about 3.5% of the analysis time) guard nothing.
final class PythonFileContext {
    let tokens: [PythonLexeme]
    /// The decoded values of string tokens (`PythonLexeme.value`).
    let values: [String]
    /// Each token's operator or keyword code (read without copying the token).
    let codes: [PythonCode]
    /// Each token's kind (read without copying the token).
    let kinds: [PythonToken.Kind]
    let file: SourceFile
    let bytes: [UInt8]
    let isSetupPy: Bool
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var topLevel: [CodeEvent] = []
    /// The event lists of the functions (`functionNames` gives their qualified names).
    @exclusivity(unchecked) var functionBodies: [[CodeEvent]] = []
    /// The qualified name of each function of `functionBodies`.
    @exclusivity(unchecked) var functionNames: [String] = []
    /// The index in `functionBodies` of each function, by the interned id of its reference (`$local.NAME`); -1
    /// for other ids.
    @exclusivity(unchecked) var functionSlots: [Int32] = []
    @exclusivity(unchecked) var classNames: Set<String> = []
    @exclusivity(unchecked) var classBases: [String: [String]] = [:]
    @exclusivity(unchecked) var scopes: [PythonScope] = [PythonScope(kind: .module, name: "")]
    /// What the names of the open scopes are bound to (depth `i` is `scopes[i]`).
    @exclusivity(unchecked) var bindings = PythonBindings()
    /// The file's names and dotted paths, interned.
    @exclusivity(unchecked) var names: PythonNames
    /// The path keys of values (`p:key`, `n:NAME`), interned; `v:NAME` keys are name ids tagged with
    /// `variableKeyTag`, `c:TEXT` keys are `constantTable` ids tagged with `constantKeyTag`.
    @exclusivity(unchecked) var keyTable = PythonNames(slots: 16, keepsBytes: false)
    /// The texts of constant-string path keys (`c:TEXT` without its prefix), interned.
    @exclusivity(unchecked) var constantTable = PythonNames(slots: 64, keepsBytes: false)
    /// The string-signal kinds of each `constantTable` id, once asked for (`constantSignalKinds`).
    @exclusivity(unchecked) var constantKinds: [[BehaviourKind]?] = []
    /// The string-signal kinds of long decoded and folded texts (`decodedSignalKinds`).
    @exclusivity(unchecked) var decodedKinds: [SignalKey: [BehaviourKind]] = [:]
    /// Each token's name id, once asked for (-1 before).
    @exclusivity(unchecked) var nameIds: [Int32]
    /// What calling each qualified name means (indexed by `callInfoSlots`).
    @exclusivity(unchecked) var callInfos: [PythonCallInfo] = []
    /// The reference each call's result is (indexed by `callInfoSlots`).
    @exclusivity(unchecked) var callResults: [PythonValue] = []
    /// The index in `callInfos` of each qualified name id called so far (-1 before).
    @exclusivity(unchecked) var callInfoSlots: [Int32] = []
    /// Open indented blocks: `true` for a scope, with whether it is a loop body.
    @exclusivity(unchecked) var blocks: [(isScope: Bool, isLoop: Bool)] = []
    @exclusivity(unchecked) var pendingBlock: PythonBlock?
    @exclusivity(unchecked) var nesting = 0
    /// How many strings deep this code was found (0 for a file; 1 for code an `exec` in the file runs).
    @exclusivity(unchecked) var layer = 0
    @exclusivity(unchecked) var foldBudget = 16_000_000
    @exclusivity(unchecked) var emittedProtector = false
    var starModules: [String] = [] {
        didSet { unboundCache.removeAll() }
    }
    @exclusivity(unchecked) var unboundCache: [PythonValue?] = []
    @exclusivity(unchecked) var writtenKeys: Set<String> = []
    @exclusivity(unchecked) var downloadedKeys: Set<String> = []
    @exclusivity(unchecked) var executableKeys: Set<String> = []
    @exclusivity(unchecked) var pendingStaticMethod = false
    /// What calling a function of no parameters gives when it returns one constant text (`lambda: 'curl'`,
    /// `def url(): return 'https://…'`), by the interned id of its reference (`$lambda.N`, `$local.NAME`); a
    /// function with two different returns, or one that is no constant, maps to `.unknown`.
    @exclusivity(unchecked) var constantReturns: [Int32: PythonEval] = [:]
    @exclusivity(unchecked) private var lineStarts: [Int]?
    /// Scalar counts for columns, made when the first behaviour is reported.
    @exclusivity(unchecked) private var columns: PythonColumns?
    let sharedSignals: JavaScriptSignalCache?
    let sharedCalls: PythonCallCache?

    /// Set in a path key id that is a name id (`v:NAME`).
    static let variableKeyTag: Int32 = 0x4000_0000
    /// Set in a path key id that is a `constantTable` id (`c:TEXT`).
    static let constantKeyTag: Int32 = 0x2000_0000

    /// Expressions nested deeper than this are skipped with a flat scan for calls and strings.
    static let maxNesting = 40

    /// Creates the state for one file.
    /// - Parameters:
    ///   - file: The file.
    ///   - signals: String-signal answers shared with the other files of the analyser, if any.
    ///   - calls: Call meanings shared with the other files of the analyser, if any.
    init(file: SourceFile, signals: JavaScriptSignalCache? = nil, calls: PythonCallCache? = nil) {
        self.file = file
        self.sharedCalls = calls
        self.sharedSignals = signals
        let data = file.data  // copied in one `memcpy` (the generic `[UInt8](data)` walks an iterator first)
        self.bytes = [UInt8](unsafeUninitializedCapacity: data.count) { buffer, count in
            count = data.copyBytes(to: buffer)
        }
        let lexed = bytes.withUnsafeBufferPointer { PythonLexer.lex($0) }
        let tokens = lexed.tokens
        self.tokens = tokens
        self.values = lexed.values
        self.names = lexed.names
        self.nameIds = lexed.nameIds
        self.codes = lexed.codes
        self.kinds = lexed.kinds
        self.isSetupPy = file.path.hasSuffix("setup.py")
    }

    // MARK: - Tokens

    /// The current token (the end marker once the tokens are used up).
    var token: PythonLexeme {
        tokens[pos < tokens.count ? pos : tokens.count - 1]
    }

    /// The current token's text.
    var tokenText: String { text(at: pos < tokens.count ? pos : tokens.count - 1) }

    /// Whether the current token's source text is `literal` (ASCII), compared on the bytes without a `String`
    /// (false for strings and f-string parts, whose text is a decoded value).
    func tokenSpells(_ literal: StaticString) -> Bool {
        let lexeme = token
        let count = literal.utf8CodeUnitCount
        guard lexeme.value == -1, lexeme.end - lexeme.offset == count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        return bytes.withUnsafeBufferPointer { source in
            for index in 0..<count where source[lexeme.offset + index] != expected[index] { return false }
            return true
        }
    }

    /// The text of the token at `index` (materialised from the source bytes or the decoded values; a name already
    /// interned is its interned text, the same characters without a new `String`).
    func text(at index: Int) -> String {
        let id = nameIds[index]
        if id >= 0 { return names.text(id) }
        return bytes.withUnsafeBufferPointer { tokens[index].text($0, values) }
    }

    /// The current token's kind.
    var tokenKind: PythonToken.Kind {
        @inline(__always) get { kinds[pos < kinds.count ? pos : kinds.count - 1] }
    }

    /// The current token's operator or keyword code.
    var tokenCode: PythonCode {
        @inline(__always) get { codes[pos < codes.count ? pos : codes.count - 1] }
    }

    /// Whether the current token is the operator or keyword with this code.
    @inline(__always)
    func at(_ code: PythonCode) -> Bool { tokenCode == code }

    /// The token `offset` places after the current one.
    func peek(_ offset: Int) -> PythonLexeme {
        let index = max(0, min(pos + offset, tokens.count - 1))
        return tokens[index]
    }

    /// The operator or keyword code of the token `offset` places after the current one (no copy of the token).
    @inline(__always)
    func peekCode(_ offset: Int) -> PythonCode {
        codes[max(0, min(pos + offset, codes.count - 1))]
    }

    /// The kind of the token `offset` places after the current one (no copy of the token).
    @inline(__always)
    func peekKind(_ offset: Int) -> PythonToken.Kind {
        kinds[max(0, min(pos + offset, kinds.count - 1))]
    }

    /// Whether the current token ends a logical line.
    var atLineEnd: Bool { tokenKind == .newline || tokenKind == .endMarker }

    /// Moves past the current token (never past the end marker).
    func advance() { if pos < tokens.count - 1 { pos += 1 } }

    // MARK: - Scopes

    /// The event lists of the functions, by qualified name.
    var functions: [String: [CodeEvent]] {
        Dictionary(zip(functionNames, functionBodies)) { first, _ in first }
    }

    /// The index in `functionBodies` of a function's event list, made empty when new.
    /// - Parameters:
    ///   - reference: The interned id of `$local.` + the qualified name.
    ///   - qualifiedName: The qualified name.
    /// - Returns: The index.
    func functionBody(_ reference: Int32, _ qualifiedName: String) -> Int {
        let slot = Int(reference)
        if slot < functionSlots.count, functionSlots[slot] >= 0 { return Int(functionSlots[slot]) }
        if slot >= functionSlots.count {
            functionSlots += [Int32](
                repeating: -1, count: max(names.count, slot + 1, functionSlots.count * 2) - functionSlots.count)
        }
        functionSlots[slot] = Int32(functionBodies.count)
        functionNames.append(qualifiedName)
        functionBodies.append([])
        return functionBodies.count - 1
    }

    /// Whether a function of this qualified name is defined in the file.
    func isDefinedFunction(_ qualifiedName: String) -> Bool {
        guard let reference = names.id(of: "$local." + qualifiedName) else { return false }
        return Int(reference) < functionSlots.count && functionSlots[Int(reference)] >= 0
    }

    /// The index in `functionBodies` of the innermost function's events, or -1 at module level.
    var currentBody: Int { scopes[scopes.count - 1].body }

    /// The qualified name a definition called `name` gets in the current scope.
    func qualified(_ name: String) -> String {
        guard let last = scopes.last, last.kind != .module else { return name }
        return last.name + "." + name
    }

    /// Whether the current statement is inside a loop body of the current function or module.
    var inLoop: Bool {
        for block in blocks.reversed() {
            if block.isScope { return false }
            if block.isLoop { return true }
        }
        return false
    }

    // MARK: - Events

    /// Appends an event to the current function's body or to the top level.
    func append(_ event: CodeEvent) {
        let body = currentBody
        if body >= 0 {
            if functionBodies[body].isEmpty { functionBodies[body].reserveCapacity(4) }  // one allocation for most
            functionBodies[body].append(event)
        } else {
            topLevel.append(event)
        }
    }

    /// The number of events of the current body (to undo what an assignment target emitted).
    func eventMark() -> Int {
        let body = currentBody
        return body >= 0 ? functionBodies[body].count : topLevel.count
    }

    /// Drops events emitted since `mark`.
    func truncateEvents(to mark: Int) {
        let body = currentBody
        if body >= 0 {
            let count = functionBodies[body].count
            if count > mark { functionBodies[body].removeLast(count - mark) }
        } else if topLevel.count > mark {
            topLevel.removeLast(topLevel.count - mark)
        }
    }

    /// Records a behaviour at a token.
    /// - Parameters:
    ///   - kind: The behaviour.
    ///   - index: The token it is reported at.
    ///   - decoded: A decoded value to show as the snippet instead of the source line.
    func emit(_ kind: BehaviourKind, at index: Int, decoded: String? = nil) {
        let anchor = tokens[max(0, min(index, tokens.count - 1))]
        if columns == nil { columns = bytes.withUnsafeBufferPointer { PythonColumns($0) } }
        let column = bytes.withUnsafeBufferPointer { buffer in
            columns?.column(base: anchor.columnBase, offset: anchor.offset, in: buffer) ?? 1
        }
        let snippet = decoded.map(Self.decodedSnippet) ?? snippet(for: anchor)
        append(
            .behaviour(
                Behaviour(
                    kind: kind, path: file.path, line: anchor.line, column: column, snippet: snippet,
                    language: .python, context: file.context)))
    }

    /// The snippet of a behaviour found in decoded text: its first 150 characters on one line.
    static func decodedSnippet(_ text: String) -> String {
        "decoded: " + String(String(text.prefix(150)).map { $0.isNewline ? " " : $0 })
    }

    /// Reports pyarmor once per file.
    func emitProtector(at index: Int) {
        guard !emittedProtector else { return }
        emittedProtector = true
        emit(.pythonProtector, at: index)
    }

    /// The string-signal kinds of a value: `StringSignals.kinds(in:)`, cached per distinct short string across the
    /// files of one analyser.
    func signalKinds(_ text: String) -> [BehaviourKind] {
        let count = text.utf8.count
        guard count >= 4, !StringSignals.signalsNothing(text) else { return [] }  // no hashing for plain words
        if count > 200 { return StringSignals.kinds(in: text, decodedKinds: decodedSignalKinds) }
        guard let sharedSignals else { return StringSignals.kinds(in: text) }
        let key = SignalKey(text)  // hashed once for the lookup and the store
        if let known = sharedSignals.kinds(of: key) { return known }
        let kinds = StringSignals.kinds(in: text)
        sharedSignals.store(kinds, for: key)
        return kinds
    }

    /// The string-signal kinds of a long text a literal decodes to, or of a long folded value: remembered per file
    /// by bytes, since a payload classified inside its encoded literal is classified again where code decodes it.
    func decodedSignalKinds(_ text: String) -> [BehaviourKind] {
        guard text.utf8.count > 200 else { return signalKinds(text) }
        guard text.utf8.count <= EncodedText.decodeLimit else {
            return StringSignals.kinds(in: text, decodedKinds: decodedSignalKinds)
        }
        let key = SignalKey(text)
        if let known = decodedKinds[key] { return known }
        let kinds = StringSignals.kinds(in: text, decodedKinds: decodedSignalKinds)
        if decodedKinds.count >= 1_024 { decodedKinds.removeAll() }
        decodedKinds[key] = kinds
        return kinds
    }

    /// Reports the string signals of a folded or decoded value not yet reported for its parts.
    func signal(_ eval: inout PythonEval) {
        guard eval.tags.contains(.folded), let text = eval.value.text else { return }
        for kind in decodedSignalKinds(text) where !eval.signalled.contains(kind) {
            emit(kind, at: eval.start, decoded: eval.tags.contains(.decoded) ? text : nil)
            eval.signalled.insert(kind)
        }
    }

    /// Takes `cost` bytes from the folding budget; false once it is spent (folding then stops).
    func charge(_ cost: Int) -> Bool {
        foldBudget -= max(cost, 1)
        return foldBudget >= 0 && cost <= 1_000_000
    }

    // MARK: - Private

    private func snippet(for anchor: PythonLexeme) -> String {
        if lineStarts == nil { lineStarts = bytes.withUnsafeBufferPointer(PythonFileContext.lineStarts) }
        guard let starts = lineStarts, anchor.line - 1 < starts.count else { return "" }
        var start = starts[anchor.line - 1]
        if anchor.offset - start > 80 { start = anchor.offset - 60 }
        while start < bytes.count && start > 0 && bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D && end - start < 160 { end += 1 }
        while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        // ASCII spaces and tabs are trimmed on the bytes; Foundation only sees a line that still starts or ends
        // with a non-ASCII byte (which may be a Unicode space).
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The offsets where lines start: 0 and the offset after each `\n` (found with `memchr`).
    private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        var cursor = 0
        while cursor < bytes.count, let found = memchr(base + cursor, 0x0A, bytes.count - cursor) {
            cursor = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1  // in `1...bytes.count`
            starts.append(cursor)
        }
        return starts
    }
}
