/// Decodes zip entry names: UTF-8 when flagged or valid, else code page 437 (the zip default).
enum ZipName {
    /// Code page 437, bytes 0x80 to 0xFF.
    static let cp437High = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ" + "áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}"
    )

    /// Decodes `bytes`, cut at the first NUL as Python's zipfile does.
    /// - Parameters:
    ///   - bytes: The raw name.
    ///   - utf8Flag: Whether general-purpose bit 11 is set.
    /// - Returns: The name.
    static func decode(_ bytes: [UInt8], utf8Flag: Bool) -> String {
        let name = bytes.prefix { $0 != 0 }
        if utf8Flag { return String(decoding: name, as: UTF8.self) }
        if let text = String(validating: name, as: UTF8.self) { return text }
        return String(name.map { byte -> Character in
            let index = Int(byte) - 0x80
            if index < 0 { return Character(UnicodeScalar(byte)) }
            return index < cp437High.count ? cp437High[index] : "\u{FFFD}"
        })
    }
}
