import LockgateCore

/// Calls of module members: processes, os facts, files, network, DNS, decoding and `vm`.
extension JavaScriptWalker {
    /// A call of `module.member(...)`.
    mutating func memberCall(
        _ module: JavaScriptModule, _ member: String, _ context: inout JavaScriptCallContext
    ) -> JavaScriptValue {
        let call = context.call, emit = context.emit
        switch module {
        case .childProcess, .processLibrary:
            if member == "unref" {
                if emit { record(.hiddenProcess, at: call.nameToken) }
                return .unknown
            }
            guard JavaScriptCatalog.spawnMembers.contains(member) else {
                return JavaScriptValue(object: .module(module))
            }
            if emit { spawn(&context) }
            return JavaScriptValue(object: .module(.childProcess))
        case .os:
            if emit {
                record(JavaScriptCatalog.reconMembers.contains(member) ? .reconHost : .useOSModule, at: call.nameToken)
            }
            return JavaScriptValue(object: .unknown, taint: .hostData)
        case .fs:
            return fileCall(member, &context)
        case .network, .xhr:
            let requests = JavaScriptCatalog.networkMembers.contains(member)
            guard requests else {
                return JavaScriptValue(object: .module(module), taint: call.callee.taint.intersection(.network))
            }
            if emit {
                record(.useNetwork, at: call.nameToken)
                networkRegions.append(call.close)
                rawAddressArgument(&context)
            }
            return JavaScriptValue(object: .module(module), taint: .network)
        case .dns:
            if member == "Resolver" { return JavaScriptValue(object: .module(.dns)) }
            if emit && JavaScriptCatalog.dnsMembers.contains(member) {
                record(.dnsLookup, at: call.nameToken)
                let name = value(0, &context)
                // Service discovery (`resolveSrv`, `resolve(name, 'SRV')`) and reverse lookups name a service or
                // an address, not data.
                let isService =
                    JavaScriptCatalog.dnsServiceMembers.contains(member)
                    || (context.arguments.count > 1 && value(1, &context).string?.uppercased() == "SRV")
                if !isService && !name.taint.isDisjoint(with: JavaScriptTaint.built) {
                    record(.dnsExfiltration, at: call.nameToken)
                }
            }
            return .unknown
        case .zlib:
            if emit && JavaScriptCatalog.zlibDecodeMembers.contains(member) { record(.useEncoding, at: call.nameToken) }
            return .unknown
        case .buffer:
            return member == "from" ? bufferFrom(&context) : .unknown
        case .crypto:
            if emit && JavaScriptCatalog.decryptMembers.contains(member) { record(.useEncoding, at: call.nameToken) }
            return .unknown
        case .vm:
            if emit && JavaScriptCatalog.vmMembers.contains(member) { evalLike(&context) }
            return .unknown
        case .builtin(.string):
            guard member == "fromCharCode" || member == "fromCodePoint" else { return .unknown }
            var codes: [Double] = []
            for position in context.arguments.indices.prefix(100_000) {
                guard case .number(let code) = value(position, &context).object else { return .unknown }
                codes.append(code)
            }
            guard let text = JavaScriptDecoding.characters(codes) else { return .unknown }
            let result = JavaScriptValue(object: .string(text), taint: .decoded)
            if emit { recordDecode(result, at: call.nameToken, always: false) }
            return result
        case .builtin:
            guard JavaScriptCatalog.dumpMembers.contains(member), !context.arguments.isEmpty else { return .unknown }
            return JavaScriptValue(
                object: .unknown, taint: value(0, &context).taint.intersection(JavaScriptTaint.carried))
        case .nodeModule:
            return member.hasPrefix("createRequire") ? JavaScriptValue(object: .require) : .unknown
        case .process, .global, .env:
            return .unknown
        }
    }

    /// `net.connect(443, '45.9.1.2')`: a bare remote IPv4 address among a network call's first arguments (URLs
    /// are classified as strings already).
    private mutating func rawAddressArgument(_ context: inout JavaScriptCallContext) {
        for position in context.arguments.indices.prefix(3) {
            if case .string(let text) = value(position, &context).object, URLSignals.isRemoteIPv4(text) {
                record(.urlRawIP, at: context.call.nameToken)
                return
            }
        }
    }

