/// An entry path split into components and checked for absolute and `..` forms.
///
/// Works on UTF-8 bytes, not `Character`s: a separator followed by a combining mark is one `Character` in Swift but
/// still a separator to the file system.
struct EntryPath {
    /// The normalised path (`/`-joined components, no `.` or empty ones).
    let normalised: String
    /// The number of components.
    let depth: Int
    /// Whether the path is absolute (`/x`, `\x`, `C:x`, `C:\x`).
    let isAbsolute: Bool
    /// Whether a component is `..` (splitting on `\` as well as `/`, as Windows extractors do).
    let hasParentComponent: Bool
    /// Whether the written path ends with a separator (a directory in tar and zip convention).
    let hasTrailingSeparator: Bool

    /// Parses `raw`.
    /// - Parameters:
    ///   - raw: The path as written in the archive (cut at the first NUL).
    ///   - backslashSeparates: Whether `\` is a separator in the normalised path (zip) or an ordinary character
    ///     that is only checked for `..` (tar).
    init(_ raw: String, backslashSeparates: Bool) {
        let slash = UInt8(ascii: "/")
        let backslash = UInt8(ascii: "\\")
        var bytes = Array(raw.utf8.prefix { $0 != 0 })
        if backslashSeparates { bytes = bytes.map { $0 == backslash ? slash : $0 } }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let startsWithDrive = bytes.count >= 2 && bytes[1] == UInt8(ascii: ":") && isLetter(bytes[0])
        isAbsolute = bytes.first == slash || bytes.first == backslash || startsWithDrive
        let dotDot: [UInt8] = [0x2E, 0x2E]
        hasParentComponent = bytes.split(whereSeparator: { $0 == slash || $0 == backslash })
            .contains { $0.elementsEqual(dotDot) }
        hasTrailingSeparator = bytes.last == slash
        let components = bytes.split(separator: slash).filter { !$0.elementsEqual([0x2E]) }
        depth = components.count
        normalised = components.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }
}
