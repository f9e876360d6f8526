import LockgateCore

/// Attribute access, subscripts and binary operators, with constant folding.
extension PythonFileContext {
    /// `value.name`.
    func attribute(_ base: PythonEval, _ name: String, at index: Int) -> PythonEval {
        if let path = base.path, let bound = lookup(path + "." + name) {
            var result = bound
            result.start = base.start
            result.path = path + "." + name
            result.tags.remove(.folded)
            return result
        }
        var result = PythonEval(start: base.start)
        result.absorb(base)
        result.tags.formIntersection([.network, .data, .downloaded, .unpacked, .decoded])
        if base.tags.contains(.writeHandle) { result.tags.insert(.writeHandle) }  // `f.write` of an open file
        result.path = base.path.map { $0 + "." + name }
        switch base.value {
        case .ref(let qualified):
            result.value = name == "__dict__" ? .ref(qualified) : .ref(qualified + "." + name)
        case .string, .bytes, .list:
            result.value = .method(base.value, name)
        default:
            break
        }
        if PythonAPI.markerNames.contains(name) { result.addKeys(["n:" + name]) }
        if PythonAPI.isProtectorName(name) { emitProtector(at: index) }
        return result
    }

    /// `value[key]` or `value[lower:upper:step]`.
    func subscripted(_ base: PythonEval, key: PythonEval?, isSlice: Bool, bounded: Bool, step: PythonEval?,
                   extra: [PythonEval]) -> PythonEval {
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
        case (.ref(let qualified), _) where qualified == "os.environ" || qualified == "os.environb":
            emit(.readEnvironmentVariable, at: base.start)
            result.tags.insert(.data)
        case (.ref(let qualified), .string(let name)):
            if qualified == "$globals" {
                let resolved = name == "__builtins__" ? PythonEval(.ref("builtins"), start: base.start)
                    : nameEval(name, at: base.start)
                result.value = resolved.value
            } else if qualified == "sys.modules" {
                result.value = .ref(PythonAPI.canonicalModule(name))
            } else if !qualified.hasPrefix("$local.") {
                result.value = .ref(qualified + "." + name)
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
    func binary(_ op: String, _ left: PythonEval, _ right: PythonEval) -> PythonEval {
        var result = PythonEval(start: left.start)
        result.absorb(left)
        result.absorb(right)
        result.tags.remove(.writeHandle)
        switch (op, left.value, right.value) {
        case ("+", .string(let a), .string(let b)):
            if charge(a.utf8.count + b.utf8.count) { setFolded(&result, .string(a + b), left, right) }
        case ("+", .bytes(let a), .bytes(let b)):
            if charge(a.utf8.count + b.utf8.count) { setFolded(&result, .bytes(a + b), left, right) }
        case ("+", .list(let a), .list(let b)):
            if charge(a.count + b.count) { result.value = .list(a + b) }
        case ("*", .string(let a), .int(let count)) where count >= 0 && count <= 10_000:
            if charge(a.utf8.count * count) { setFolded(&result, .string(String(repeating: a, count: count)), left, right) }
        case ("%", .string(let template), _):
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
            if op == "+" && (left.value.text?.isEmpty == false || right.value.text?.isEmpty == false
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
        if let text = value.text, text.utf8.count <= 256 { result.addKeys(["c:" + text]) }
    }

    // MARK: - Private

    private static func integerOperation(_ op: String, _ a: Int, _ b: Int) -> Int? {
        switch op {
        case "|": return a | b
        case "&": return a & b
        case "^": return a ^ b
        case "+": return a &+ b
        case "-": return a &- b
        case "*": return a &* b
        case "<<": return b >= 0 && b < 63 ? a << b : nil
        case ">>": return b >= 0 && b < 63 ? a >> b : nil
        case "//": return b != 0 ? a / b : nil
        case "%": return b != 0 ? a % b : nil
        default: return nil
        }
    }
}
