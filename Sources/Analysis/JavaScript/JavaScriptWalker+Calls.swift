import Foundation
import LockgateCore

/// One call in a chain: the callee's value, its parentheses and the token that names it.
struct JavaScriptCall: Sendable {
    /// What is called.
    var callee: JavaScriptValue
    /// The `(`.
    var open: Int
    /// The `)`.
    var close: Int
    /// The token behaviours of the call are reported at (the last name of the callee).
    var nameToken: Int
    /// The dotted path of a callee that is a plain name (`f`, `obj.f`, `this.f`), for local calls.
    var path: JavaScriptPathRef?
    /// Whether the call is `new X(...)`.
    var isNew: Bool
    /// Arguments to skip (`f.call(thisArg, ...)` skips one; `f.apply` hides them all).
    var shift: Int
}

/// A dotted path (`obj.f`) kept as name ids on the walker's `pathParts`: `count` ids from `base`.
struct JavaScriptPathRef: Sendable {
    /// The index of its first name in `pathParts`.
    var base: Int
    /// How many names it has.
    var count: Int
}

/// Calls: what calling each known value does.
extension JavaScriptWalker {
    /// Evaluates a call, recording its behaviours in emitting mode.
    mutating func call(_ call: JavaScriptCall, emit: Bool, depth: Int) -> JavaScriptValue {
        if let path = call.path, path.count == 1, !call.isNew, let module = interopModule(call, name: path, depth) {
            return module
        }
        // Outside the main walk, a call of a value that never reads its arguments has a value known without them
        // (what the cases below give): no argument list to build.
        if !emit && !call.isNew && !Self.readsArguments(call.callee.object) {
            switch call.callee.object {
            case .unknown:
                return JavaScriptValue(object: .unknown, taint: call.callee.taint.intersection(JavaScriptTaint.carried))
            case .globalGetter: return JavaScriptValue(object: .module(.global))
            default: return .unknown
            }
        }
        var context = JavaScriptCallContext(
            call: call, buffers: callBuffers.popLast() ?? JavaScriptCallBuffers(), emit: emit, depth: depth)
        defer { recycle(&context) }
        code.arguments(from: call.open, to: call.close, into: &context.arguments)
        if call.shift >= 64 {
            context.arguments.removeAll(keepingCapacity: true)
        } else if call.shift > 0 {
            context.arguments.removeFirst(min(call.shift, context.arguments.count))
        }
        if emit {
            let valuesRead = Self.readsArguments(call.callee.object)
            var position = 0
            while position < min(8, context.arguments.count) {
                let range = context.arguments[position]
                if valuesRead {
                    let value = argumentValue(range, depth: depth)
                    context.remember(value, at: position)
                    recordFolded(value, at: range.lowerBound)
                } else {
                    recordFolded(foldedArgument(range, depth: depth), at: range.lowerBound)
                }
                position += 1
            }
        }
        if emit && call.callee.taint.contains(.network) { networkRegions.append(call.close) }
        switch call.callee.object {
        case .require, .dynamicImport:
            let first = value(0, &context)
            let specifier = first.string
            if emit, let specifier { recordImport(specifier, at: call.nameToken) }
            if emit, specifier == nil,
                let network = writtenFile(matching: first, argumentTokens: context.arguments.first)
            {
                record(network ? .downloadExecute : .writeExecute, at: call.nameToken)
            }
            if let specifier, case .require = call.callee.object, JavaScriptCatalog.isRelative(specifier) {
                return JavaScriptValue(object: .localModule(specifier))
            }
            return specifier.flatMap(JavaScriptCatalog.module(for:)).map { JavaScriptValue(object: .module($0)) }
                ?? .unknown
        case .eval:
            // `eval('this')`, `(0, eval)('this')`: the global object, the idiom `Function('return this')` also is.
            if context.arguments.count == 1, value(0, &context).string == "this" {
                return JavaScriptValue(object: .module(.global))
            }
            if emit { evalCall(&context) }
            return .unknown
        case .functionConstructor:
            let body = context.arguments.isEmpty ? nil : value(context.arguments.count - 1, &context)
            let text = body?.string?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text == "return this" || text == "return this;" { return JavaScriptValue(object: .globalGetter) }
            if emit { evalCall(&context, codeArgument: max(0, context.arguments.count - 1)) }
            return .unknown
        case .globalGetter:
            return JavaScriptValue(object: .module(.global))
        case .timer:
            // A function or arrow given to a timer is called, not evaluated: only a string argument is code.
            if let argument = context.arguments.first, code.functionStart(at: argument.lowerBound) != nil {
                return .unknown
            }
            let first = value(0, &context)
            if emit, first.string != nil || first.taint.contains(.dynamic) { evalCall(&context) }
            return .unknown
        case .decoder(let decoder):
            let input = value(0, &context)
            let decoded = input.string.flatMap {
                decoder == "atob" ? JavaScriptDecoding.base64($0) : JavaScriptDecoding.percent($0)
            }
            let result =
                decoded.map { JavaScriptValue(object: .string($0), taint: input.taint.union(.decoded)) }
                ?? JavaScriptValue(object: .unknown, taint: input.taint.intersection(JavaScriptTaint.carried))
            if emit { recordDecode(result, at: call.nameToken, always: decoder == "atob") }
            return result
        case .localFunction(let function):
            if emit { recordLocalCall(function) }
            return .unknown
        case .localModule(let specifier):
            if emit { recordImportedCall(specifier, call.isNew ? ".constructor" : "") }
            return .unknown
        case .localExport(let specifier, let member):
            if emit { recordImportedCall(specifier, call.isNew ? member + ".constructor" : member) }
            return .unknown
        case .method(let receiver, let method):
            return self.method(receiver, method, taint: call.callee.taint, &context)
        case .member(let module, let member):
            return memberCall(module, member, &context)
        case .module(let module):
            return moduleCall(module, &context)
        case .unknown:
            if let path = call.path, emit || call.isNew {
                let resolved = Self.resolve(code.text(of: path, in: pathParts), className: classes.last?.name)
                if emit { recordLocalCall(call.isNew ? resolved + ".constructor" : resolved) }
                if call.isNew { return JavaScriptValue(object: .instance(resolved)) }
            }
            return JavaScriptValue(object: .unknown, taint: call.callee.taint.intersection(JavaScriptTaint.carried))
        default:
            return .unknown
        }
    }

