import LockgateCore

/// Which Python modules and functions mean which behaviours.
enum PythonAPI {
    /// The behaviours of importing a module (by its dotted name).
    static func importKinds(_ module: String) -> [BehaviourKind] {
        let root = rootModule(module)
        if module.hasPrefix("http.") || module == "http" || module.hasPrefix("xmlrpc") { return [.importNetworkModule] }
        if let kind = moduleKinds[root] { return [kind] }
        if isProtectorName(root) { return [.pythonProtector] }
        return []
    }

    /// The first component of a dotted module name, with `six.moves.` and Python 2 names mapped.
    static func rootModule(_ module: String) -> String {
        // The first non-empty dot-separated component (as `split(separator: ".").first`), without an array.
        let name = canonicalModule(module)
        let utf8 = name.utf8
        guard let start = utf8.firstIndex(where: { $0 != 0x2E }) else { return "" }
        let end = utf8[start...].firstIndex(of: 0x2E) ?? utf8.endIndex
        return String(name[start..<end])
    }

    /// A module name with aliases mapped (`six.moves.urllib` is `urllib`, `__builtin__` is `builtins`).
    static func canonicalModule(_ module: String) -> String {
        var name = module
        if name.hasPrefix("six.moves.") { name.removeFirst("six.moves.".count) }
        if name == "__builtin__" || name == "__builtins__" { return "builtins" }
        if name.hasPrefix("_winreg") { name = "winreg" + name.dropFirst("_winreg".count) }
        return name
    }

    /// Whether a name belongs to pyarmor's runtime.
    static func isProtectorName(_ name: String) -> Bool {
        name == "pytransform" || name == "__pyarmor__" || name.hasPrefix("pyarmor") || name == "PyArmor"
            || name.hasPrefix("__armor")
    }

    /// The first bytes a marker name (``markerNames``) or a protector name (``isProtectorName(_:)``: `p`, `P`, `_`)
    /// can start with: a name starting otherwise needs neither lookup.
    static let factInitials: Set<UInt8> = Set(markerNames.compactMap(\.utf8.first)).union([0x70, 0x50, 0x5F])

    /// The plain behaviours of calling a function, by call shape (qualified name without `()` parts).
    static func callKinds(_ shape: String) -> [BehaviourKind] {
        callKinds(shape, isNetworkCall: isNetworkCall)
    }

    /// The behaviour kinds of calling something (as `callKinds(_:)`), with `isNetworkCall` answered by the caller
    /// (who needs it again).
    /// - Parameters:
    ///   - shape: The call's shape.
    ///   - network: `isNetworkCall(shape)`, asked only when no exact entry or `os` prefix decides.
    /// - Returns: Its kinds.
    static func callKinds(_ shape: String, isNetworkCall network: (String) -> Bool) -> [BehaviourKind] {
        if let kinds = exactCalls[shape] { return kinds }
        if shape.hasPrefix("os.exec") || shape.hasPrefix("os.spawn") || shape.hasPrefix("os.popen") {
            return [.spawnProcess]
        }
        if network(shape) { return [.useNetwork] }
        return []
    }

    /// Whether `PythonCallCache.resolveUnbound` can find a bare name to be a builtin or a module (false means it is
    /// `.local`): an ASCII name whose length and first byte no builtin or module name has, that starts with none
    /// of the prefixes `importKinds` and `canonicalModule` read (`_`, `h`, `x`, `p`, `P`), and has no `.`.
    /// - Parameter name: A bare name.
    /// - Returns: False when it is surely neither.
    static func mayNameBuiltinOrModule(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard let first = utf8.first, utf8.count < 64 else { return true }
        switch first {
        case 0x5F, 0x68, 0x78, 0x70, 0x50: return true  // `_`, `h`, `x`, `p`, `P`
        default: break
        }
        if utf8.contains(where: { $0 >= 0x80 || $0 == 0x2E }) { return true }
        return builtinOrModuleStarts[utf8.count << 8 | Int(first)]
    }

