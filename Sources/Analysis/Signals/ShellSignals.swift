/// Command-line recognition for string constants: splits a lowercased string into words, marks the words in command
/// position (start, or after `;`, `&`, `|`, `(`, `$(`, a backquote, or a wrapper such as `sudo`/`nohup`), and looks
/// for the shapes of droppers, reverse shells and encoded launchers.
enum ShellSignals {
    /// Whether a lowercased string is a shell command line of a suspicious shape.
    static func isShellCommand(_ lower: String) -> Bool {
        isShellCommand(lowered: ByteSearch.lowered(lower))
    }

    /// Both checks over one split: (shell command, recon command).
    static func classify(lowered bytes: [UInt8]) -> (shell: Bool, recon: Bool) {
        if markers.occurs(in: bytes) { return (true, bytes.count <= 200 && isReconCommand(words: CommandWords(bytes))) }
        guard mayHoldCommand(bytes) else { return (false, false) }
        let words = CommandWords(bytes)
        let shell = markers.occurs(in: bytes) || isShellCommand(words: words)
        return (shell, bytes.count <= 200 && isReconCommand(words: words))
    }

    /// Whether ASCII-lowercased bytes are a shell command line of a suspicious shape.
    static func isShellCommand(lowered bytes: [UInt8]) -> Bool {
        if markers.occurs(in: bytes) { return true }
        return isShellCommand(words: CommandWords(bytes))
    }

    /// Whether split words are a shell command line of a suspicious shape.
    static func isShellCommand(words: CommandWords) -> Bool {
        for index in words.commandIndices {
            let name = words.name(at: index)
            guard knownNames.contains(name) else { continue }
            if commandMatches(name, arguments: words.arguments(after: index), words: words, at: index) { return true }
        }
        return false
    }

    /// Whether a lowercased string is a reconnaissance command (`whoami`, `uname -a`, `ipconfig /all`, `net user`).
    static func isReconCommand(_ lower: String) -> Bool {
        isReconCommand(lowered: ByteSearch.lowered(lower))
    }

    /// Whether ASCII-lowercased bytes are a reconnaissance command.
    static func isReconCommand(lowered bytes: [UInt8]) -> Bool {
        guard bytes.count <= 200 else { return false }
        return isReconCommand(words: CommandWords(bytes))
    }

    /// Whether split words (of a string of at most 200 bytes) are a reconnaissance command.
    static func isReconCommand(words: CommandWords) -> Bool {
        for index in words.commandIndices {
            let name = words.name(at: index)
            if reconAlways.contains(name) { return true }
            guard reconWithFlags.contains(name) else { continue }
            if let first = words.arguments(after: index).first,
                first.hasPrefix("-") || first.hasPrefix("/") || reconSubcommands.contains(first)
            {
                return true
            }
        }
        return false
    }

    // MARK: - Private

