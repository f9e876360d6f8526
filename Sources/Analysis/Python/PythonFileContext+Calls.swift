import LockgateCore

/// Calls: resolution of the callee, folding of decoders and builtins, behaviours of library calls.
extension PythonFileContext {
    /// `callee(arguments)`.
    func call(_ callee: PythonEval, _ arguments: [PythonArgument]) -> PythonEval {
        var result = PythonEval(start: callee.start)
        result.absorb(callee)
        for argument in arguments { result.absorb(argument.eval) }
        result.tags.remove(.writeHandle)
        result.tags.remove(.built)
        switch callee.value {
        case .method(let receiver, let name):
            foldMethod(receiver, name, arguments, into: &result)
            return result
        case .ref(let qualified):
            return callReference(qualified, callee, arguments, result)
        default:
            return result
        }
    }

    /// A qualified name without its `()` parts (`socket.socket().connect` is `socket.socket.connect`).
    static func shape(of qualified: String) -> String {
        guard qualified.utf8.contains(0x28) else { return qualified }
        // Written straight into the new string's storage (the count kept is at most the capacity).
        return String(unsafeUninitializedCapacity: qualified.utf8.count) { buffer in
            var count = 0
            for byte in qualified.utf8 where byte != 0x28 && byte != 0x29 {
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }

    // MARK: - Private

    private func callReference(
        _ qualified: Int32, _ callee: PythonEval, _ arguments: [PythonArgument],
        _ base: consuming PythonEval
    ) -> PythonEval {
        var result = base
        let (info, resultValue) = callInfo(qualified)
        let shape = info.shape
        result.value = resultValue
        if !constantReturns.isEmpty, let returned = constantReturns[qualified], returned.value != .unknown {
            result.value = returned.value
            result.tags.formUnion(returned.tags)
            result.signalled.formUnion(returned.signalled)  // reported at the `return` already
        }
        if isSetupPy && info.isSetup { setupCommands(arguments) }
        if let name = info.localName {
            appendLocalCall(name)
            return result
        }
        if info.isFoldable && fold(shape, arguments, into: &result) { return result }
        if let path = info.importedPath { append(.callImported(path)) }
        if let (position, keyword) = info.runnerArgument,
            let function = arguments.value(at: position, keyword: keyword)?.value.refId
        {
            callGiven(function)
        }
        let kinds = info.kinds
        for kind in kinds { emit(kind, at: callee.start) }
        if kinds.contains(.spawnProcess) { spawnEffects(arguments, at: callee.start) }
        if kinds.contains(.evalCode) { evalEffects(arguments, at: callee.start) }
        if kinds.contains(.useNetwork), Self.isRemoteIPv4Address(arguments.value(at: 0, keyword: "address")?.value) {
            emit(.urlRawIP, at: callee.start)
        }
        // A service-discovery query (`resolve(name, 'SRV')`) names a service, not data.
        if kinds.contains(.dnsLookup), let name = arguments.value(at: 0, keyword: "qname"),
            name.tags.contains(.built),
            arguments.value(at: 1, keyword: "rdtype")?.value.text?.uppercased() != "SRV"
        {
            emit(.dnsExfiltration, at: callee.start)
        }
        if kinds.contains(.writeFile) { writeEffects(shape, callee, arguments, into: &result) }
        if kinds.contains(.reconHost) || kinds.contains(.readEnvironmentVariable) { result.tags.insert(.data) }
        if info.returnsNetworkData { result.tags.insert(.network) }
        if info.isEnvironmentDumper,
            arguments.contains(where: { refName($0.eval.value) == "os.environ" })
        {
            emit(.readEnvironmentAll, at: callee.start)
        }
        if info.isRegistryWrite {
            if arguments.contains(where: { mentionsRunKey($0.eval) }) { emit(.persistence, at: callee.start) }
        }
        if shape == "crontab.CronTab.new" { emit(.persistence, at: callee.start) }
        if info.isWriteMethod && callee.tags.contains(.writeHandle) {
            writtenCodeEffects(arguments, at: callee.start)
            let handle = keyTexts(callee).first { $0.hasPrefix("p:") }.map { String($0.dropFirst(2)) }
            if let handle, arguments.contains(where: { $0.eval.tags.contains(.network) }) {
                downloadedKeys.insert(handle)
            }
        }
        return result
    }

    /// A call of a function of this file (of its `__init__` when the name is a class's).
    private func appendLocalCall(_ name: String) {
        append(.callLocal(classNames.contains(name) ? name + ".__init__" : name))
    }

    /// A function given to a call that runs it (`Thread(target=f)`, `atexit.register(f)`): a call of it here, when
    /// it is a function of this file or of another module of the package.
    private func callGiven(_ function: Int32) {
        let (info, _) = callInfo(function)
        if let name = info.localName {
            appendLocalCall(name)
        } else if let path = info.importedPath {
            append(.callImported(path))
        }
    }

    /// `s.connect(('45.9.1.2', 443))`, `HTTPConnection('45.9.1.2')`: a network call's address is a bare remote IPv4
    /// (URLs are classified as strings already).
    static func isRemoteIPv4Address(_ value: PythonValue?) -> Bool {
        switch value {
        case .string(let text): URLSignals.isRemoteIPv4(text)
        case .list(let items): items.first.map { isRemoteIPv4Address($0) } ?? false
        default: false
        }
    }

    /// Folds builtins, decoders and special functions.
    /// - Returns: True when the call is fully handled.
    private func fold(_ shape: String, _ arguments: [PythonArgument], into result: inout PythonEval) -> Bool {
        let first = arguments.value(at: 0)
        switch shape {
        case "builtins.__import__", "importlib.import_module", "importlib.__import__":
            dynamicImport(shape, arguments, into: &result)
            return true
        case "builtins.getattr":
            guard let object = first, let name = arguments.value(at: 1)?.value.text else { return true }
            let callStart = result.start
            result = attribute(object, name, at: object.start)
            result.start = callStart
            return true
        case "builtins.globals", "builtins.locals":
            result.value = ref("$globals")
            return true
        case "builtins.vars":
            result.value = first?.value.refId.map(PythonValue.ref) ?? ref("$globals")
            return true
        case "builtins.chr":
            if case .int(let code)? = first?.value, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code)) {
                result.value = .string(String(Character(scalar)))
                result.tags.formUnion([.folded, .decoded])
            }
            return true
        case "builtins.reversed":
            if let value = first?.value {
                switch value {
                case .string(let text): result.value = .list(text.reversed().map { .string(String($0)) })
                case .list(let items): result.value = .list(items.reversed())
                default: break
                }
                result.tags.formUnion([.decoded])
            }
            return true
        case "builtins.map":
            if case .ref(let function)? = first?.value, names.text(function) == "builtins.chr",
                case .list(let items)? = arguments.value(at: 1)?.value
            {
                let characters = items.compactMap { item -> PythonValue? in
                    guard case .int(let code) = item, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code))
                    else { return nil }
                    return .string(String(Character(scalar)))
                }
                if characters.count == items.count { result.value = .list(characters) }
                result.tags.formUnion([.decoded])
            }
            return true
        case "builtins.list", "builtins.tuple":
            if case .list? = first?.value { result.value = first?.value ?? .unknown }
            if case .string(let text)? = first?.value { result.value = .list(text.map { .string(String($0)) }) }
            return false
        case "builtins.str":
            if case .string? = first?.value { result.value = first?.value ?? .unknown }
            return false
        case "builtins.bytes", "builtins.bytearray":
            foldBytes(arguments, into: &result)
            return true
        case "builtins.dict":
            let entries = arguments.filter { $0.keyword != nil }.map {
                PythonDictEntry(key: $0.keyword, value: $0.eval.value)
            }
            if !entries.isEmpty { result.value = .dict(entries) }
            return false
        case "os.path.expanduser":
            if let text = first?.value.text {
                if text == "~" || text == "~/" || text == "~\\" { emit(.reconHost, at: result.start) }
                result.value = .string(text)
                result.tags.insert(.data)
            }
            return true
        case "os.path.join", "posixpath.join", "ntpath.join":
            let texts = arguments.compactMap { $0.eval.value.text }
            if texts.count == arguments.count && !texts.isEmpty && charge(texts.reduce(0) { $0 + $1.utf8.count }) {
                result.value = .string(texts.joined(separator: "/"))
                result.tags.insert(.folded)
            }
            return true
        case "builtins.open", "io.open", "codecs.open", "os.open", "pathlib.Path.open", "builtins.file":
            openFile(shape, arguments, into: &result)
            return true
        case "tempfile.NamedTemporaryFile", "tempfile.TemporaryFile", "tempfile.SpooledTemporaryFile":
            openTemporaryFile(arguments, into: &result)
            return true
        case "sys.executable.replace":
            // The interpreter's path, not a file the code made: the `.exe` constants are not path keys.
            result.keys = PythonKeys()
            if arguments.value(at: 1)?.value.text?.lowercased().hasSuffix("w.exe") == true {
                result.tags.insert(.windowless)
            }
            return true
        case "os.chmod":
            if let path = first, let mode = arguments.value(at: 1, keyword: "mode"), isExecutableMode(mode),
                let key = pathKey(path)
            {
                executableKeys.insert(key)
            }
            return true
        default:
            return decode(shape, arguments, into: &result)
        }
    }

    private func dynamicImport(_ shape: String, _ arguments: [PythonArgument], into result: inout PythonEval) {
        guard let name = arguments.value(at: 0, keyword: "name")?.value.text, !name.isEmpty else { return }
        let module = PythonAPI.canonicalModule(name)
        recordImport(spec: name, module: name.hasPrefix(".") ? nil : module, at: result.start)
        let wantsModule = shape != "builtins.__import__" || arguments.value(at: 3, keyword: "fromlist") != nil
        result.value = ref(wantsModule ? module : String(module.split(separator: ".").first ?? ""))
    }

    private func foldBytes(_ arguments: [PythonArgument], into result: inout PythonEval) {
        guard let first = arguments.value(at: 0) else { return }
        switch first.value {
        case .list(let items):
            var bytes: [UInt8] = []
            for item in items {
                guard case .int(let number) = item, number >= 0 && number < 256 else { return }
                bytes.append(UInt8(number))
            }
            result.value = .bytes(PythonDecoding.latin1String(bytes))
            result.tags.formUnion([.folded, .decoded])
        case .string(let text):
            result.value = .bytes(PythonDecoding.latin1String(Array(text.utf8)))
            result.tags.insert(.folded)
        case .bytes:
            result.value = first.value
        default:
            break
        }
    }

    private func setupCommands(_ arguments: [PythonArgument]) {
        var targets: [String] = []
        if case .dict(let entries)? = arguments.value(at: 99, keyword: "cmdclass")?.value {
            for entry in entries {
                if let ref = refName(entry.value), ref.hasPrefix("$local.") {
                    targets.append(String(ref.dropFirst("$local.".count)) + ".run")
                }
            }
        }
        let installCommands: Set<String> = [
            "install", "develop", "egg_info", "build_py", "build_ext", "sdist", "bdist_egg", "bdist_wheel", "build",
            "install_lib", "install_scripts", "easy_install",
        ]
        for name in classBases.keys.sorted() where classBases[name]?.contains(where: installCommands.contains) == true {
            targets.append(name + ".run")
        }
        var seen = Set<String>()
        for target in targets where isDefinedFunction(target) && seen.insert(target).inserted {
            append(.callLocal(target))
        }
    }
}