    /// The value of an argument, computed once.
    mutating func value(_ position: Int, _ context: inout JavaScriptCallContext) -> JavaScriptValue {
        if let known = context.known(position) { return known }
        guard position < context.arguments.count else { return .unknown }
        let value = argumentValue(context.arguments[position], depth: context.depth)
        context.remember(value, at: position)
        return value
    }

    /// Whether any argument carries network data, or the call sits in a network callback.
    mutating func carriesNetwork(_ context: inout JavaScriptCallContext) -> Bool {
        if !networkRegions.isEmpty && context.emit { return true }
        for position in context.arguments.indices.prefix(8) where value(position, &context).taint.contains(.network) {
            return true
        }
        return false
    }

    // MARK: - Private

    /// Whether calling a value reads its arguments' values (else the main walk evaluates them only for
    /// `recordFolded`): not for an unknown or local function, nor for what calls of it ignore.
    private static func readsArguments(_ callee: JavaScriptObject) -> Bool {
        switch callee {
        case .unknown, .localFunction, .globalGetter, .string, .number, .array, .instance, .localModule, .localExport:
            false
        default: true
        }
    }

    /// An argument's value as far as `recordFolded` reads it: `argumentValue` when the argument is one expression,
    /// else unknown without the taint of its tokens (a value that is not a string records nothing). A lone
    /// literal is never a folded string: only the budget its evaluation would spend is spent.
    private mutating func foldedArgument(_ range: Range<Int>, depth: Int) -> JavaScriptValue {
        if range.count == 1, range.lowerBound < code.tokens.count {
            switch code.tokens[range.lowerBound].kind {
            case .string, .template, .number:
                // `argumentValue` → `evaluate` (depth + 1) → `chain` (depth + 2), which spends one unit.
                if depth + 2 < 40 && budget > 0 { budget -= 1 }
                return .unknown
            default: break
            }
        }
        var first = range.lowerBound
        if code.isOp(first, JavaScriptOp.spread) { first += 1 }
        let (value, end) = evaluate(from: first, depth: depth + 1)
        return end == range.upperBound ? value : .unknown
    }

    /// Gives a finished call's buffers back for the next call (emptied, their capacity kept).
    private mutating func recycle(_ context: inout JavaScriptCallContext) {
        let buffers = context.takeBuffers()
        if callBuffers.count < 64 { callBuffers.append(buffers) }
    }

