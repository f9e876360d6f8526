extension JavaScriptCode {
    /// The index of the first token at or after `start` that code on its line hides past the edge of the screen
    /// (`OffscreenCode`), or `Int.max`. Spaces inside strings and templates are part of their tokens, so only the
    /// gaps between tokens count.
    /// - Parameter start: The first token to look at.
    /// - Returns: A token index, or `Int.max` when no later token is hidden.
    func nextOffscreenToken(from start: Int) -> Int {
        // Only the tokens the lexer saw after a long gap on their line can be hidden (`gapTokens`, in order).
        let gaps = gapTokens
        var low = 0, high = gaps.count
        while low < high {
            let mid = (low + high) / 2
            if Int(gaps[mid]) < start { low = mid + 1 } else { high = mid }
        }
        guard low < gaps.count else { return Int.max }
        return source.bytes.withUnsafeBufferPointer { buffer in
            for position in low..<gaps.count {
                let index = Int(gaps[position])
                if OffscreenCode.hides(buffer, tokenAt: Int(tokens[index].start)) { return index }
            }
            return Int.max
        }
    }
}
