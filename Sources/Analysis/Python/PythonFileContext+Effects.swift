import LockgateCore

/// Decoders, constant methods, and what calls do to files and processes (download/write then execute).
extension PythonFileContext {
    /// Folds a decoder call's constant argument (the call's own behaviours are emitted by the caller).
    /// - Returns: Always false: the call's table behaviours still apply.
    func decode(_ shape: String, _ arguments: [PythonArgument], into result: inout PythonEval) -> Bool {
        let text = arguments.value(at: 0)?.value.text
        var bytes: [UInt8]?
        switch shape {
        case "base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode", "base64.decodebytes",
            "base64.decodestring", "binascii.a2b_base64":
            bytes = text.flatMap(PythonDecoding.base64)
        case "base64.b16decode", "binascii.unhexlify", "binascii.a2b_hex", "builtins.bytes.fromhex",
            "builtins.bytearray.fromhex":
            bytes = text.flatMap(PythonDecoding.hex)
        case "codecs.decode", "codecs.encode":
            let codec = (arguments.value(at: 1, keyword: "encoding")?.value.text ?? "utf-8").lowercased()
            if let text { decodeCodec(codec, text, into: &result) }
        case "zlib.decompress", "gzip.decompress":
            result.tags.insert(.unpacked)
            let packed = arguments.value(at: 0)?.value
            if case .bytes(let latin1)? = packed, let raw = PythonDecoding.latin1Bytes(latin1) {
                bytes = Inflate.zlib(raw, cap: min(1 << 20, max(0, foldBudget)))
            }
        case "marshal.loads", "lzma.decompress", "bz2.decompress":
            result.tags.insert(.unpacked)
        default:
            break
        }
        if let bytes, charge(bytes.count) {
            result.value = .bytes(PythonDecoding.latin1String(bytes))
            result.tags.formUnion([.folded, .decoded])
        }
        return false
    }

    /// Folds a method of a constant (`''.join`, `.decode()`, `.replace`, `.format`, ...).
    func foldMethod(
        _ receiver: PythonValue, _ name: String, _ arguments: [PythonArgument],
        into result: inout PythonEval
    ) {
        let first = arguments.value(at: 0)
        switch (receiver, name) {
        case (.string(let separator), "join"), (.bytes(let separator), "join"):
            let items: [PythonValue]
            switch first?.value {
            case .list(let values)?: items = values
            case .string(let text)?: items = text.map { .string(String($0)) }
            default:
                if !separator.isEmpty { result.tags.insert(.built) }
                return
            }
            let texts = items.compactMap(\.text)
            guard texts.count == items.count else {
                if !texts.isEmpty || !separator.isEmpty { result.tags.insert(.built) }
                return
            }
            let joined = texts.joined(separator: separator)
            guard charge(joined.utf8.count) else { return }
            if case .bytes = receiver { result.value = .bytes(joined) } else { result.value = .string(joined) }
            result.tags.insert(.folded)
        case (.bytes(let text), "decode"), (.string(let text), "decode"):
            let codec = (first?.value.text ?? "utf-8").lowercased()
            if ["utf-8", "utf8", "ascii", "latin-1", "latin1", "iso-8859-1", "utf_8"].contains(codec) {
                if case .bytes = receiver, let raw = PythonDecoding.latin1Bytes(text) {
                    result.value = .string(String(decoding: raw, as: UTF8.self))
                } else {
                    result.value = .string(text)
                }
                result.tags.insert(.folded)
            } else {
                decodeCodec(codec, text, into: &result)
            }
        case (.string(let text), "encode"):
            let codec = (first?.value.text ?? "utf-8").lowercased()
            if codec.hasPrefix("rot") {
                decodeCodec(codec, text, into: &result)
            } else {
                result.value = .bytes(PythonDecoding.latin1String(Array(text.utf8)))
                result.tags.insert(.folded)
            }
        case (.string(let text), "replace"):
            if let old = first?.value.text, let new = arguments.value(at: 1)?.value.text, !old.isEmpty,
                charge(text.utf8.count)
            {
                result.value = .string(text.replacingOccurrences(of: old, with: new))
                result.tags.insert(.folded)
            }
        case (.string(let template), "format"):
            let texts = arguments.compactMap { PythonFileContext.constantText($0.eval.value) }
            if texts.count == arguments.count, let formatted = PythonDecoding.braceFormat(template, texts),
                charge(formatted.utf8.count)
            {
                result.value = .string(formatted)
                result.tags.insert(.folded)
            } else {
                result.tags.insert(.built)
            }
        case (.string(let text), "lower"): result.value = .string(text.lowercased())
        case (.string(let text), "upper"): result.value = .string(text.uppercased())
        case (.string(let text), "strip") where arguments.isEmpty:
            result.value = .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
        default:
            break
        }
    }