    /// A quick test before splitting: whether the first word of some segment (the start, or after `;`, `&`, `|`,
    /// `(`, a backquote, `{`, `$(` or a newline) is a known command, a wrapper, a recon command or an assignment.
    private static func mayHoldCommand(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            while index < count, isWordGap(bytes[index]) { index += 1 }
            let start = index
            while index < count, !isSegmentEnd(bytes[index]), bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
            if index > start, index - start <= 64, isCommandLike(bytes[start..<index]) { return true }
            while index < count, !isSegmentEnd(bytes[index]) { index += 1 }
            index += 1
        }
        return false
    }

    /// Whether a byte is skipped before a segment's first word: a space, tab, quote or carriage return.
    private static func isWordGap(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x22, 0x27, 0x0D: true
        default: false
        }
    }

    private static func isSegmentEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3B, 0x26, 0x7C, 0x28, 0x60, 0x0A, 0x7B: true
        default: false
        }
    }

    /// Whether a word may start a command: a known name (basename, without `.exe`), or an assignment.
    private static func isCommandLike(_ word: ArraySlice<UInt8>) -> Bool {
        var word = word
        if word.first == 0x24 { return true }
        if let slash = word.lastIndex(where: { $0 == 0x2F || $0 == 0x5C }) { word = word[(slash + 1)...] }
        if word.contains(0x3D) { return true }
        guard word.count <= longestName + 4 else { return false }
        // Every name is ASCII, so stripping `.exe` by bytes and ruling out a (length, first byte) no name has gives
        // the `String` answer without making a `String` for most words.
        if word.count >= 4 && word.suffix(4).elementsEqual(".exe".utf8) { word = word.dropLast(4) }
        guard let first = word.first, word.count <= longestName,
            commandNameStarts[word.count << 8 | Int(first)]
        else { return false }
        return commandLikeNames.contains(String(decoding: word, as: UTF8.self))
    }

    /// The names `isCommandLike` looks for.
    private static let commandLikeNames = knownNames.union(reconAlways).union(reconWithFlags).union(
        CommandWords.wrapperNames)

    /// The length of the longest name `isCommandLike` looks for (a word may add `.exe`).
    private static let longestName = commandLikeNames.map(\.utf8.count).max() ?? 0

    /// Whether some name has a given length and first byte, at `length << 8 | first`.
    private static let commandNameStarts: [Bool] = {
        var table = [Bool](repeating: false, count: (longestName + 1) << 8)
        for name in commandLikeNames {
            if let first = name.utf8.first { table[name.utf8.count << 8 | Int(first)] = true }
        }
        return table
    }()

    private static let markers = MarkerSet([
        "/dev/tcp/", "/dev/udp/", "new-object net.webclient", "downloadstring(", "invoke-webrequest",
        "invoke-expression", "iex(",
    ])
    private static let knownNames: Set<String> = shells.union(alwaysSuspicious).union([
        "curl", "wget", "nc", "ncat", "netcat", "socat", "telnet", "powershell", "pwsh", "cmd", "chmod", "python",
        "python2", "python3", "py", "node", "nodejs", "perl", "ruby", "php", "base64", "rm", "reg", "xattr",
        "systemctl",
    ])
    private static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "ash", "fish"]
    private static let interpreters: Set<String> = [
        "sh", "bash", "zsh", "dash", "ksh", "ash", "python", "python2", "python3", "perl", "ruby", "node", "php",
        "iex", "powershell", "pwsh",
    ]
    private static let alwaysSuspicious: Set<String> = [
        "mkfifo", "mshta", "rundll32", "regsvr32", "wscript", "cscript", "schtasks", "wmic", "vssadmin", "bitsadmin",
        "crontab", "start-process", "nohup", "setsid", "launchctl", "osascript", "certutil",
    ]
    private static let reconAlways: Set<String> = [
        "whoami", "ifconfig", "ipconfig", "systeminfo", "lsb_release", "sw_vers", "hostnamectl",
    ]
    private static let reconWithFlags: Set<String> = [
        "uname", "hostname", "id", "ip", "net", "netstat", "arp", "getent",
    ]
    private static let reconSubcommands: Set<String> = [
        "user", "users", "config", "localgroup", "addr", "a", "route", "passwd",
    ]

    private static func commandMatches(_ name: String, arguments: [String], words: CommandWords, at index: Int) -> Bool
    {
        switch name {
        case "curl", "wget":
            if words.pipesInto(from: index, anyOf: interpreters) { return true }
            return arguments.contains { $0.contains("://") || $0.hasPrefix("$") || looksLikeHost($0) }
        case _ where shells.contains(name):
            return arguments.contains {
                $0 == "-c" || $0 == "-i" || ($0.hasPrefix("-") && $0.contains("c") && $0.count <= 4)
            }
        case "nc", "ncat", "netcat", "socat", "telnet":
            return arguments.contains {
                ["-e", "-c", "--exec", "--sh-exec", "exec:/bin/sh", "exec:/bin/bash"].contains($0)
            }
                || arguments.count >= 2
        case "powershell", "pwsh", "cmd":
            return !arguments.isEmpty
        case "chmod":
            return arguments.contains {
                ["+x", "u+x", "a+x", "777", "755", "775", "0755", "0777", "+rwx"].contains($0)
            }
        case "python", "python2", "python3", "py":
            return arguments.contains("-c")
        case "node", "nodejs":
            return arguments.contains { ["-e", "--eval", "-p", "--print"].contains($0) }
        case "perl", "ruby":
            return arguments.contains("-e")
        case "php":
            return arguments.contains("-r")
        case "base64":
            return arguments.contains { ["-d", "--decode", "-D"].contains($0) }
        case "rm":
            return arguments.contains { $0.hasPrefix("-") && $0.contains("r") }
                && arguments.contains { $0 == "/" || $0.hasPrefix("/*") || $0.hasPrefix("~") || $0.hasPrefix("$home") }
        case "reg":
            return arguments.first == "add" || arguments.first == "delete"
        case "xattr":
            return arguments.contains("com.apple.quarantine")
        case "systemctl":
            return arguments.contains("--user") || arguments.contains("enable")
        default:
            return alwaysSuspicious.contains(name) && !arguments.isEmpty
        }
    }

    /// `evil.example.com`, `1.2.3.4:80/x`: letters, digits, dots, dashes, colon, slash, with an inner dot.
    private static func looksLikeHost(_ word: String) -> Bool {
        guard let dot = word.firstIndex(of: "."), dot != word.startIndex, !word.hasSuffix(".") else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:/_?=&%".contains($0)) }
    }
}
