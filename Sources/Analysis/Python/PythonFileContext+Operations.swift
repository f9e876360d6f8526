import LockgateCore

/// Attribute access, subscripts and binary operators, with constant folding.
extension PythonFileContext {
    /// `value.name`.
    func attribute(_ base: PythonEval, _ name: String, at index: Int) -> PythonEval {
        attribute(base, names.intern(name), at: index)
    }

    /// `value.name` with the name's interned id.
    func attribute(_ base: PythonEval, _ nameId: Int32, at index: Int) -> PythonEval {
        let extendedPath = base.path.flatMap { names.extended($0, nameId) }
        if let extendedPath, let bound = lookup(extendedPath) {
            var result = bound
            result.start = base.start
            result.path = extendedPath
            result.tags.remove(.folded)
            return result
        }
        var result = PythonEval(start: base.start)
        result.absorb(base)
        result.tags.formIntersection([.network, .data, .downloaded, .unpacked, .decoded])
        if base.tags.contains(.writeHandle) { result.tags.insert(.writeHandle) }  // `f.write` of an open file
        result.path = extendedPath
        switch base.value {
        case .ref(let qualified):
            if names.spells(nameId, "__dict__") {
                result.value = .ref(qualified)
            } else {
                result.value = names.extended(qualified, nameId).map(PythonValue.ref) ?? .unknown
            }
        case .string, .bytes, .list:
            result.value = .method(base.value, names.text(nameId))
        default:
            break
        }
        if names.isMarker(nameId) { addKey("n:" + names.text(nameId), to: &result) }
        if names.isProtector(nameId) { emitProtector(at: index) }
        return result
    }

    /// `value[key]` or `value[lower:upper:step]`.
    func subscripted(
        _ base: PythonEval, key: PythonEval?, isSlice: Bool, bounded: Bool, step: PythonEval?,
        extra: [PythonEval]
    ) -> PythonEval {
        var result = PythonEval(start: base.start)
        result.absorb(base)
        if let key { result.absorb(key) }
        if isSlice {
            if !bounded, case .int(-1) = step?.value, charge(base.value.text?.utf8.count ?? 8) {
                switch base.value {
                case .string(let text): result.value = .string(String(text.reversed()))
                case .bytes(let text): result.value = .bytes(String(text.reversed()))
                case .list(let items): result.value = .list(items.reversed())
                default: return result
                }
                result.tags.formUnion([.folded, .decoded])
            }
            return result
        }
        guard let key else { return result }
        switch (base.value, key.value) {
        case (.ref(let id), _) where names.spells(id, "os.environ") || names.spells(id, "os.environb"):
            emit(.readEnvironmentVariable, at: base.start)
            result.tags.insert(.data)
        case (.ref(let id), .string(let name)):
            let qualified = names.text(id)
            if qualified == "$globals" {
                let resolved =
                    name == "__builtins__"
                    ? PythonEval(ref("builtins"), start: base.start)
                    : nameEval(name, at: base.start)
                result.value = resolved.value
            } else if qualified == "sys.modules" {
                result.value = ref(PythonAPI.canonicalModule(name))
            } else if !qualified.hasPrefix("$local.") {
                result.value = names.extended(id, names.intern(name)).map(PythonValue.ref) ?? .unknown
            }
        case (.string(let text), .int(let index)):
            let characters = Array(text)
            let position = index < 0 ? characters.count + index : index
            if position >= 0 && position < characters.count { result.value = .string(String(characters[position])) }
        case (.list(let items), .int(let index)):
            let position = index < 0 ? items.count + index : index
            if position >= 0 && position < items.count { result.value = items[position] }
        case (.dict(let entries), .string(let name)):
            if let entry = entries.last(where: { $0.key == name }) { result.value = entry.value }
        default:
            break
        }
        return result
    }

    /// `left op right`, folded when both sides are constants.
    func binary(_ op: PythonCode, _ left: PythonEval, _ right: PythonEval) -> PythonEval {
        var result = PythonEval(start: left.start)
        result.absorb(left)
        result.absorb(right)
        result.tags.remove(.writeHandle)
        switch (op, left.value, right.value) {
        case (.plus, .string(let a), .string(let b)):
            if charge(a.utf8.count + b.utf8.count) { setFolded(&result, .string(a + b), left, right) }
        case (.plus, .bytes(let a), .bytes(let b)):
            if charge(a.utf8.count + b.utf8.count) { setFolded(&result, .bytes(a + b), left, right) }
        case (.plus, .list(let a), .list(let b)):
            if charge(a.count + b.count) { result.value = .list(a + b) }
        case (.star, .string(let a), .int(let count)) where count >= 0 && count <= 10_000:
            if charge(a.utf8.count * count) {
                setFolded(&result, .string(String(repeating: a, count: count)), left, right)
            }
        case (.percent, .string(let template), _):
            let arguments: [String]?
            if case .list(let items) = right.value {
                let texts = items.compactMap(PythonFileContext.constantText)
                arguments = texts.count == items.count ? texts : nil
            } else {
                arguments = PythonFileContext.constantText(right.value).map { [$0] }
            }
            if let arguments, let text = PythonDecoding.percentFormat(template, arguments),
                charge(text.utf8.count)
            {
                setFolded(&result, .string(text), left, right)
            } else if !template.isEmpty {
                result.tags.insert(.built)
            }
        case (_, .int(let a), .int(let b)):
            result.value = PythonFileContext.integerOperation(op, a, b).map(PythonValue.int) ?? .unknown
        default:
            if op == .plus
                && (left.value.text?.isEmpty == false || right.value.text?.isEmpty == false
                    || left.tags.contains(.built) || right.tags.contains(.built))
            {
                result.tags.insert(.built)
            }
        }
        return result
    }

    /// Marks a result as a folded constant made of two parts.
    func setFolded(_ result: inout PythonEval, _ value: PythonValue, _ left: PythonEval, _ right: PythonEval) {
        result.value = value
        result.tags.insert(.folded)
        if left.tags.contains(.built) || right.tags.contains(.built) { result.tags.insert(.built) }
        if let text = value.text, text.utf8.count <= 256 { addConstantKey(text, to: &result) }
    }

    /// Longest qualified name or dotted path the light pass keeps (longer chains are machine-made and unknown;
    /// the cap keeps `a.b.c...` chains of 100,000 terms linear).
    static let maxQualifiedLength = 512

    /// `base + separator + name`, or nil when that is longer than `maxQualifiedLength`.
    static func extended(_ base: String, _ separator: String, _ name: String) -> String? {
        base.utf8.count + name.utf8.count < maxQualifiedLength ? base + separator + name : nil
    }


    // MARK: - Private

    private static func integerOperation(_ op: PythonCode, _ a: Int, _ b: Int) -> Int? {
        switch op {
        case .pipe: return a | b
        case .ampersand: return a & b
        case .caret: return a ^ b
        case .plus: return a &+ b
        case .minus: return a &- b
        case .star: return a &* b
        case .leftShift: return b >= 0 && b < 63 ? a << b : nil
        case .rightShift: return b >= 0 && b < 63 ? a >> b : nil
        case .doubleSlash: return b != 0 ? a / b : nil
        case .percent: return b != 0 ? a % b : nil
        default: return nil
        }
    }
}
