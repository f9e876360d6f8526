/// Skipping runs of ordinary bytes eight at a time (comments, string bodies).
extension PythonLexerState {
    /// The first offset from `start` whose eight-byte word may hold one of four bytes: whole words holding none of
    /// them are skipped (a word is only read when all its bytes are before `n`). The caller's byte loop then looks
    /// at the byte itself, so this only saves work, never changes a result.
    @inline(__always)
    func skipWords(from start: Int, _ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) -> Int {
        guard let base = b.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let (a, b2) = (ones &* UInt64(first), ones &* UInt64(second))
        let (c, d) = (ones &* UInt64(third), ones &* UInt64(fourth))
        var cursor = start
        while cursor + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
            // A byte of `word ^ x` is zero where the word holds that byte; `(v - ones) & ~v & highs` is non-zero
            // exactly when some byte of `v` is zero.
            let (va, vb, vc, vd) = (word ^ a, word ^ b2, word ^ c, word ^ d)
            let hits = ((va &- ones) & ~va) | ((vb &- ones) & ~vb) | ((vc &- ones) & ~vc) | ((vd &- ones) & ~vd)
            if hits & highs != 0 { return cursor }
            cursor += 8
        }
        return cursor
    }
}
