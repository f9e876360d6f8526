/// The lexer's growing list of lexemes and their interned name ids, one pair per token.
///
/// Appending is a capacity check and two stores: no uniqueness check of a copy-on-write array (which costs a call
/// per append) and no separate list of names to scatter afterwards. The storage is two manually allocated blocks
/// owned by this object (freed by `deinit`); every access is below `count`, which never exceeds the capacity the
/// blocks were allocated with, and the lexemes are plain values (no reference counting), so they are copied by
/// bytes. The lexer of one file owns one buffer and never shares it across threads.
final class PythonLexerTokenBuffer {
    /// The number of tokens appended.
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var lexemes: UnsafeMutablePointer<PythonLexeme>
    @exclusivity(unchecked) private var nameIds: UnsafeMutablePointer<Int32>

    /// Creates an empty buffer.
    /// - Parameter capacity: The number of tokens expected (it grows past that as needed).
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        lexemes = .allocate(capacity: self.capacity)
        nameIds = .allocate(capacity: self.capacity)
    }

    deinit {
        lexemes.deallocate()
        nameIds.deallocate()
    }

    /// Appends a token and its interned name id (-1 for every token but a name that is no keyword).
    @inline(__always)
    func append(_ lexeme: PythonLexeme, nameId: Int32) {
        if count == capacity { grow() }
        (lexemes + count).initialize(to: lexeme)
        (nameIds + count).initialize(to: nameId)
        count += 1
    }

    /// The tokens as arrays: the lexemes, each one's name id, operator or keyword code and kind.
    func arrays() -> (tokens: [PythonLexeme], nameIds: [Int32], codes: [PythonCode], kinds: [PythonToken.Kind]) {
        let count = count
        let tokens = Array(UnsafeBufferPointer(start: lexemes, count: count))
        let ids = Array(UnsafeBufferPointer(start: nameIds, count: count))
        var kinds: [PythonToken.Kind] = []
        let codes = [PythonCode](unsafeUninitializedCapacity: count) { codeBuffer, codeCount in
            kinds = [PythonToken.Kind](unsafeUninitializedCapacity: count) { kindBuffer, kindCount in
                for index in 0..<count {
                    let lexeme = lexemes[index]
                    codeBuffer.initializeElement(at: index, to: lexeme.code)
                    kindBuffer.initializeElement(at: index, to: lexeme.kind)
                }
                kindCount = count
            }
            codeCount = count
        }
        return (tokens, ids, codes, kinds)
    }

    // MARK: - Private

    /// Doubles the capacity, moving the tokens to new blocks.
    private func grow() {
        let larger = capacity * 2
        let newLexemes = UnsafeMutablePointer<PythonLexeme>.allocate(capacity: larger)
        newLexemes.moveInitialize(from: lexemes, count: count)
        lexemes.deallocate()
        lexemes = newLexemes
        let newIds = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        newIds.moveInitialize(from: nameIds, count: count)
        nameIds.deallocate()
        nameIds = newIds
        capacity = larger
    }
}
