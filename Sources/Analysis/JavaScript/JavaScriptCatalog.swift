import LockgateCore

/// The modules, globals and members the JavaScript analysis knows, and the behaviour each stands for.
enum JavaScriptCatalog {
    /// The module a `require`/`import` specifier names (`node:` prefix and subpaths such as `fs/promises` allowed).
    /// - Parameter specifier: The specifier as written.
    /// - Returns: The module, or nil for packages of no interest and relative paths.
    static func module(for specifier: String) -> JavaScriptModule? {
        var name = specifier.hasPrefix("node:") ? String(specifier.dropFirst(5)) : specifier
        if let slash = name.firstIndex(of: "/"), !name.hasPrefix("@") { name = String(name[..<slash]) }
        guard moduleNames.contains(name) else { return nil }
        switch name {
        case "child_process": return .childProcess
        case "execa", "cross-spawn", "shelljs", "node-pty", "spawn-sync": return .processLibrary
        case "os": return .os
        case "fs", "graceful-fs", "fs-extra", "original-fs": return .fs
        case "http", "https", "net", "tls", "dgram", "http2", "undici", "ws", "socket.io-client":
            return .network(callable: name == "ws")
        case "axios", "node-fetch", "request", "got", "superagent", "cross-fetch", "isomorphic-fetch", "needle",
            "phin", "make-fetch-happen", "request-promise", "request-promise-native", "ky", "bent":
            return .network(callable: true)
        case "dns": return .dns
        case "zlib": return .zlib
        case "buffer": return .buffer
        case "crypto": return .crypto
        case "vm": return .vm
        case "module": return .nodeModule
        case "process": return .process
        default: return nil
        }
    }

    /// What a global name refers to when no local binding shadows it.
    /// - Parameter name: The identifier.
    /// - Returns: Its value, or nil for names of no interest.
    static func global(_ name: String) -> JavaScriptObject? {
        guard globalNames.contains(name) else { return nil }
        return switch name {
        case "require": .require
        case "eval": .eval
        case "Function": .functionConstructor
        case "process": .module(.process)
        case "global", "globalThis", "window", "self", "frames": .module(.global)
        case "module": .module(.nodeModule)
        case "Buffer": .module(.buffer)
        case "atob", "decodeURIComponent", "decodeURI", "unescape": .decoder(name)
        case "setTimeout", "setInterval", "setImmediate", "execScript": .timer
        case "fetch", "WebSocket", "EventSource": .member(.network(callable: false), name)
        case "XMLHttpRequest", "ActiveXObject": .module(.xhr)
        case "JSON", "Object", "String", "Reflect": JavaScriptBuiltin(name: name).map { .module(.builtin($0)) }
        default: nil
        }
    }

    /// Every name `module(for:)` matches: one hash rules out the other specifiers before the string comparisons of
    /// its `switch` (keep in step with its cases).
    private static let moduleNames: Set<String> = [
        "child_process", "execa", "cross-spawn", "shelljs", "node-pty", "spawn-sync", "os", "fs", "graceful-fs",
        "fs-extra", "original-fs", "http", "https", "net", "tls", "dgram", "http2", "undici", "ws", "socket.io-client",
        "axios", "node-fetch", "request", "got", "superagent", "cross-fetch", "isomorphic-fetch", "needle", "phin",
        "make-fetch-happen", "request-promise", "request-promise-native", "ky", "bent", "dns", "zlib", "buffer",
        "crypto", "vm", "module", "process",
    ]
    /// Every name `global(_:)` matches (keep in step with its cases).
    private static let globalNames: Set<String> = [
        "require", "eval", "Function", "process", "global", "globalThis", "window", "self", "frames", "module",
        "Buffer", "atob", "decodeURIComponent", "decodeURI", "unescape", "setTimeout", "setInterval", "setImmediate",
        "execScript", "fetch", "WebSocket", "EventSource", "XMLHttpRequest", "ActiveXObject", "JSON", "Object",
        "String", "Reflect",
    ]

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
}