    /// Opens a file: reading or writing by its mode.
    func openFile(_ shape: String, _ arguments: [PythonArgument], into result: inout PythonEval) {
        let isPathMethod = shape == "pathlib.Path.open"
        let modeEval = arguments.value(at: isPathMethod ? 0 : 1, keyword: shape == "os.open" ? "flags" : "mode")
        var isWrite = false
        if let mode = modeEval?.value.text {
            isWrite = mode.contains { "wax+".contains($0) }
        } else if shape == "os.open", let flags = modeEval {
            isWrite =
                refName(flags.value).map { ["WRONLY", "RDWR", "CREAT", "APPEND"].contains(where: $0.contains) }
                ?? false
        }
        emit(isWrite ? .writeFile : .readFile, at: result.start)
        let pathEval = isPathMethod ? result : (arguments.value(at: 0, keyword: "file") ?? result)
        if let key = pathKey(pathEval) {
            result.keys.prepend(keyTable.intern("p:" + key))
            if isWrite { writtenKeys.insert(key) }
        }
        if isWrite {
            result.tags.insert(.writeHandle)
            if let text = pathEval.value.text, signalKinds(text).contains(.persistence) {
                emit(.persistence, at: result.start)
            }
        } else {
            result.tags.insert(.data)
        }
    }

    /// Opens a temporary file (`NamedTemporaryFile`, `TemporaryFile`, `SpooledTemporaryFile`), which is open for
    /// writing unless its mode says otherwise. The file has no path in the source, so it is known by the call's
    /// position: its `.name` then carries the key, and a process run on that name is a write-then-execute.
    func openTemporaryFile(_ arguments: [PythonArgument], into result: inout PythonEval) {
        if let mode = arguments.value(at: 0, keyword: "mode")?.value.text,
            !mode.contains(where: { "wax+".contains($0) })
        {
            emit(.readFile, at: result.start)
            return
        }
        emit(.writeFile, at: result.start)
        let key = "t:\(result.start)"
        result.keys.prepend(keyTable.intern("p:" + key))
        writtenKeys.insert(key)
        result.tags.insert(.writeHandle)
    }

    /// Behaviours of a call that writes files: records written and downloaded paths.
    func writeEffects(
        _ shape: String, _ callee: PythonEval, _ arguments: [PythonArgument],
        into result: inout PythonEval
    ) {
        let isPathMethod = shape.hasPrefix("pathlib.Path.")
        let destination =
            isPathMethod
            ? callee
            : arguments.value(
                at: 1,
                keyword: shape.hasSuffix("urlretrieve")
                    ? "filename" : "dst")
        guard let destination else {
            if shape.hasSuffix("urlretrieve") { result.tags.insert(.downloaded) }
            return
        }
        let key = pathKey(destination)
        let source = arguments.value(at: 0)
        if shape == "pathlib.Path.write_text" { writtenCodeEffects(arguments, at: callee.start) }
        let fromNetwork =
            shape.hasSuffix("urlretrieve") || (isPathMethod && source?.tags.contains(.network) == true)
            || (source.map { matches($0, downloadedKeys) } ?? false)
        if let key {
            if fromNetwork { downloadedKeys.insert(key) } else { writtenKeys.insert(key) }
        }
        if fromNetwork { result.tags.insert(.downloaded) }
        if let text = destination.value.text, signalKinds(text).contains(.persistence) {
            emit(.persistence, at: callee.start)
        }
    }

    /// Hidden-process flags, shell lines given as lists, and download/write-then-execute for a process start.
    func spawnEffects(_ arguments: [PythonArgument], at index: Int) {
        var hidden = false
        if let flags = arguments.value(at: 99, keyword: "creationflags") {
            let keys = keyTexts(flags)
            if keys.contains("n:CREATE_NO_WINDOW") || keys.contains("n:DETACHED_PROCESS") { hidden = true }
            if case .int(let value) = flags.value, value & 0x0800_0008 != 0 { hidden = true }
        }
        if case .bool(true)? = arguments.value(at: 99, keyword: "start_new_session")?.value { hidden = true }
        if let preexec = arguments.value(at: 99, keyword: "preexec_fn"), refName(preexec.value) == "os.setsid" {
            hidden = true
        }
        if let startup = arguments.value(at: 99, keyword: "startupinfo"), keyTexts(startup).contains("n:SW_HIDE") {
            hidden = true
        }
        if arguments.contains(where: { $0.eval.tags.contains(.windowless) }) { hidden = true }
        for argument in arguments {
            let (texts, complete) = Self.commandWords(argument.eval.value)
            if case .list = argument.eval.value {
                if complete && texts.count > 1 {
                    var joined = PythonEval(.string(texts.joined(separator: " ")), start: argument.eval.start)
                    joined.tags = [.folded]
                    joined.signalled = argument.eval.signalled
                    signal(&joined)
                }
            }
            let lower = texts.joined(separator: " ").lowercased()
            if ["pythonw", "nohup", "-windowstyle hidden", "-w hidden", "start /b", "-windowstyle h"].contains(
                where: lower.contains)
            {
                hidden = true
            }
        }
        if hidden { emit(.hiddenProcess, at: index) }
        commandEffects(arguments, at: index)
        executeEffects(arguments, at: index)
    }

