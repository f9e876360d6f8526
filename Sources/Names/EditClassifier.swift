import LockgateCore

/// Decides whether a single edit between two names looks like a typo, and of which kind.
enum EditClassifier {
    /// Classifies a single edit.
    ///
    /// Strong edits (a transposition, a doubled letter, a letter dropped inside a word, a look-alike substitution)
    /// count against any popular name. Weak edits (a neighbouring key typed instead or as well, a vowel added or
    /// changed, a letter added or dropped at the end of a word, as in `request`/`requests`) only count against the
    /// most popular names. Other edits (`css`/`csv`, `get`/`set`), and edits of digits (`vue2`/`vue3`), are not
    /// typos.
    /// - Parameters:
    ///   - edit: The edit that turns the popular key into the candidate key.
    ///   - candidate: The candidate key.
    ///   - popular: The popular key.
    ///   - ecosystem: The ecosystem (`i`/`l` are look-alikes only on PyPI, where names are compared lowercased).
    ///   - thresholds: The length limits.
    /// - Returns: The kind and whether it is strong, or nil when the edit is not a plausible typo.
    static func classify(
        _ edit: EditDistance.SingleEdit, _ candidate: [UInt8], _ popular: [UInt8], ecosystem: Ecosystem,
        thresholds: TyposquatThresholds
    ) -> (kind: TyposquatKind, strong: Bool)? {
        let shorter = min(candidate.count, popular.count)
        let close = shorter >= thresholds.closeEditMinimumLength
        let weak = shorter >= thresholds.weakEditMinimumLength
        let wordEnd = shorter >= thresholds.wordEndEditMinimumLength
        switch edit {
        case .transposition:
            return close ? (.transposition, true) : nil
        case .substitution(let from, let to):
            if isDigit(from) && isDigit(to) { return nil }
            if lookAlike(from, to, ecosystem) { return close ? (.homoglyph, true) : nil }
            let slip = Keyboard.adjacent(from, to) || (isVowel(from) && isVowel(to))
            return shorter >= thresholds.weakSubstitutionMinimumLength && slip ? (.editDistance(1), false) : nil
        case .insertion(let position):
            let byte = candidate[position]
            if isDigit(byte) { return nil }
            let doubled = (position > 0 && candidate[position - 1] == byte)
                || (position + 1 < candidate.count && candidate[position + 1] == byte)
            if doubled { return close ? (.doubledLetter, true) : nil }
            if endsWord(candidate, at: position) { return wordEnd ? (.editDistance(1), false) : nil }
            let slip = isVowel(byte)
                || (position > 0 && Keyboard.adjacent(byte, candidate[position - 1]))
                || (position + 1 < candidate.count && Keyboard.adjacent(byte, candidate[position + 1]))
            return weak && slip ? (.editDistance(1), false) : nil
        case .deletion(let position):
            if isDigit(popular[position]) { return nil }
            if endsWord(popular, at: position) { return wordEnd ? (.droppedLetter, false) : nil }
            return close ? (.droppedLetter, true) : nil
        }
    }

    /// Whether the two keys differ only inside one word (a run between separators) that is at least
    /// `minimumWordLength` long in both.
    /// - Parameters:
    ///   - a: One key.
    ///   - b: The other.
    ///   - minimumWordLength: The shortest word the edits may fall in.
    /// - Returns: True when every difference lies in one long enough word.
    static func editsInOneWord(_ a: [UInt8], _ b: [UInt8], minimumWordLength: Int) -> Bool {
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        return [a, b].allSatisfy { key in
            var start = prefix
            while start > 0, !isBoundary(key[start - 1]) { start -= 1 }
            var end = key.count - suffix
            while end < key.count, !isBoundary(key[end]) { end += 1 }
            let word = key[start..<end]
            return word.count >= minimumWordLength && !word.contains(where: isBoundary)
        }
    }

    // MARK: - Private

    /// Whether the byte at `position` is the last of its word.
    private static func endsWord(_ key: [UInt8], at position: Int) -> Bool {
        position + 1 == key.count || isBoundary(key[position + 1])
    }

    private static func isBoundary(_ byte: UInt8) -> Bool {
        NameForms.isSeparator(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Vowels are what people mishear and misspell (`colourama`, `djanga`).
    private static func isVowel(_ byte: UInt8) -> Bool { "aeiouy".utf8.contains(byte) }

    private static func lookAlike(_ a: UInt8, _ b: UInt8, _ ecosystem: Ecosystem) -> Bool {
        let pair: Set<UInt8> = [a, b]
        if ecosystem == .pypi && pair == [UInt8(ascii: "i"), UInt8(ascii: "l")] { return true }
        return pair == [UInt8(ascii: "1"), UInt8(ascii: "l")] || pair == [UInt8(ascii: "0"), UInt8(ascii: "o")]
    }
}
