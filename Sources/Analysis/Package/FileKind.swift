import Foundation

/// What a package file is, from its name, its shebang or its first bytes.
enum FileKind: Sendable, Hashable {
    case javascript
    case python
    case shell
    /// A native executable or library (by extension or ELF/PE/Mach-O magic).
    case binary
    case other

    /// Classifies a file. Native magic wins over the name: a PE or ELF file named `sass.js` is a binary, not source
    /// to lex (a payload disguised by its extension, run at install by `rundll32` or a loader).
    static func of(path: String, data: Data) -> FileKind {
        if hasNativeMagic(data) { return .binary }
        let ascii = ASCIIPath.isASCII(path)
        let (lower, ext) = ascii ? asciiName(path) : unicodeName(path)
        if lower.hasSuffix(".d.ts") || lower.hasSuffix(".d.mts") || lower.hasSuffix(".d.cts") { return .other }
        switch ext {
        case "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts": return .javascript
        case "py", "pyw": return .python
        case "sh", "bash", "zsh", "command", "bat", "cmd", "ps1": return .shell
        case "node", "so", "dll", "dylib", "exe", "pyd":
            return data.isEmpty ? .other : .binary
        default: break
        }
        if !data.isEmpty && (ascii ? ASCIIPath.contains(ArraySlice(lower.utf8), ".so.") : lower.contains(".so.")) {
            return .binary
        }
        if ext.isEmpty || ext.count > 8, let interpreter = shebang(data) {
            if interpreter.contains("node") { return .javascript }
            if interpreter.contains("python") { return .python }
            if ["sh", "bash", "zsh", "dash", "ksh"].contains(where: { interpreter.hasSuffix($0) }) { return .shell }
        }
        return .other
    }

    /// The lowercased file name and extension (the last of two or more dot-separated parts) of an ASCII path.
    private static func asciiName(_ path: String) -> (lower: String, ext: String) {
        let bytes = Array(path.utf8)
        let lower = ASCIIPath.lowered(bytes.split(separator: 0x2F).last ?? bytes[...])
        let parts = lower.split(separator: 0x2E)
        return (ASCIIPath.string(lower[...]), parts.count > 1 ? parts.last.map(ASCIIPath.string) ?? "" : "")
    }

    /// The lowercased file name and extension of any path, by `Character`.
    private static func unicodeName(_ path: String) -> (lower: String, ext: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        let ext = lower.split(separator: ".").count > 1 ? String(lower.split(separator: ".").last ?? "") : ""
        return (lower, ext)
    }

    /// The shebang line's interpreter part (`/usr/bin/env node` → `/usr/bin/env node`), lowercased.
    static func shebang(_ data: Data) -> String? {
        guard data.count > 2, data[data.startIndex] == 0x23, data[data.startIndex + 1] == 0x21 else { return nil }
        let line = data.prefix(200).prefix { $0 != 0x0A }
        return String(decoding: line.dropFirst(2), as: UTF8.self).lowercased()
    }

    /// ELF, PE (`MZ` with a `PE\0\0` header where `e_lfanew` points), or Mach-O (thin or fat; a fat header with
    /// fewer than 20 architectures, which tells it from a Java class file).
    static func hasNativeMagic(_ data: Data) -> Bool {
        guard data.count >= 8 else { return false }
        let base = data.startIndex
        // Every file is checked (magic wins over the name), so text — which never starts with these bytes — stops
        // at its first byte, without copying anything.
        switch data[base] {
        case 0x7F, 0xFE, 0xCE, 0xCF, 0xCA, 0x4D: break
        default: return false
        }
        func word(_ offset: Int) -> UInt32 {
            UInt32(data[base + offset]) << 24 | UInt32(data[base + offset + 1]) << 16
                | UInt32(data[base + offset + 2]) << 8 | UInt32(data[base + offset + 3])
        }
        switch word(0) {
        case 0x7F45_4C46, 0xFEED_FACE, 0xFEED_FACF, 0xCEFA_EDFE, 0xCFFA_EDFE: return true
        case 0xCAFE_BABE:
            let count = word(4)
            return count > 0 && count < 20
        default: break
        }
        guard data[base] == 0x4D, data[base + 1] == 0x5A, data.count >= 0x40 else { return false }
        let offset =
            Int(data[base + 0x3C]) | Int(data[base + 0x3D]) << 8 | Int(data[base + 0x3E]) << 16
            | Int(data[base + 0x3F]) << 24
        guard offset >= 0x40, offset + 4 <= data.count else { return false }
        return data[base + offset] == 0x50 && data[base + offset + 1] == 0x45 && data[base + offset + 2] == 0
            && data[base + offset + 3] == 0
    }
}
