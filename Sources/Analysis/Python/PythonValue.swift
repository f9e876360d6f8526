import LockgateCore

/// What the light pass knows about a Python value: a constant, a reference to a module member, or nothing.
enum PythonValue: Hashable, Sendable {
    /// Not known.
    case unknown
    /// A constant `str`.
    case string(String)
    /// A constant `bytes` (each byte as the Unicode scalar of the same number).
    case bytes(String)
    /// A constant integer.
    case int(Int)
    /// A constant boolean.
    case bool(Bool)
    /// A list, tuple or set display.
    indirect case list([PythonValue])
    /// A dict display with constant string keys.
    indirect case dict([PythonDictEntry])
    /// A module, a module member or an object derived from one, by the interned id (in the file's
    /// `PythonFileContext.names`) of its qualified name (`os`, `os.system`, `socket.socket().connect`,
    /// `builtins.exec`; `$local.C` for names defined in the file).
    case ref(Int32)
    /// A method of a constant (`''.join`, `b'..'.decode`).
    indirect case method(PythonValue, String)

    /// The string value of a `str`, or of a `bytes` read as Latin-1.
    var text: String? {
        switch self {
        case .string(let value), .bytes(let value): return value
        default: return nil
        }
    }

    /// The interned id of a reference's qualified name.
    var refId: Int32? {
        if case .ref(let id) = self { return id }
        return nil
    }
}

/// One entry of a dict display.
struct PythonDictEntry: Hashable, Sendable {
    /// The key, when it is a constant string.
    var key: String?
    /// The value.
    var value: PythonValue
}

/// Facts that travel with a value through assignments, attributes, calls and operators.
struct PythonTags: OptionSet, Hashable {
    let rawValue: UInt16
    /// Data received from the network.
    static let network = PythonTags(rawValue: 1)
    /// Host, user or environment data.
    static let data = PythonTags(rawValue: 2)
    /// A string built from constant text and data (concatenation, f-string, `%`, `format`, `join`).
    static let built = PythonTags(rawValue: 4)
    /// A constant computed by folding (not written as one literal).
    static let folded = PythonTags(rawValue: 8)
    /// A constant obtained by decoding (base64, hex, rot13, `chr` lists, reversal).
    static let decoded = PythonTags(rawValue: 16)
    /// Output of `marshal.loads`, `zlib.decompress` and similar unpackers.
    static let unpacked = PythonTags(rawValue: 32)
    /// A file downloaded to disk (`urlretrieve`).
    static let downloaded = PythonTags(rawValue: 64)
    /// A file handle opened for writing.
    static let writeHandle = PythonTags(rawValue: 128)
    /// The windowless interpreter's path (`sys.executable.replace('.exe', 'w.exe')`): a process started with it
    /// shows no console window.
    static let windowless = PythonTags(rawValue: 256)
}

/// A set of behaviour kinds as a bit set (the vocabulary has fewer than 64 kinds).
struct PythonKindSet: Hashable {
    private(set) var bits: UInt64 = 0
    private static let index: [BehaviourKind: Int] = {
        var result: [BehaviourKind: Int] = [:]
        for (offset, kind) in BehaviourKind.allCases.enumerated() { result[kind] = offset & 63 }
        return result
    }()

    func contains(_ kind: BehaviourKind) -> Bool { bits & (1 << UInt64(Self.index[kind] ?? 63)) != 0 }
    mutating func insert(_ kind: BehaviourKind) { bits |= 1 << UInt64(Self.index[kind] ?? 63) }
    mutating func formUnion(_ other: PythonKindSet) { bits |= other.bits }
}