    /// Whether a builtin name or a module of `moduleKinds` has this length (below 64) and first byte, at
    /// `count << 8 | first`.
    private static let builtinOrModuleStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 64 << 8)
        for name in builtinNames.union(moduleKinds.keys) {
            guard let first = name.utf8.first, name.utf8.count < 64 else { continue }
            table[name.utf8.count << 8 | Int(first)] = true
        }
        return table
    }()

    /// The first components (`os`, `requests`) of every shape `callKinds(_:)` can give kinds for: a shape with
    /// another first component has none.
    static let callRoots: Set<String> = {
        var roots = Set(exactCalls.keys.map(firstComponent))
        roots.formUnion(networkRoots.map(firstComponent))
        roots.insert("os")  // `os.exec*`, `os.spawn*`, `os.popen*`
        return roots
    }()

    /// The text before a shape's first `.` (the whole shape when it has none).
    /// - Parameter shape: A call shape or module name.
    /// - Returns: Its first component.
    static func firstComponent(_ shape: String) -> String {
        guard let dot = shape.utf8.firstIndex(of: 0x2E) else { return shape }
        return String(shape[..<dot])
    }

    /// Whether a call shape is a network request or connection.
    static func isNetworkCall(_ shape: String) -> Bool {
        guard let dot = shape.lastIndex(of: ".") else { return false }
        let verb = String(shape[shape.index(after: dot)...])
        guard networkVerbs.contains(verb) else { return false }
        let owner = shape[..<dot]
        return networkRoots.contains { owner == $0 || owner.hasPrefix($0 + ".") }
    }

    /// Whether a call starts a process.
    static func isSpawn(_ shape: String) -> Bool { callKinds(shape).contains(.spawnProcess) }

    /// Calls that serialise or copy what they are given (`dict(os.environ)` reads the whole environment).
    static let environmentDumpers: Set<String> = [
        "builtins.dict", "builtins.str", "builtins.repr", "builtins.list", "builtins.tuple", "builtins.sorted",
        "builtins.print", "json.dumps", "json.dump", "pickle.dumps", "builtins.set", "builtins.format",
    ]

    /// Attribute names remembered on values (`n:` keys): flags that hide or detach a process, and chmod's
    /// executable bits.
    static let markerNames: Set<String> = [
        "CREATE_NO_WINDOW", "DETACHED_PROCESS", "SW_HIDE", "STARTF_USESHOWWINDOW", "CREATE_BREAKAWAY_FROM_JOB",
        "S_IEXEC", "S_IXUSR", "S_IXGRP", "S_IXOTH", "S_IRWXU",
    ]

    /// Names Python resolves without an import.
    static let builtinNames: Set<String> = [
        "eval", "exec", "compile", "execfile", "open", "__import__", "getattr", "setattr", "globals", "locals",
        "vars", "chr", "ord", "bytes", "bytearray", "str", "dict", "list", "tuple", "repr", "print", "input",
        "map", "reversed", "sorted", "len", "int", "type", "iter", "next", "range", "zip", "enumerate", "filter",
        "format", "hex", "set", "frozenset", "super", "memoryview", "reload", "unicode", "file", "hasattr",
    ]

    // MARK: - Private

    private static let processModules: Set<String> = ["subprocess", "pty", "commands", "pexpect", "popen2"]
    private static let osModules: Set<String> = ["os", "platform", "getpass", "pwd", "psutil", "winreg", "nt", "posix"]
    private static let fileSystemModules: Set<String> = ["shutil", "pathlib", "glob", "io", "fileinput"]
    private static let networkModules: Set<String> = [
        "socket", "requests", "urllib", "urllib2", "urllib3", "httplib", "httpx", "aiohttp", "ftplib", "smtplib",
        "paramiko", "telnetlib", "websocket", "websockets", "dns", "pycurl", "xmlrpclib", "discord_webhook",
    ]
    private static let encodingModules: Set<String> = [
        "base64", "codecs", "binascii", "zlib", "marshal", "lzma", "bz2",
    ]

    /// The kind of each module of the sets above (one hash per lookup; the sets share no name, and the first set
    /// listed would win if they did).
    private static let moduleKinds: [String: BehaviourKind] = {
        var kinds: [String: BehaviourKind] = [:]
        let families: [(Set<String>, BehaviourKind)] = [
            (processModules, .importProcessModule), (osModules, .importOSModule),
            (fileSystemModules, .importFileSystemModule), (networkModules, .importNetworkModule),
            (encodingModules, .importEncodingModule),
        ]
        for (modules, kind) in families {
            for module in modules where kinds[module] == nil { kinds[module] = kind }
        }
        return kinds
    }()

    private static let networkRoots = [
        "requests", "httpx", "aiohttp", "urllib", "urllib2", "urllib3", "http.client", "httplib", "socket",
        "smtplib", "ftplib", "paramiko", "telnetlib", "websocket", "websockets", "pycurl", "xmlrpc.client",
        "xmlrpclib", "discord_webhook",
    ]
    private static let networkVerbs: Set<String> = [
        "get", "post", "put", "patch", "delete", "head", "options", "request", "urlopen", "urlretrieve", "Request",
        "connect", "connect_ex", "create_connection", "send", "sendall", "sendto", "sendmail", "send_message",
        "storbinary", "storlines", "retrbinary", "retrlines", "FTP", "FTP_TLS", "SMTP", "SMTP_SSL", "Telnet",
        "stream", "exec_command", "WebSocketApp", "perform", "recv", "recvfrom", "execute", "ServerProxy",
    ]

    private static let exactCalls: [String: [BehaviourKind]] = {
        var table: [String: [BehaviourKind]] = [:]
        let spawn = [
            "os.system", "os.startfile", "os.posix_spawn", "os.posix_spawnp", "subprocess.Popen", "subprocess.call",
            "subprocess.check_call", "subprocess.check_output", "subprocess.run", "subprocess.getoutput",
            "subprocess.getstatusoutput", "pty.spawn", "commands.getoutput", "commands.getstatusoutput",
            "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell", "pexpect.spawn", "pexpect.run",
            "popen2.popen2", "popen2.popen3",
        ]
        for name in spawn { table[name] = [.spawnProcess] }
        for name in ["builtins.eval", "builtins.exec", "builtins.compile", "builtins.execfile"] {
            table[name] = [.evalCode]
        }
        let recon = [
            "platform.node", "platform.system", "platform.uname", "platform.machine", "platform.platform",
            "platform.processor", "platform.version", "platform.release", "platform.architecture", "platform.mac_ver",
            "platform.win32_ver", "platform.freedesktop_os_release", "getpass.getuser", "os.getlogin",
            "socket.gethostname", "socket.getfqdn", "os.uname", "os.getcwd", "os.getcwdb", "uuid.getnode",
            "pwd.getpwuid", "psutil.users", "psutil.net_if_addrs", "netifaces.interfaces", "netifaces.ifaddresses",
            "socket.if_nameindex", "pathlib.Path.home", "pathlib.Path.cwd",
        ]
        for name in recon { table[name] = [.reconHost] }
        let system = [
            "os.getpid", "os.getppid", "os.getuid", "os.geteuid", "os.getgid", "os.getgroups", "os.kill", "os.killpg",
            "os.cpu_count", "os.fork", "os.setsid", "os.umask", "platform.python_version", "os.get_terminal_size",
            "ctypes.windll.kernel32.GetConsoleWindow", "ctypes.windll.user32.ShowWindow",
        ]
        for name in system { table[name] = [.useOSModule] }
        for name in ["os.getenv", "os.getenvb", "os.environ.get", "os.environb.get", "os.environ.__getitem__"] {
            table[name] = [.readEnvironmentVariable]
        }
        for name in ["os.environ.items", "os.environ.keys", "os.environ.values", "os.environ.copy"] {
            table[name] = [.readEnvironmentAll]
        }
        let reads = [
            "pathlib.Path.read_text", "pathlib.Path.read_bytes", "os.listdir", "os.walk", "os.scandir", "glob.glob",
            "glob.iglob", "pathlib.Path.glob", "pathlib.Path.rglob", "pathlib.Path.iterdir", "fileinput.input",
        ]
        for name in reads { table[name] = [.readFile] }
        let writes = [
            "pathlib.Path.write_text", "pathlib.Path.write_bytes", "shutil.copy", "shutil.copy2", "shutil.copyfile",
            "shutil.copytree", "shutil.move", "shutil.copyfileobj", "os.rename", "os.replace", "os.remove",
            "os.unlink", "shutil.rmtree", "os.rmdir", "os.removedirs", "os.symlink", "os.link", "os.write",
        ]
        for name in writes { table[name] = [.writeFile] }
        let dns = [
            "socket.gethostbyname", "socket.gethostbyname_ex", "socket.getaddrinfo", "socket.gethostbyaddr",
            "dns.resolver.resolve", "dns.resolver.query", "dns.resolver.Resolver.resolve",
            "dns.resolver.Resolver.query", "aiodns.DNSResolver.query",
        ]
        for name in dns { table[name] = [.dnsLookup] }
        let encoding = [
            "base64.b64decode", "base64.b64encode", "base64.b32decode", "base64.b32encode", "base64.b16decode",
            "base64.b16encode", "base64.b85decode", "base64.a85decode", "base64.urlsafe_b64decode",
            "base64.urlsafe_b64encode", "base64.standard_b64decode", "base64.decodebytes", "base64.encodebytes",
            "base64.decodestring", "base64.encodestring", "builtins.bytes.fromhex", "builtins.bytearray.fromhex",
            "codecs.decode", "codecs.encode", "binascii.unhexlify", "binascii.hexlify", "binascii.a2b_hex",
            "binascii.b2a_hex", "binascii.a2b_base64", "binascii.b2a_base64", "zlib.decompress", "zlib.compress",
            "marshal.loads", "marshal.dumps", "lzma.decompress", "bz2.decompress",
        ]
        for name in encoding { table[name] = [.useEncoding] }
        table["urllib.request.urlretrieve"] = [.useNetwork, .writeFile]
        table["urllib.urlretrieve"] = [.useNetwork, .writeFile]
        return table
    }()
}