    /// A call of a module object itself (`axios(...)`, `execa(...)`, `new XMLHttpRequest()`).
    mutating func moduleCall(_ module: JavaScriptModule, _ context: inout JavaScriptCallContext) -> JavaScriptValue {
        let call = context.call
        switch module {
        case .network(callable: true):
            if context.emit {
                record(.useNetwork, at: call.nameToken)
                networkRegions.append(call.close)
            }
            return JavaScriptValue(object: .module(module), taint: .network)
        case .processLibrary:
            if context.emit { spawn(&context) }
            return JavaScriptValue(object: .module(.childProcess))
        case .xhr, .network(callable: false):
            return JavaScriptValue(object: .module(module))
        case .buffer:
            return bufferFrom(&context)
        default:
            return .unknown
        }
    }

    // MARK: - Private

    private mutating func spawn(_ context: inout JavaScriptCallContext) {
        let call = context.call
        record(.spawnProcess, at: call.nameToken)
        if code.detachesProcess(from: call.open, to: call.close) { record(.hiddenProcess, at: call.nameToken) }
        let command = value(0, &context)
        if let text = command.string {
            // What the command line does (`execSync('env')`, `exec('curl -s URL | sh')`).
            let shown = command.taint.contains(.decoded) ? "decoded: " + text : nil
            for kind in CommandKinds.kinds(of: text, context: code.file.context) {
                record(kind, at: call.nameToken, snippet: shown)
            }
        }
        if let network = writtenFile(matching: command, argumentTokens: context.arguments.first) {
            record(network ? .downloadExecute : .writeExecute, at: call.nameToken)
        }
        let network = context.arguments.indices.prefix(4).contains { value($0, &context).taint.contains(.network) }
        if network { record(.downloadExecute, at: call.nameToken) }
    }

    private mutating func evalLike(_ context: inout JavaScriptCallContext) {
        record(.evalCode, at: context.call.nameToken)
        if value(0, &context).taint.contains(.network) { record(.downloadExecute, at: context.call.nameToken) }
    }

    private mutating func fileCall(_ member: String, _ context: inout JavaScriptCallContext) -> JavaScriptValue {
        let call = context.call
        if JavaScriptCatalog.readMembers.contains(member) {
            if context.emit { record(.readFile, at: call.nameToken) }
            return JavaScriptValue(object: .unknown, taint: .hostData)
        }
        guard context.emit else { return .unknown }
        if JavaScriptCatalog.writeMembers.contains(member) {
            record(.writeFile, at: call.nameToken)
            let network = carriesNetwork(&context)
            let pathPosition =
                member.hasPrefix("copy") || member.hasPrefix("cp") || member.hasPrefix("rename")
                    || member.hasPrefix("move") ? 1 : 0
            let path = value(pathPosition, &context)
            let range = pathPosition < context.arguments.count ? context.arguments[pathPosition] : nil
            recordWrite(path: path, pathTokens: range, network: network)
        } else if JavaScriptCatalog.chmodMembers.contains(member) {
            let mode = value(1, &context)
            let executable: Bool
            switch mode.object {
            case .number(let number): executable = Int(number) & 0o111 != 0
            case .string(let text): executable = (Int(text, radix: 8) ?? 0) & 0o111 != 0 || text.contains("x")
            default: executable = false
            }
            if executable,
                let network = writtenFile(matching: value(0, &context), argumentTokens: context.arguments.first)
            {
                record(network ? .downloadExecute : .writeExecute, at: call.nameToken)
            }
        }
        return .unknown
    }

    private mutating func bufferFrom(_ context: inout JavaScriptCallContext) -> JavaScriptValue {
        let input = value(0, &context)
        let encoding = context.arguments.count > 1 ? value(1, &context).string?.lowercased() : nil
        guard let encoding, ["base64", "base64url", "hex"].contains(encoding) else {
            return input.string != nil ? input : JavaScriptValue(object: .unknown, taint: input.taint)
        }
        let decoded = input.string.flatMap {
            encoding == "hex" ? JavaScriptDecoding.hex($0) : JavaScriptDecoding.base64($0)
        }
        let result =
            decoded.map { JavaScriptValue(object: .string($0), taint: input.taint.union(.decoded)) }
            ?? JavaScriptValue(object: .unknown, taint: input.taint.intersection(JavaScriptTaint.carried))
        if context.emit { recordDecode(result, at: context.call.nameToken, always: true) }
        return result
    }

}
