import Foundation

/// The pax extended-header keys lockgate uses (`path`, `linkpath`, `size`), parsed from `LEN key=value\n` records.
struct PaxRecords {
    /// The path override.
    var path: String?
    /// The link-target override.
    var linkPath: String?
    /// The size override.
    var size: UInt64?
    /// Whether a record was malformed (the rest of the block was ignored).
    private(set) var malformed = false

    /// No overrides.
    init() {}

    /// Parses a pax data block.
    /// - Parameter data: The extended header's data.
    init(parsing data: Data) {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count, bytes[index] != 0 {
            guard let record = Self.record(bytes, at: index) else {
                malformed = true
                return
            }
            index = record.next
            guard let equals = bytes[record.body].firstIndex(of: UInt8(ascii: "=")) else {
                malformed = true
                return
            }
            let key = String(decoding: bytes[record.body.lowerBound..<equals], as: UTF8.self)
            let value = String(decoding: bytes[(equals + 1)..<record.body.upperBound], as: UTF8.self)
            switch key {
            case "path": path = value
            case "linkpath": linkPath = value
            case "size":
                guard let number = UInt64(value) else {
                    malformed = true
                    return
                }
                size = number
            default: break
            }
        }
    }

    /// These records with `other`'s values laid over them.
    func overlaid(by other: PaxRecords) -> PaxRecords {
        var merged = self
        merged.path = other.path ?? path
        merged.linkPath = other.linkPath ?? linkPath
        merged.size = other.size ?? size
        return merged
    }

    // MARK: - Private

    /// The record at `start`: its `key=value` range and where the next record starts.
    private static func record(_ bytes: [UInt8], at start: Int) -> (body: Range<Int>, next: Int)? {
        var index = start
        var length = 0
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            guard length < 100_000_000 else { return nil }
            length = length * 10 + digit
            index += 1
        }
        guard index > start, index < bytes.count, bytes[index] == UInt8(ascii: " ") else { return nil }
        let next = start + length
        guard next > index + 1, next <= bytes.count, bytes[next - 1] == UInt8(ascii: "\n") else { return nil }
        return (index + 1..<next - 1, next)
    }

    /// The value of an ASCII digit.
    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