    /// A called path as a function name: `this.` read as the enclosing class, `module.exports.x` as `exports.x`.
    /// (Static, as the walk's other helpers that read no state: a method on the walk would copy it whole.)
    private static func resolve(_ path: String, className: String?) -> String {
        // Only a path starting `this.` or `module.exports.` changes: most start with neither letter.
        guard let first = path.utf8.first, first == 0x74 /* t */ || first == 0x6D /* m */ else { return path }
        if path.hasPrefix("this."), let className { return className + path.dropFirst(4) }
        if path.hasPrefix("module.exports.") { return String(path.dropFirst(7)) }
        return path
    }

    private mutating func evalCall(_ context: inout JavaScriptCallContext, codeArgument: Int = 0) {
        let call = context.call
        record(.evalCode, at: call.nameToken)
        let first = call.open + 1
        if code.isName(first, .function) && code.isOp(first + 1, JavaScriptOp.lparen) {
            let parameters = (0..<5).map { first + 2 + 2 * $0 }
            if zip(parameters, ["p", "a", "c", "k", "e"]).allSatisfy({ index, expected in
                index < code.tokens.count && code.tokens[index].kind == .identifier && code.name(index) == expected
            }) {
                packedEval = true
                record(.packedEval, at: call.nameToken)
            }
        }
        let executed = value(codeArgument, &context)
        if executed.taint.contains(.network) { record(.downloadExecute, at: call.nameToken) }
        executedCode(executed, at: call.nameToken)
    }

    private mutating func method(
        _ receiver: JavaScriptObject, _ method: String, taint: JavaScriptTaint, _ context: inout JavaScriptCallContext
    ) -> JavaScriptValue {
        switch (receiver, method) {
        case (.string(let text), "split"):
            let separator = context.arguments.isEmpty ? nil : value(0, &context).string
            guard let separator else { return JavaScriptValue(object: .array([text]), taint: taint) }
            let parts =
                separator.isEmpty
                ? text.prefix(100_000).map(String.init) : JavaScriptText.split(text, separator: separator)
            return JavaScriptValue(object: .array(parts), taint: taint)
        case (.string(let text), "toString"), (.string(let text), "valueOf"), (.string(let text), "normalize"):
            return JavaScriptValue(object: .string(text), taint: taint)
        case (.string(let text), "trim"):
            return JavaScriptValue(object: .string(text.trimmingCharacters(in: .whitespacesAndNewlines)), taint: taint)
        case (.string(let text), "toLowerCase"):
            return JavaScriptValue(object: .string(text.lowercased()), taint: taint)
        case (.string(let text), "toUpperCase"):
            return JavaScriptValue(object: .string(text.uppercased()), taint: taint)
        case (.string(let text), "concat"):
            var result = text
            for position in context.arguments.indices.prefix(64) {
                guard let piece = value(position, &context).string else { return .unknown }
                result += piece
            }
            return JavaScriptValue(object: .string(result), taint: taint.union(.folded))
        case (.string(let text), "replace"), (.string(let text), "replaceAll"):
            guard let target = value(0, &context).string, !target.isEmpty,
                let replacement = value(1, &context).string
            else { return .unknown }
            let result: String
            if method == "replaceAll" {
                result = text.replacingOccurrences(of: target, with: replacement)
            } else if let range = text.range(of: target) {
                result = text.replacingCharacters(in: range, with: replacement)
            } else {
                result = text
            }
            return JavaScriptValue(object: .string(result), taint: taint.union(.folded))
        case (.array(let items), "reverse"):
            return JavaScriptValue(object: .array(items.reversed()), taint: taint.union(.decoded))
        case (.array(let items), "join"):
            let separator = context.arguments.isEmpty ? "," : (value(0, &context).string ?? ",")
            let joined = items.joined(separator: separator)
            guard joined.utf8.count <= JavaScriptDecoding.maximumLength else { return .unknown }
            let result = JavaScriptValue(object: .string(joined), taint: taint.union(.folded))
            if context.emit && taint.contains(.decoded) {
                recordDecode(result, at: context.call.nameToken, always: false)
            }
            return result
        default:
            return JavaScriptValue(object: .unknown, taint: taint.intersection(JavaScriptTaint.carried))
        }
    }
}
