extension PythonFileContext {
    /// The index of the first token at or after `start` that code on its line hides past the edge of the screen
    /// (`OffscreenCode`), or `Int.max`. Tokens inside f-strings are left out: spaces in a literal part are text.
    /// - Parameter start: The first token to look at.
    /// - Returns: A token index, or `Int.max` when no later token is hidden.
    func nextOffscreenToken(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = max(start, 1)
            while index < tokens.count {
                let current = tokens[index]
                switch current.kind {
                case .newline, .indent, .dedent, .endMarker, .fstringMiddle, .fstringEnd: break
                default:
                    let previous = tokens[index - 1].kind
                    if previous != .fstringStart && previous != .fstringMiddle
                        && OffscreenCode.hides(buffer, tokenAt: current.offset)
                    {
                        return index
                    }
                }
                index += 1
            }
            return Int.max
        }
    }
}
