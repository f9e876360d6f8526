/// The words of a command line (as byte ranges), each marked as being in command position or not.
struct CommandWords {
    /// One word.
    struct Word {
        /// The word's bytes, quotes removed.
        var range: Range<Int>
        /// Whether the word is in command position.
        var isCommand: Bool
        /// Whether a `|` follows the word.
        var pipeAfter: Bool
    }

    /// The unquoted bytes all words point into.
    private var bytes: [UInt8] = []
    /// The words, in order.
    private(set) var words: [Word] = []

    /// Splits lowercased bytes.
    init(_ input: [UInt8]) {
        bytes.reserveCapacity(input.count)
        var start = 0
        var commandNext = true
        var hasEquals = false
        func flush() {
            guard bytes.count > start else { return }
            let slashFirst = bytes[start] == 0x2F
            let isCommand = commandNext && (!hasEquals || slashFirst)
            words.append(Word(range: start..<bytes.count, isCommand: isCommand, pipeAfter: false))
            if isCommand {
                commandNext = CommandWords.wrappers.contains(name(at: words.count - 1))
            } else if !(commandNext && hasEquals) {
                commandNext = false
            }
            start = bytes.count
            hasEquals = false
        }
        for byte in input {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                flush()
                if byte == 0x0A { commandNext = true }
            case 0x3B, 0x26, 0x7C, 0x28, 0x29, 0x60, 0x7B, 0x7D:
                flush()
                if byte == 0x7C, !words.isEmpty { words[words.count - 1].pipeAfter = true }
                commandNext = true
            case 0x22, 0x27: continue
            default:
                if byte == 0x3D { hasEquals = true }
                bytes.append(byte)
            }
        }
        flush()
    }

    /// The indices of words in command position.
    var commandIndices: [Int] { words.indices.filter { words[$0].isCommand } }

    /// A word's text.
    func text(at index: Int) -> String { String(decoding: bytes[words[index].range], as: UTF8.self) }

    /// A command word's name: basename without `.exe`.
    func name(at index: Int) -> String {
        var range = words[index].range
        if let slash = bytes[range].lastIndex(where: { $0 == 0x2F || $0 == 0x5C }) {
            range = (slash + 1)..<range.upperBound
        }
        if range.count > 4, bytes[(range.upperBound - 4)..<range.upperBound].elementsEqual(".exe".utf8) {
            range = range.lowerBound..<(range.upperBound - 4)
        }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The arguments of the command at `index`: the following words up to the next command word or pipe.
    func arguments(after index: Int) -> [String] {
        var result: [String] = []
        guard !words[index].pipeAfter else { return result }
        var next = index + 1
        while next < words.count && !words[next].isCommand {
            result.append(text(at: next))
            if words[next].pipeAfter { break }
            next += 1
        }
        return result
    }

    /// Whether the pipeline that the command at `index` starts feeds (through `|`) a command named in `names`.
    func pipesInto(from index: Int, anyOf names: Set<String>) -> Bool {
        var lastPipe = words[index].pipeAfter
        for position in (index + 1)..<max(index + 1, words.count) {
            if words[position].isCommand {
                guard lastPipe else { return false }
                if names.contains(name(at: position)) { return true }
                lastPipe = false
            }
            if words[position].pipeAfter { lastPipe = true }
        }
        return false
    }

    /// Words after which the next word is in command position too.
    static let wrapperNames = wrappers
    private static let wrappers: Set<String> = [
        "sudo", "nohup", "exec", "env", "command", "time", "nice", "setsid", "xargs", "timeout", "start", "doas",
        "npx", "cross-env", "eval", "then", "do", "else", "if", "while", "!",
    ]
}