    /// What the command line of a process call does, when it is a constant (a string or a list of strings):
    /// `os.popen('env')` dumps the environment, `subprocess.run(['dig', name])` looks a name up. A command
    /// decoded at run time shows its text as the snippet.
    private func commandEffects(_ arguments: [PythonArgument], at index: Int) {
        guard let command = arguments.value(at: 0, keyword: "args") else { return }
        let (words, complete) = Self.commandWords(command.value)
        guard complete, !words.isEmpty else { return }
        let text = words.joined(separator: " ")
        let shown = command.tags.contains(.decoded) ? text : nil
        for kind in CommandKinds.kinds(of: text, context: file.context) { emit(kind, at: index, decoded: shown) }
    }

    /// The constant words of a process call's argument: a string's text, or the texts among a list's items, and
    /// whether that is all of it (every item is text; false for any other value).
    static func commandWords(_ value: PythonValue) -> (texts: [String], complete: Bool) {
        switch value {
        case .string(let text), .bytes(let text): return ([text], true)
        case .list(let items):
            let texts = items.compactMap(\.text)
            return (texts, texts.count == items.count)
        default: return ([], false)
        }
    }

    /// eval/exec: protector chains and download/write-then-execute.
    func evalEffects(_ arguments: [PythonArgument], at index: Int) {
        if arguments.contains(where: { $0.eval.tags.contains(.unpacked) }) { emitProtector(at: index) }
        executeEffects(arguments, at: index)
        executedCodeEffects(arguments, at: index)
    }

    /// The key a path value is known by: its base name when constant, else the variable it came from.
    func pathKey(_ eval: PythonEval) -> String? {
        if let text = eval.value.text, !text.isEmpty { return "c:" + PythonFileContext.baseName(text) }
        let keys = keyTexts(eval)
        if let key = keys.first(where: { $0.hasPrefix("p:") }) { return String(key.dropFirst(2)) }
        if let key = keys.last(where: { $0.hasPrefix("c:") }) {
            return "c:" + PythonFileContext.baseName(String(key.dropFirst(2)))
        }
        return keys.first { $0.hasPrefix("v:") }
    }

    /// Whether a value refers to one of the recorded paths.
    func matches(_ eval: PythonEval, _ recorded: Set<String>) -> Bool {
        guard !recorded.isEmpty else { return false }
        for key in keyTexts(eval) {
            if key.hasPrefix("p:") && recorded.contains(String(key.dropFirst(2))) { return true }
            if key.hasPrefix("v:") && recorded.contains(key) { return true }
            if key.hasPrefix("c:") {
                let text = key.dropFirst(2)
                for item in recorded where item.hasPrefix("c:") && item.count >= 4 && text.contains(item.dropFirst(2)) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether a chmod mode makes a file executable.
    func isExecutableMode(_ mode: PythonEval) -> Bool {
        if case .int(let value) = mode.value { return value & 0o111 != 0 }
        let executable = ["n:S_IEXEC", "n:S_IXUSR", "n:S_IXGRP", "n:S_IXOTH", "n:S_IRWXU"]
        return keyTexts(mode).contains { executable.contains($0) }
    }

    /// Whether a value names a Windows Run key.
    func mentionsRunKey(_ eval: PythonEval) -> Bool {
        let texts = (eval.value.text.map { [$0] } ?? []) + keyTexts(eval).filter { $0.hasPrefix("c:") }
        return texts.contains { text in
            let lower = text.lowercased()
            return lower.contains("currentversion\\run") || lower.contains("currentversion/run")
        }
    }

    // MARK: - Private

    private func executeEffects(_ arguments: [PythonArgument], at index: Int) {
        let evals = arguments.map(\.eval)
        if evals.contains(where: { !$0.tags.isDisjoint(with: [.network, .downloaded]) || matches($0, downloadedKeys) })
        {
            emit(.downloadExecute, at: index)
        } else if evals.contains(where: { matches($0, writtenKeys) || matches($0, executableKeys) }) {
            emit(.writeExecute, at: index)
        }
    }

    private func decodeCodec(_ codec: String, _ text: String, into result: inout PythonEval) {
        var value: PythonValue?
        switch codec {
        case "rot13", "rot_13", "rot-13": value = .string(PythonDecoding.rot13(text))
        case "hex", "hex_codec", "hex-codec":
            value = PythonDecoding.hex(text).map { .bytes(PythonDecoding.latin1String($0)) }
        case "base64", "base64_codec", "base_64", "base64-codec":
            value = PythonDecoding.base64(text).map { .bytes(PythonDecoding.latin1String($0)) }
        default: break
        }
        if let value, charge(text.utf8.count) {
            result.value = value
            result.tags.formUnion([.folded, .decoded])
        }
    }

    private static func baseName(_ path: String) -> String {
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return parts.last.map(String.init) ?? path
    }
}
