import Foundation
import LockgateCore

/// Turns lockfile bytes into text, or says where they stop being text.
public enum TextDecoding {
    /// Decodes UTF-8 (a leading BOM is dropped), rejecting binary input.
    /// - Parameters:
    ///   - data: The bytes.
    ///   - path: The lockfile path, for errors.
    /// - Returns: The text.
    /// - Throws: `LockfileError` at the first byte that is not UTF-8 text (invalid sequences or NUL).
    public static func utf8(_ data: Data, path: String) throws(LockfileError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstNonText(bytes) {
            let location = LineIndex(bytes).location(of: offset)
            throw LockfileError(path: path, location: location, message: "not UTF-8 text (binary data); expected a lockfile")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first NUL byte or invalid UTF-8 sequence, or nil when the bytes are text.
    private static func firstNonText(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 { return index }
            if byte < 0x80 { index += 1; continue }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
