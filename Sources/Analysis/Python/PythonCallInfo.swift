import LockgateCore
import Synchronization

/// What calling a qualified name means, worked out once per distinct name in a file (calls of the same library
/// function repeat, and each answer takes several string tests).
///
/// A class of constants: the file's table, the shared cache and each call hold one reference instead of copying
/// (and reference counting) every string of the answer.
final class PythonCallInfo: Sendable {
    /// The call shape: the qualified name without its `()` parts.
    let shape: String
    /// The qualified name of the call's result (`qualified + "()"`, or nil when too long: unknown).
    let resultName: String?
    /// `setup()` of setuptools or distutils (or a local `setup`).
    let isSetup: Bool
    /// The local function called (`$local.` dropped), for names of this file. The fields after this one are
    /// only worked out for other names (a call of a local function has no library meaning).
    let localName: String?
    /// Whether `fold` has a case for the shape (else it does nothing and returns false).
    let isFoldable: Bool
    /// `PythonAPI.callKinds(shape)`.
    let kinds: [BehaviourKind]
    /// Whether the result comes from the network: a network call (`PythonAPI.isNetworkCall`), `.recv` or
    /// `.recvfrom`.
    let returnsNetworkData: Bool
    /// Whether the shape is one of `PythonAPI.environmentDumpers`.
    let isEnvironmentDumper: Bool
    /// A `winreg` call that sets a value or creates a key.
    let isRegistryWrite: Bool
    /// `.write` or `.writelines` of something.
    let isWriteMethod: Bool
    /// The dotted path of a call the sequence builder may resolve to a function of another module of the package.
    ///
    /// An import spec with the member called (`._core.Engine`, `pkg.util.run`): a member of a relative import, or
    /// of a module neither a table here nor the standard library names. Nil for library calls and local names.
    let importedPath: String?
    /// For a call that runs a function it is given (`PythonAPI.functionRunners`), that argument's position and
    /// keyword.
    let runnerArgument: (position: Int, keyword: String)?

    /// Works out what calling `qualified` means.
    /// - Parameter qualified: The qualified name called (`socket.socket().connect`).
    init(qualified: String) {
        let shape = PythonFileContext.shape(of: qualified)
        self.shape = shape
        // As `PythonFileContext.extended(qualified, "", "()")`, without the intermediate `qualified + ""`.
        resultName = qualified.utf8.count + 2 < PythonFileContext.maxQualifiedLength ? qualified + "()" : nil
        isSetup =
            shape == "$local.setup"
            || shape.hasSuffix(".setup") && (shape.hasPrefix("setuptools") || shape.hasPrefix("distutils"))
        localName = shape.hasPrefix("$local.") ? String(shape.dropFirst("$local.".count)) : nil
        runnerArgument = PythonAPI.functionRunners[shape]
        guard localName == nil else {
            (isFoldable, kinds, returnsNetworkData, isEnvironmentDumper) = (false, [], false, false)
            (isRegistryWrite, isWriteMethod, importedPath) = (false, false, nil)
            return
        }
        isWriteMethod = shape.hasSuffix(".write") || shape.hasSuffix(".writelines")
        // A shape whose first component no table names (the calls of a package's own modules) needs no lookup.
        guard Self.knownRoots.contains(PythonAPI.firstComponent(shape)) else {
            (isFoldable, kinds, isEnvironmentDumper, isRegistryWrite) = (false, [], false, false)
            returnsNetworkData = shape.hasSuffix(".recv") || shape.hasSuffix(".recvfrom")
            if shape.hasPrefix("$rel.") {
                importedPath = String(shape.dropFirst("$rel.".count))
            } else {
                let isCandidate =
                    shape.utf8.first != 0x24 && shape.utf8.contains(0x2E)
                    && !PythonAPI.standardModules.contains(PythonAPI.firstComponent(shape))
                importedPath = isCandidate ? shape : nil
            }
            return
        }
        importedPath = nil
        isFoldable = Self.foldedShapes.contains(shape)
        // `isNetworkCall` is worked out at most once for both (`returnsNetworkData` starts with it).
        var network: Bool?
        func isNetworkCall(_ shape: String) -> Bool {
            if let network { return network }
            let answer = PythonAPI.isNetworkCall(shape)
            network = answer
            return answer
        }
        kinds = PythonAPI.callKinds(shape, isNetworkCall: isNetworkCall)
        returnsNetworkData = isNetworkCall(shape) || shape.hasSuffix(".recv") || shape.hasSuffix(".recvfrom")
        isEnvironmentDumper = PythonAPI.environmentDumpers.contains(shape)
        isRegistryWrite =
            shape.hasPrefix("winreg.")
            && ["SetValueEx", "SetValue", "CreateKey", "CreateKeyEx"].contains(
                String(shape.split(separator: ".").last ?? ""))
    }

