extension JavaScriptWalker {
    /// The index of the first token at or after `start` that code on its line hides past the edge of the screen
    /// (`OffscreenCode`), or `Int.max`. Spaces inside strings and templates are part of their tokens, so only the
    /// gaps between tokens count.
    /// - Parameter start: The first token to look at.
    /// - Returns: A token index, or `Int.max` when no later token is hidden.
    func nextOffscreenToken(from start: Int) -> Int {
        let tokens = code.tokens
        return code.source.bytes.withUnsafeBufferPointer { buffer in
            var index = max(start, 1)
            while index < tokens.count {
                let token = tokens[index]
                if !token.isAfterNewline && Int(token.start) - Int(tokens[index - 1].end) >= OffscreenCode.minimumGap
                    && OffscreenCode.hides(buffer, tokenAt: Int(token.start))
                {
                    return index
                }
                index += 1
            }
            return Int.max
        }
    }
}