/// The result of evaluating an expression: its value and what travels with it.
///
/// It takes 48 bytes with no padding at its end (the token index and the path id are kept in 32 bits each, after
/// the value's tag byte and `tags`): evaluations are copied at every step of the parser, in three 16-byte moves.
struct PythonEval {
    /// The value.
    var value: PythonValue = .unknown
    /// Facts about it.
    var tags: PythonTags = []
    /// `path`, or -1 for none (name ids are never negative).
    private var storedPath: Int32 = -1
    /// String-signal kinds already reported for this value.
    var signalled = PythonKindSet()
    /// Path keys: `v:name` for variables it came from, `c:text` for constant strings in it, `p:key` for the path
    /// of an opened file, `n:NAME` for marker attributes.
    var keys = PythonKeys()
    /// `start` (token indices of a file under the analyser's size cap fit in 32 bits; larger ones are clamped).
    private var storedStart: Int32

    /// Index of the expression's first token.
    var start: Int {
        @inline(__always) get { Int(storedStart) }
        @inline(__always) set { storedStart = Int32(clamping: newValue) }
    }

    /// The interned id of the dotted name it was written as (`self.url`), when it is a plain name chain.
    var path: Int32? {
        @inline(__always) get { storedPath >= 0 ? storedPath : nil }
        @inline(__always) set { storedPath = newValue ?? -1 }
    }

    /// Creates an evaluation result.
    init(_ value: PythonValue = .unknown, start: Int, tags: PythonTags = []) {
        self.value = value
        self.storedStart = Int32(clamping: start)
        self.tags = tags
    }

    /// Adds another value's tags, keys and signalled kinds to this one.
    mutating func absorb(_ other: PythonEval) {
        tags.formUnion(other.tags.subtracting([.folded, .writeHandle]))
        signalled.formUnion(other.signalled)
        addKeys(other.keys)
    }

    /// Adds path keys (a few are kept; the first ones win).
    mutating func addKeys(_ more: PythonKeys) {
        guard keys.count < 3 else { return }
        more.forEachKey { keys.add($0) }
    }
}

/// One argument of a call.
struct PythonArgument {
    /// The keyword, for `name=value`.
    var keyword: String?
    /// The value.
    var eval: PythonEval
    /// 1 for `*args`, 2 for `**kwargs`.
    var star: Int = 0
}

extension Array where Element == PythonArgument {
    /// The argument at a position (not keyword, not starred) or with a keyword.
    func value(at index: Int, keyword: String? = nil) -> PythonEval? {
        if let keyword, let match = first(where: { $0.keyword == keyword }) { return match.eval }
        var remaining = index  // counts down over the positional arguments (no array of them is made)
        for argument in self where argument.keyword == nil && argument.star == 0 {
            if remaining == 0 { return argument.eval }
            remaining -= 1
        }
        return nil
    }
}

/// A few path keys, by their interned ids in the file's key table (`PythonFileContext.keyTable`), stored inline:
/// no allocation and no reference counting. Key ids are never negative: -1 marks an unused place (so the keys take
/// 12 bytes of a `PythonEval`, with no count of their own).
struct PythonKeys: Hashable {
    private var first: Int32 = -1
    private var second: Int32 = -1
    private var third: Int32 = -1

    /// The number of keys (the places are filled in order).
    var count: Int { third >= 0 ? 3 : second >= 0 ? 2 : first >= 0 ? 1 : 0 }

    /// Adds a key unless present or full.
    mutating func add(_ key: Int32) {
        guard third < 0, !contains(key) else { return }
        if first < 0 {
            first = key
        } else if second < 0 {
            second = key
        } else {
            third = key
        }
    }

    /// Puts a key first, dropping the last one when full.
    mutating func prepend(_ key: Int32) {
        var items = [key] + ids.filter { $0 != key }
        if items.count > 3 { items.removeLast() }
        self = PythonKeys()
        for item in items { add(item) }
    }

    /// Whether a key is present.
    func contains(_ key: Int32) -> Bool {
        key >= 0 && (first == key || second == key || third == key)
    }

    /// Calls `body` with each key, in order.
    @inline(__always)
    func forEachKey(_ body: (Int32) -> Void) {
        if first >= 0 { body(first) }
        if second >= 0 { body(second) }
        if third >= 0 { body(third) }
    }

    /// The keys in order.
    var ids: [Int32] { Array([first, second, third].prefix(count)) }
}
