import LockgateCore

/// The comparable forms of a package name the typosquat index is keyed by. Everything works on UTF-8 bytes, with
/// fast paths for the ASCII names registries actually hold.
enum NameForms {
    /// npm affixes that name the ecosystem rather than the package (`node-x`, `js-x`).
    static let npmPrefixes = ["node-", "js-"]
    /// npm suffixes (`x-node`, `x-js`, `x.js`, `xjs`), longest first.
    static let npmSuffixes = ["-node", "-js", ".js", "js"]
    /// PyPI prefixes (on PEP 503 names), longest first.
    static let pypiPrefixes = ["python-", "python", "py-", "py"]
    /// PyPI suffixes (on PEP 503 names), longest first.
    static let pypiSuffixes = ["-python", "python", "-py"]

    /// The key names are compared by: lowercased for npm, PEP 503 for PyPI.
    /// - Parameters:
    ///   - name: The name as written.
    ///   - ecosystem: Its ecosystem.
    /// - Returns: The comparison key.
    static func key(_ name: String, _ ecosystem: Ecosystem) -> String {
        switch ecosystem {
        case .npm:
            name.utf8.contains { $0 >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
                ? name.lowercased() : name
        case .pypi:
            isPEP503(name) ? name : PackageName.pep503(name)
        }
    }

    /// Whether a name is already PEP 503-normalised ASCII (lowercase letters, digits, single inner `-`).
    static func isPEP503(_ name: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in name.utf8 {
            let lower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard lower || digit || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// Whether a byte is a name separator (`-`, `_`, `.`).
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// The key without separators: `cross-env` and `crossenv` share `crossenv`.
    static func withoutSeparators(_ key: String) -> String {
        String(decoding: key.utf8.filter { !isSeparator($0) }, as: UTF8.self)
    }

    /// The look-alike skeleton of a name: `1`, `I` and `|` become `l` (and `i` on PyPI, whose names are compared
    /// lowercased, so an `I` written for an `l` shows as `i`), `0` becomes `o`, `rn` becomes `m`, `vv` becomes `w`,
    /// and common Cyrillic look-alikes become their Latin letters, before the key is taken.
    /// - Parameters:
    ///   - name: The name as written (case matters: `I` is a look-alike of `l`).
    ///   - ecosystem: Its ecosystem.
    /// - Returns: The skeleton.
    static func skeleton(_ name: String, _ ecosystem: Ecosystem) -> String {
        var mapped: [UInt8] = []
        mapped.reserveCapacity(name.utf8.count)
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in name.utf8 { mapped.append(lookAlike(byte, ecosystem)) }
        } else {
            var view = String.UnicodeScalarView()
            for scalar in name.unicodeScalars {
                let latin = cyrillicLookAlikes[scalar] ?? scalar
                view.append(latin.isASCII ? Unicode.Scalar(lookAlike(UInt8(latin.value), ecosystem)) : latin)
            }
            mapped = Array(String(view).utf8)
        }
        let keyed = Array(key(String(decoding: mapped, as: UTF8.self), ecosystem).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(keyed.count)
        var index = 0
        while index < keyed.count {
            let next = index + 1 < keyed.count ? keyed[index + 1] : 0
            if keyed[index] == UInt8(ascii: "r"), next == UInt8(ascii: "n") {
                out.append(UInt8(ascii: "m"))
                index += 2
            } else if keyed[index] == UInt8(ascii: "v"), next == UInt8(ascii: "v") {
                out.append(UInt8(ascii: "w"))
                index += 2
            } else {
                out.append(keyed[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits an npm name into its scope (without `@`) and bare name; unscoped names have no scope.
    static func scope(of name: String) -> (scope: Substring?, bare: Substring) {
        guard name.utf8.first == UInt8(ascii: "@"), let slash = name.utf8.firstIndex(of: UInt8(ascii: "/")) else {
            return (nil, name[...])
        }
        return (name[name.index(after: name.startIndex)..<slash], name[name.index(after: slash)...])
    }

    /// The cores of a key: the key with one ecosystem affix taken off, each with that affix.
    /// - Parameters:
    ///   - key: A comparison key.
    ///   - ecosystem: Its ecosystem.
    /// - Returns: `(core, affix)` pairs; only cores of four characters or more, never scoped, never the key itself.
    static func cores(of key: String, _ ecosystem: Ecosystem) -> [(core: String, affix: String)] {
        let bytes = Array(key.utf8)
        guard bytes.first != UInt8(ascii: "@") else { return [] }
        var out: [(core: String, affix: String)] = []
        for prefix in ecosystem == .npm ? npmPrefixes : pypiPrefixes where bytes.starts(with: prefix.utf8) {
            appendCore(bytes[prefix.utf8.count...], affix: prefix, to: &out)
        }
        for suffix in ecosystem == .npm ? npmSuffixes : pypiSuffixes
        where bytes.count > suffix.utf8.count && bytes.reversed().starts(with: suffix.utf8.reversed()) {
            appendCore(bytes[..<(bytes.count - suffix.utf8.count)], affix: suffix, to: &out)
        }
        return out
    }

    // MARK: - Private

    private static let cyrillicLookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0430}": "a", "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0441}": "c", "\u{0443}": "y",
        "\u{0445}": "x", "\u{0456}": "i", "\u{0455}": "s", "\u{0458}": "j", "\u{0501}": "d", "\u{04CF}": "l",
    ]

    private static func lookAlike(_ byte: UInt8, _ ecosystem: Ecosystem) -> UInt8 {
        switch byte {
        case UInt8(ascii: "1"), UInt8(ascii: "I"), UInt8(ascii: "|"): UInt8(ascii: "l")
        case UInt8(ascii: "i") where ecosystem == .pypi: UInt8(ascii: "l")
        case UInt8(ascii: "0"): UInt8(ascii: "o")
        default: byte
        }
    }

    /// Adds a core with separators left at either end dropped (`-dateutil` → `dateutil`), if it is long enough.
    private static func appendCore(
        _ core: ArraySlice<UInt8>, affix: String, to out: inout [(core: String, affix: String)]
    ) {
        var trimmed = core
        while let first = trimmed.first, isSeparator(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, isSeparator(last) { trimmed = trimmed.dropLast() }
        guard trimmed.count >= 4 else { return }
        out.append((String(decoding: trimmed, as: UTF8.self), affix))
    }
}
