import LockgateCore

extension PythonFileContext {
    /// Reports `obfuscatedIdentifiers` for a file whose names a name obfuscator gave.
    ///
    /// The behaviour is reported at the first use of a confusable name when the file has at least
    /// `ConfusableNames.minimumNames` distinct ones (`IlIlIlII`, `O0OO00O0`, `________`). The names are read from
    /// the lexer's table of the file's ASCII names, so the cost is one pass over the distinct names; the tokens are
    /// scanned only in a file that qualifies.
    func reportConfusableNames() {
        var confusable: [Bool] = []
        var count = 0
        for id in 0..<Int32(names.count) where names.isConfusable(id) {
            if confusable.isEmpty { confusable = [Bool](repeating: false, count: names.count) }
            confusable[Int(id)] = true
            count += 1
        }
        guard count >= ConfusableNames.minimumNames,
            let first = nameIds.firstIndex(where: { $0 >= 0 && Int($0) < confusable.count && confusable[Int($0)] })
        else { return }
        emit(.obfuscatedIdentifiers, at: first)
    }
}
