import LockgateCore

/// The modules, globals and members the JavaScript analysis knows, and the behaviour each stands for.
enum JavaScriptCatalog {
    /// The module a `require`/`import` specifier names (`node:` prefix and subpaths such as `fs/promises` allowed).
    /// - Parameter specifier: The specifier as written.
    /// - Returns: The module, or nil for packages of no interest and relative paths.
    static func module(for specifier: String) -> JavaScriptModule? {
        // An ASCII specifier (nearly all) is cut by its bytes, which are its characters; a name whose (length, last
        // byte) no module has is ruled out without building or hashing it.
        var bytes = specifier
        let ascii: Bool? = bytes.withUTF8 { utf8 in
            var high: UInt8 = 0
            for byte in utf8 { high |= byte }
            guard high < 0x80 else { return nil }
            var start = 0, end = utf8.count
            if end >= 5 && utf8[0] == 0x6E && utf8[1] == 0x6F && utf8[2] == 0x64 && utf8[3] == 0x65
                && utf8[4] == 0x3A /* node: */
            {
                start = 5
            }
            if start < end && utf8[start] != 0x40 /* @ */ {
                var index = start
                while index < end && utf8[index] != 0x2F /* / */ { index += 1 }
                end = index
            }
            guard end > start else { return false }  // no module is named ""
            let key = nameKey(count: end - start, last: utf8[end - 1])
            return moduleKeys[key >> 6] & (1 << UInt64(key & 63)) != 0
        }
        if ascii == false { return nil }
        var name = specifier.hasPrefix("node:") ? String(specifier.dropFirst(5)) : specifier
        if let slash = name.firstIndex(of: "/"), !name.hasPrefix("@") { name = String(name[..<slash]) }
        return modules[name]
    }

    /// Whether a specifier names a module of the package itself (`./lib/core`, `../util`, `.`, `..`).
    static func isRelative(_ specifier: String) -> Bool {
        specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "." || specifier == ".."
    }

    /// The helpers compilers wrap a require in, which give the module back (its default export as `.default`).
    static let interopHelpers: Set<String> = [
        "__importDefault", "__importStar", "__toESM", "__toCommonJS", "_interopRequireDefault",
        "_interopRequireWildcard",
    ]

    /// What a global name refers to when no local binding shadows it.
    /// - Parameter name: The identifier.
    /// - Returns: Its value, or nil for names of no interest.
    static func global(_ name: String) -> JavaScriptObject? {
        // Most names are none of the few globals: an ASCII name whose (length, last byte) no global has is ruled out
        // without hashing it (the globals are ASCII, and an ASCII string equals only the same bytes).
        let utf8 = name.utf8
        if let last = utf8.last, utf8.allSatisfy({ $0 < 0x80 }) {
            let key = nameKey(count: utf8.count, last: last)
            if globalKeys[key >> 6] & (1 << UInt64(key & 63)) == 0 { return nil }
        }
        return globals[name]
    }

