/// Columns of byte offsets in one file, counted in Unicode scalars (UTF-8 bytes that are no continuation byte).
///
/// One pass over the bytes records how many scalars start before each 64-byte block; a column then costs at most
/// two partial blocks, so reporting many tokens of a 1 MB single-line file stays linear.
struct PythonColumns {
    private static let blockSize = 64
    /// The number of scalars before each block (`blocks[k]` for the bytes before offset `k * blockSize`).
    private var blocks: [Int] = [0]

    /// Counts the scalars of each block.
    /// - Parameter bytes: The file's bytes.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        blocks.reserveCapacity(bytes.count / Self.blockSize + 1)
        var count = 0
        var cursor = 0
        while cursor + Self.blockSize <= bytes.count {
            count += Self.scalars(bytes, from: cursor, to: cursor + Self.blockSize)
            cursor += Self.blockSize
            blocks.append(count)
        }
    }

    /// The 1-based column of the byte at `offset` on a line whose columns count from `base`.
    /// - Parameters:
    ///   - base: Where the line's columns are counted from (`PythonLexeme.columnBase`).
    ///   - offset: The byte offset.
    ///   - bytes: The file's bytes (the ones this table was made from).
    /// - Returns: The column.
    func column(base: Int, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let end = max(0, min(offset, bytes.count))
        let start = max(0, min(base, end))
        return 1 + scalarsBefore(end, bytes) - scalarsBefore(start, bytes)
    }

    // MARK: - Private

    private func scalarsBefore(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let block = offset / Self.blockSize
        return blocks[block] + Self.scalars(bytes, from: block * Self.blockSize, to: offset)
    }

    /// The scalars that start in `start..<end` (eight bytes at a time, then byte by byte).
    private static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var cursor = start
        var count = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while cursor + 8 <= end && cursor + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                count += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                cursor += 8
            }
        }
        while cursor < end {
            if bytes[cursor] & 0xC0 != 0x80 { count += 1 }
            cursor += 1
        }
        return count
    }
}