    // MARK: - Private

    /// The first components of every shape a table here or in `PythonAPI` names, and `winreg`.
    private static let knownRoots: Set<String> = PythonAPI.callRoots
        .union(foldedShapes.map(PythonAPI.firstComponent))
        .union(PythonAPI.environmentDumpers.map(PythonAPI.firstComponent))
        .union(["winreg"])

    /// Every shape `PythonFileContext.fold` or `decode` has a case for.
    private static let foldedShapes: Set<String> = [
        "builtins.__import__", "importlib.import_module", "importlib.__import__", "builtins.getattr",
        "builtins.globals", "builtins.locals", "builtins.vars", "builtins.chr", "builtins.reversed", "builtins.map",
        "builtins.list", "builtins.tuple", "builtins.str", "builtins.bytes", "builtins.bytearray", "builtins.dict",
        "os.path.expanduser", "os.path.join", "posixpath.join", "ntpath.join", "builtins.open", "io.open",
        "codecs.open", "os.open", "pathlib.Path.open", "builtins.file", "os.chmod", "tempfile.NamedTemporaryFile",
        "tempfile.TemporaryFile", "tempfile.SpooledTemporaryFile", "sys.executable.replace",
        // decode
        "base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode", "base64.decodebytes",
        "base64.decodestring", "binascii.a2b_base64", "base64.b16decode", "binascii.unhexlify", "binascii.a2b_hex",
        "builtins.bytes.fromhex", "builtins.bytearray.fromhex", "codecs.decode", "codecs.encode", "zlib.decompress",
        "marshal.loads", "lzma.decompress", "bz2.decompress", "gzip.decompress",
    ]
}

/// Call meanings shared by every file one analyser reads (library calls repeat across files and packages).
/// Safe to share: all access goes through the `Mutex`.
final class PythonCallCache: Sendable {
    /// The most names kept; the cache starts over when it is full.
    static let capacity = 20_000

    /// Creates an empty cache.
    init() {}

    /// What calling `qualified` means, worked out once.
    /// - Parameter qualified: The qualified name called.
    /// - Returns: Its meaning.
    func info(_ qualified: String) -> PythonCallInfo {
        if let known = entries.withLock({ $0[qualified] }) { return known }
        let info = PythonCallInfo(qualified: qualified)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[qualified] = info
        }
        return info
    }

    /// What a bare name bound nowhere in its file refers to when no star import provides it: a builtin
    /// (`builtins.NAME`), a well-known module used without a visible import (`NAME`), or a name of the file
    /// (`$local.NAME`), worked out once.
    /// - Parameter name: The bare name (not `__builtins__`).
    /// - Returns: Which of the three it is.
    func unbound(_ name: String) -> Unbound {
        // Most names of a package's own functions and classes cannot be a builtin or a module: no lookup.
        guard PythonAPI.mayNameBuiltinOrModule(name) else { return .local }
        if let known = unboundEntries.withLock({ $0[name] }) { return known }
        let value = Self.resolveUnbound(name)
        unboundEntries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[name] = value
        }
        return value
    }

    /// What a bare unbound name refers to (as `unbound(_:)`), without the cache.
    /// - Parameter name: The bare name.
    /// - Returns: Which kind of name it is.
    static func resolveUnbound(_ name: String) -> Unbound {
        if PythonAPI.builtinNames.contains(name) { return .builtin }
        if !PythonAPI.importKinds(name).isEmpty { return .module }
        return .local
    }

    /// What a bare unbound name refers to: its reference is `builtins.NAME`, `NAME` or `$local.NAME`.
    enum Unbound: Sendable {
        case builtin, module, local
    }

    // MARK: - Private

    private let entries = Mutex<[String: PythonCallInfo]>([:])
    private let unboundEntries = Mutex<[String: Unbound]>([:])
}
