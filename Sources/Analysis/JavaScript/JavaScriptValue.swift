import LockgateCore

/// A module, library or global object whose members the analysis knows.
enum JavaScriptModule: Hashable, Sendable {
    /// `child_process`.
    case childProcess
    /// A process library whose export is itself callable (`execa`, `cross-spawn`, `shelljs`).
    case processLibrary
    /// `os`.
    case os
    /// `fs`, `fs/promises`, `graceful-fs`, `fs-extra`.
    case fs
    /// A network module; `callable` when the export itself makes requests (`axios(...)`, `got(...)`).
    case network(callable: Bool)
    /// `dns`, `dns/promises`.
    case dns
    /// `zlib`.
    case zlib
    /// `Buffer` (global or `buffer`).
    case buffer
    /// `crypto`.
    case crypto
    /// `vm`.
    case vm
    /// The `process` global.
    case process
    /// `process.env`.
    case env
    /// `global`, `globalThis`, `window`, `self`.
    case global
    /// node's `module` object or the `module` module (`module.require`, `Module._load`, `createRequire`).
    case nodeModule
    /// `JSON`, `Object`, `String`, `Reflect`: builtins whose members matter (`JSON.stringify`, `String.fromCharCode`).
    case builtin(JavaScriptBuiltin)
    /// `XMLHttpRequest` objects.
    case xhr

    /// The import behaviour of the module, if it has one.
    var importKind: BehaviourKind? {
        switch self {
        case .childProcess, .processLibrary: .importProcessModule
        case .os: .importOSModule
        case .fs: .importFileSystemModule
        case .network, .dns: .importNetworkModule
        case .zlib, .buffer, .crypto: .importEncodingModule
        default: nil
        }
    }
}

/// A global builtin object whose members the analysis knows.
enum JavaScriptBuiltin: Hashable, Sendable {
    /// `JSON`.
    case json
    /// `Object`.
    case object
    /// `String`.
    case string
    /// `Reflect`.
    case reflect

    /// The builtin of a global name, if it is one.
    init?(name: String) {
        switch name {
        case "JSON": self = .json
        case "Object": self = .object
        case "String": self = .string
        case "Reflect": self = .reflect
        default: return nil
        }
    }
}

/// What a value refers to, as far as the analysis can tell.
enum JavaScriptObject: Hashable, Sendable {
    /// Nothing known.
    case unknown
    /// A constant string.
    case string(String)
    /// A constant number.
    case number(Double)
    /// An array of constant strings.
    case array([String])
    /// An object of a known module.
    case module(JavaScriptModule)
    /// A member (function or property) of a known module.
    case member(JavaScriptModule, String)
    /// `require` (or an alias: `module.require`, `global['req'+'uire']`, `createRequire(...)`).
    case require
    /// Dynamic `import(...)`.
    case dynamicImport
    /// `eval`.
    case eval
    /// The `Function` constructor.
    case functionConstructor
    /// A function made by `Function('return this')`: calling it gives the global object.
    case globalGetter
    /// `setTimeout`, `setInterval`, `setImmediate` (evaluate a string argument).
    case timer
    /// A global decoding function (`atob`, `decodeURIComponent`, `unescape`).
    case decoder(String)
    /// A method of a constant string or array (`'abc'.split`, `[...].join`).
    indirect case method(JavaScriptObject, String)
    /// A function defined in this file, by its name in `FileAnalysis.functions`.
    case localFunction(String)
    /// An object made by `new X()` of a class that may be defined in this file (its methods are `X.method`).
    case instance(String)
    /// A module of the package itself, by its relative specifier (`require('./lib/core')`, `import * as c from
    /// './core.js'`).
    case localModule(String)
    /// A member of a module of the package (`require('./core').start`, `const {steal} = require('./steal')`), by
    /// the module's relative specifier and the member's name; calling it is a `CodeEvent.callImported`.
    case localExport(String, String)
}

extension JavaScriptObject {
    /// Whether it is a capability worth keeping through `a || b`: require, eval, a module or one of its members.
    var isCapability: Bool {
        switch self {
        case .require, .dynamicImport, .eval, .functionConstructor, .globalGetter, .timer, .decoder, .module,
            .member:
            true
        case .unknown, .string, .number, .array, .method, .localFunction, .instance, .localModule, .localExport: false
        }
    }
}

/// What a value carries, whatever it refers to.
struct JavaScriptTaint: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// Data read from the network.
    static let network = JavaScriptTaint(rawValue: 1)
    /// Data read from the host: environment, os facts, files.
    static let hostData = JavaScriptTaint(rawValue: 2)
    /// A string computed by an operation (concatenation, template, join) rather than written out.
    static let folded = JavaScriptTaint(rawValue: 4)
    /// A string decoded from base64, hex, char codes or a reversal.
    static let decoded = JavaScriptTaint(rawValue: 8)
    /// A concatenation or template with a part that is not constant.
    static let dynamic = JavaScriptTaint(rawValue: 16)
    /// What a value passes on to what is derived from it: network and host data.
    static let carried = JavaScriptTaint(rawValue: 3)
    /// Marks of a string computed here (folded or decoded).
    static let computed = JavaScriptTaint(rawValue: 12)
    /// Marks of a DNS name built from data: host data or non-constant parts.
    static let built = JavaScriptTaint(rawValue: 18)
    /// Not a taint: marks a slot whose value is not computed yet (`JavaScriptCallContext`); no value carries it.
    static let pending = JavaScriptTaint(rawValue: 128)
}

/// An abstract value: what it refers to and what it carries.
struct JavaScriptValue: Hashable, Sendable {
    /// What it refers to.
    var object: JavaScriptObject
    /// What it carries.
    var taint: JavaScriptTaint = []

    /// Nothing known.
    static let unknown = JavaScriptValue(object: .unknown)

    /// The constant string, if the value is one.
    var string: String? {
        switch object {
        case .string(let text): text
        case .number(let number): Self.format(number)
        default: nil
        }
    }

    /// Formats a number as JavaScript prints it when concatenated (integers without a fraction).
    static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
