extension PythonFileContext {
    /// The index of the first token at or after `start` that code on its line hides past the edge of the screen
    /// (`OffscreenCode`), or `Int.max`. Tokens inside f-strings are left out: spaces in a literal part are text.
    /// - Parameter start: The first token to look at.
    /// - Returns: A token index, or `Int.max` when no later token is hidden.
    func nextOffscreenToken(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard Self.hasLongBlankRun(buffer) else { return Int.max }  // then no token is hidden
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

    /// Whether the bytes hold a run of at least `OffscreenCode.minimumGap` spaces or tabs anywhere (what hiding a
    /// token needs). Such a run covers a multiple of half the gap, so only those offsets are probed; a blank one is
    /// measured (at most a gap to the left, and to the right up to where the next probe resumes): linear time.
    private static func hasLongBlankRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let gap = OffscreenCode.minimumGap
        let step = gap / 2
        var probe = 0
        while probe < bytes.count {
            guard bytes[probe] == 0x20 || bytes[probe] == 0x09 else {
                probe += step
                continue
            }
            var start = probe
            while start > 0 && probe - start < gap && (bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09) {
                start -= 1
            }
            var end = probe + 1
            while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
            if end - start >= gap { return true }
            probe = end + step - end % step  // the next multiple of `step` after the run
        }
        return false
    }
}