    /// Whether a name, by its UTF-8 bytes, is surely none of the globals (`global(_:)` is nil), decided without
    /// building the string: a non-empty ASCII name whose (length, last byte) no global has.
    static func rulesOutGlobal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        guard high < 0x80 else { return false }
        let key = nameKey(count: bytes.count, last: last)
        return globalKeys[key >> 6] & (1 << UInt64(key & 63)) == 0
    }

    /// Members that start a process.
    static let spawnMembers: Set<String> = [
        "exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync", "fork", "command", "commandSync",
        "execaSync", "execaCommand", "execaCommandSync", "sync", "execa", "$",
    ]
    /// `os` members that read host or user identity.
    static let reconMembers: Set<String> = [
        "hostname", "userInfo", "networkInterfaces", "platform", "homedir", "type", "arch", "release", "version",
        "machine",
    ]
    /// File-system members that read.
    static let readMembers: Set<String> = [
        "readFile", "readFileSync", "createReadStream", "readdir", "readdirSync", "opendir", "opendirSync", "read",
        "readSync", "readJson", "readJsonSync", "readJSON", "readJSONSync", "readlink", "readlinkSync", "readv",
    ]
    /// File-system members that write.
    static let writeMembers: Set<String> = [
        "writeFile", "writeFileSync", "appendFile", "appendFileSync", "createWriteStream", "copyFile", "copyFileSync",
        "cp", "cpSync", "copy", "copySync", "outputFile", "outputFileSync", "writeJson", "writeJsonSync",
        "outputJson", "outputJsonSync", "write", "writeSync", "writev", "rename", "renameSync", "move", "moveSync",
    ]
    /// File-system members that change a file's mode.
    static let chmodMembers: Set<String> = ["chmod", "chmodSync", "fchmod", "fchmodSync", "lchmod", "lchmodSync"]
    /// Network members that make a request or connection.
    static let networkMembers: Set<String> = [
        "request", "get", "post", "put", "patch", "delete", "head", "fetch", "connect", "createConnection", "send",
        "WebSocket", "EventSource", "sendBeacon", "upload", "stream",
    ]
    /// `dns` members that resolve a name.
    static let dnsMembers: Set<String> = [
        "lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveMx",
        "resolveNs", "resolveTxt", "resolveSrv", "resolvePtr", "resolveSoa", "resolveNaptr", "resolveCaa", "reverse",
    ]
    /// `dns` members whose name argument is a service or an address: service discovery and reverse lookups.
    static let dnsServiceMembers: Set<String> = ["resolveSrv", "lookupService", "reverse"]
    /// `zlib` members that decompress.
    static let zlibDecodeMembers: Set<String> = [
        "inflate", "inflateSync", "inflateRaw", "inflateRawSync", "gunzip", "gunzipSync", "unzip", "unzipSync",
        "brotliDecompress", "brotliDecompressSync", "createGunzip", "createInflate", "createUnzip",
    ]
    /// `crypto` members that decrypt.
    static let decryptMembers: Set<String> = ["createDecipher", "createDecipheriv", "privateDecrypt", "publicDecrypt"]
    /// `vm` members that run code.
    static let vmMembers: Set<String> = [
        "runInThisContext", "runInNewContext", "runInContext", "compileFunction", "Script", "SourceTextModule",
    ]
    /// Builtins that serialise or enumerate a whole object (`process.env` passed to them is a dump).
    static let dumpMembers: Set<String> = [
        "stringify", "keys", "entries", "values", "assign", "getOwnPropertyNames", "fromEntries", "ownKeys",
    ]

    /// Words that make a folded or decoded string read as code or as a sensitive name.
    static func isCodeLike(_ text: String) -> Bool {
        JavaScriptText.containsAny(text, codeMarkers) || module(for: text) != nil
    }

    /// The words of `isCodeLike`.
    private static let codeMarkers = [
        "require", "eval", "exec", "spawn", "child_process", "function", "=>", "process.", "import(", "Buffer",
        "http", "fromCharCode", "constructor", "powershell", "/bin/", "cmd", "curl", "wget",
    ]

    // MARK: - Private

    /// The modules by specifier name: one hash lookup for every `require`/`import`.
    private static let modules: [String: JavaScriptModule] = {
        let groups: [(JavaScriptModule, [String])] = [
            (.childProcess, ["child_process"]),
            (.processLibrary, ["execa", "cross-spawn", "shelljs", "node-pty", "spawn-sync"]),
            (.os, ["os"]),
            (.fs, ["fs", "graceful-fs", "fs-extra", "original-fs"]),
            (
                .network(callable: false),
                ["http", "https", "net", "tls", "dgram", "http2", "undici", "socket.io-client"]
            ),
            (
                .network(callable: true),
                [
                    "ws", "axios", "node-fetch", "request", "got", "superagent", "cross-fetch", "isomorphic-fetch",
                    "needle", "phin", "make-fetch-happen", "request-promise", "request-promise-native", "ky", "bent",
                ]
            ),
            (.dns, ["dns"]), (.zlib, ["zlib"]), (.buffer, ["buffer"]), (.crypto, ["crypto"]), (.vm, ["vm"]),
            (.nodeModule, ["module"]), (.process, ["process"]),
        ]
        let pairs = groups.flatMap { module, names in names.map { ($0, module) } }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }()

    /// Bits by `nameKey` of the names in `globals`.
    private static let globalKeys: [UInt64] = keys(of: globals.keys)

    /// Bits by `nameKey` of the names in `modules` (all ASCII).
    private static let moduleKeys: [UInt64] = keys(of: modules.keys)

    /// The bits by `nameKey` of some names.
    private static func keys(of names: some Sequence<String>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 64)
        for name in names {
            let key = nameKey(count: name.utf8.count, last: name.utf8.last ?? 0)
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
        return bits
    }

    /// A name's table position: its byte length and last byte, each mod 64.
    private static func nameKey(count: Int, last: UInt8) -> Int { (count & 63) << 6 | Int(last & 63) }

    /// The globals by name: one hash lookup for every free identifier that `globalKeys` does not rule out.
    private static let globals: [String: JavaScriptObject] = {
        var table: [String: JavaScriptObject] = [
            "require": .require, "eval": .eval, "Function": .functionConstructor, "process": .module(.process),
            "module": .module(.nodeModule), "Buffer": .module(.buffer),
            "XMLHttpRequest": .module(.xhr), "ActiveXObject": .module(.xhr),
        ]
        for name in ["global", "globalThis", "window", "self", "frames"] { table[name] = .module(.global) }
        for name in ["atob", "decodeURIComponent", "decodeURI", "unescape"] { table[name] = .decoder(name) }
        for name in ["setTimeout", "setInterval", "setImmediate", "execScript"] { table[name] = .timer }
        for name in ["fetch", "WebSocket", "EventSource"] { table[name] = .member(.network(callable: false), name) }
        for name in ["JSON", "Object", "String", "Reflect"] {
            if let builtin = JavaScriptBuiltin(name: name) { table[name] = .module(.builtin(builtin)) }
        }
        return table
    }()
}
