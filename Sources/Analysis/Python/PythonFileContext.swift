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
final class PythonFileContext {
    let tokens: [PythonToken]
    /// Each token's operator or keyword code (read without copying the token).
    let codes: [PythonCode]
    /// Each token's kind (read without copying the token).
    let kinds: [PythonToken.Kind]
    let file: SourceFile
    let bytes: [UInt8]
    let isSetupPy: Bool
    var pos = 0
    var topLevel: [CodeEvent] = []
    var functions: [String: [CodeEvent]] = [:]
    var definedFunctions: Set<String> = []
    var classNames: Set<String> = []
    var classBases: [String: [String]] = [:]
    var scopes: [PythonScope] = [PythonScope(kind: .module, name: "")]
    /// What the names of the open scopes are bound to (depth `i` is `scopes[i]`).
    var bindings = PythonBindings()
    /// The file's names and dotted paths, interned.
    var names: PythonNames
    /// The path keys of values (`v:name`, `c:text`, `p:key`, `n:NAME`), interned.
    var keyTable = PythonNames()
    /// Each name's `v:NAME` key id in `keyTable`, once asked for (-1 before).
    var variableKeyIds: [Int32] = []
    /// Each token's name id, once asked for (-1 before).
    var nameIds: [Int32]
    /// What each library call shape means, by the qualified name called.
    var callInfos: [String: PythonCallInfo] = [:]
    /// Open indented blocks: `true` for a scope, with whether it is a loop body.
    var blocks: [(isScope: Bool, isLoop: Bool)] = []
    var pendingBlock: PythonBlock?
    var nesting = 0
    var foldBudget = 16_000_000
    var emittedProtector = false
    var starModules: [String] = [] {
        didSet { unboundCache.removeAll() }
    }
    var unboundCache: [PythonValue?] = []
    var writtenKeys: Set<String> = []
    var downloadedKeys: Set<String> = []
    var executableKeys: Set<String> = []
    var pendingStaticMethod = false
    private var lineStarts: [Int]?
    private var signalCache: [String: [BehaviourKind]] = [:]
    private let sharedSignals: JavaScriptSignalCache?
    let sharedCalls: PythonCallCache?

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
        self.bytes = [UInt8](file.data)
        let lexed = bytes.withUnsafeBufferPointer { PythonLexer.lex($0) }
        let tokens = lexed.tokens
        self.tokens = tokens
        self.names = lexed.names
        self.nameIds = lexed.nameIds
        var codes: [PythonCode] = []
        var kinds: [PythonToken.Kind] = []
        codes.reserveCapacity(tokens.count)
        kinds.reserveCapacity(tokens.count)
        tokens.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                codes.append(buffer[index].code)
                kinds.append(buffer[index].kind)
            }
        }
        self.codes = codes
        self.kinds = kinds
        self.isSetupPy = file.path.hasSuffix("setup.py")
    }

    // MARK: - Tokens

    /// The current token (the end marker once the tokens are used up).
    var token: PythonToken {
        _read { yield tokens[pos < tokens.count ? pos : tokens.count - 1] }
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
    func peek(_ offset: Int) -> PythonToken {
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

    /// The qualified name of the innermost function (events go to its body), or nil at module level.
    var currentFunction: String? { scopes.last { $0.kind == .function }?.name }

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
        if let name = currentFunction { functions[name, default: []].append(event) } else { topLevel.append(event) }
    }

    /// The number of events of the current body (to undo what an assignment target emitted).
    func eventMark() -> Int {
        if let name = currentFunction { return functions[name]?.count ?? 0 }
        return topLevel.count
    }

    /// Drops events emitted since `mark`.
    func truncateEvents(to mark: Int) {
        if let name = currentFunction {
            if let count = functions[name]?.count, count > mark { functions[name]?.removeLast(count - mark) }
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
        let snippet = decoded.map { "decoded: " + String($0.prefix(150)) } ?? snippet(for: anchor)
        append(
            .behaviour(
                Behaviour(
                    kind: kind, path: file.path, line: anchor.line, column: anchor.column, snippet: snippet,
                    language: .python, context: file.context)))
    }

    /// Reports pyarmor once per file.
    func emitProtector(at index: Int) {
        guard !emittedProtector else { return }
        emittedProtector = true
        emit(.pythonProtector, at: index)
    }

    /// The string-signal kinds of a value: `StringSignals.kinds(in:)`, cached per distinct short string in this
    /// file and across the files of one analyser.
    func signalKinds(_ text: String) -> [BehaviourKind] {
        let count = text.utf8.count
        guard count >= 4 else { return [] }
        if count > 200 { return StringSignals.kinds(in: text) }
        if let cached = signalCache[text] { return cached }
        let kinds: [BehaviourKind]
        if let known = sharedSignals?.kinds(of: text) {
            kinds = known
        } else {
            kinds = StringSignals.kinds(in: text)
            sharedSignals?.store(kinds, for: text)
        }
        signalCache[text] = kinds
        return kinds
    }

    /// Reports the string signals of a folded or decoded value not yet reported for its parts.
    func signal(_ eval: inout PythonEval) {
        guard eval.tags.contains(.folded), let text = eval.value.text else { return }
        for kind in signalKinds(text) where !eval.signalled.contains(kind) {
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

    private func snippet(for anchor: PythonToken) -> String {
        if lineStarts == nil {
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            lineStarts = starts
        }
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
}
