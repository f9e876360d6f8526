import Foundation

/// Bounds-checked little-endian reads from `Data` at offsets counted from its first byte (slices included).
struct ByteView {
    /// The bytes.
    let data: Data

    /// Wraps `data`.
    init(_ data: Data) { self.data = data }

    /// The number of bytes.
    var count: Int { data.count }

    /// The byte at `offset`, or `nil` past the end.
    func byte(_ offset: Int) -> UInt8? {
        guard offset >= 0, offset < data.count else { return nil }
        return data[data.startIndex + offset]
    }

    /// The unsigned little-endian integer of `width` bytes at `offset`, or `nil` when it does not fit.
    func uint(_ offset: Int, width: Int) -> UInt64? {
        guard offset >= 0, width <= 8, offset <= data.count - width else { return nil }
        var value: UInt64 = 0
        let start = data.startIndex + offset
        for index in (0..<width).reversed() { value = value << 8 | UInt64(data[start + index]) }
        return value
    }

    /// A 16-bit little-endian value.
    func u16(_ offset: Int) -> Int? { uint(offset, width: 2).map { Int($0) } }

    /// A 32-bit little-endian value.
    func u32(_ offset: Int) -> UInt64? { uint(offset, width: 4) }

    /// A 64-bit little-endian value.
    func u64(_ offset: Int) -> UInt64? { uint(offset, width: 8) }

    /// Whether `bytes` appear at `offset`.
    func matches(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= data.count - bytes.count else { return false }
        let start = data.startIndex + offset
        for (index, byte) in bytes.enumerated() where data[start + index] != byte { return false }
        return true
    }

    /// A copy of `length` bytes at `offset` (starting at index 0), clipped to the end.
    func subdata(_ offset: Int, _ length: Int) -> Data {
        let lower = min(max(0, offset), data.count)
        let upper = min(data.count, lower + max(0, min(length, data.count)))
        return data.subdata(in: (data.startIndex + lower)..<(data.startIndex + upper))
    }
}

extension Int {
    /// `value` as an `Int` when it fits, else `Int.max` (callers compare it with limits, so "too big" is enough).
    init(clamping64 value: UInt64) {
        self = value > UInt64(Int.max) ? Int.max : Int(value)
    }
}
