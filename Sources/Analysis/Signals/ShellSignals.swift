/// Command-line recognition for string constants: splits a lowercased string into words, marks the words in command
/// position (start, or after `;`, `&`, `|`, `(`, `$(`, a backquote, or a wrapper such as `sudo`/`nohup`), and looks
/// for the shapes of droppers, reverse shells and encoded launchers.
enum ShellSignals {
    /// Whether a lowercased string is a shell command line of a suspicious shape.
    static func isShellCommand(_ lower: String) -> Bool {
        if lower.contains("/dev/tcp/") || lower.contains("/dev/udp/") { return true }
        if lower.contains("new-object net.webclient") || lower.contains("downloadstring(")
            || lower.contains("invoke-webrequest") || lower.contains("invoke-expression") || lower.contains("iex(")
        {
            return true
        }
        let words = CommandWords(lower)
        for (index, word) in words.words.enumerated() where word.isCommand {
            if commandMatches(word.name, arguments: words.arguments(after: index), words: words, at: index) {
                return true
            }
        }
        return false
    }

    /// Whether a lowercased string is a reconnaissance command (`whoami`, `uname -a`, `ipconfig /all`, `net user`).
    static func isReconCommand(_ lower: String) -> Bool {
        guard lower.utf8.count <= 200 else { return false }
        let words = CommandWords(lower)
        for (index, word) in words.words.enumerated() where word.isCommand {
            let arguments = words.arguments(after: index)
            if reconAlways.contains(word.name) { return true }
            if reconWithFlags.contains(word.name), let first = arguments.first,
                first.hasPrefix("-") || first.hasPrefix("/") || reconSubcommands.contains(first)
            {
                return true
            }
        }
        return false
    }

    // MARK: - Private

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
    private static let reconWithFlags: Set<String> = ["uname", "hostname", "id", "ip", "net", "netstat", "arp", "getent"]
    private static let reconSubcommands: Set<String> = ["user", "users", "config", "localgroup", "addr", "a", "route", "passwd"]

    private static func commandMatches(_ name: String, arguments: [String], words: CommandWords, at index: Int) -> Bool {
        switch name {
        case "curl", "wget":
            if words.pipesInto(from: index, anyOf: interpreters) { return true }
            return arguments.contains { $0.contains("://") || $0.hasPrefix("$") || looksLikeHost($0) }
        case _ where shells.contains(name):
            return arguments.contains { $0 == "-c" || $0 == "-i" || ($0.hasPrefix("-") && $0.contains("c") && $0.count <= 4) }
        case "nc", "ncat", "netcat", "socat", "telnet":
            return arguments.contains { ["-e", "-c", "--exec", "--sh-exec", "exec:/bin/sh", "exec:/bin/bash"].contains($0) }
                || arguments.count >= 2
        case "powershell", "pwsh", "cmd":
            return !arguments.isEmpty
        case "chmod":
            return arguments.contains { ["+x", "u+x", "a+x", "777", "755", "775", "0755", "0777", "+rwx"].contains($0) }
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

/// The words of a command line, each marked as being in command position or not.
struct CommandWords {
    /// One word.
    struct Word {
        /// The word without quotes.
        var text: String
        /// The command name: basename without `.exe`, when in command position.
        var name: String
        /// Whether the word is in command position.
        var isCommand: Bool
        /// Whether a `|` follows this word's command (the word ends a pipeline stage).
        var pipeAfter: Bool
    }

    /// The words, in order.
    private(set) var words: [Word] = []

    /// Splits a lowercased command line.
    init(_ lower: String) {
        var current = ""
        var commandNext = true
        func flush() {
            guard !current.isEmpty else { return }
            let isCommand = commandNext && (!current.contains("=") || current.hasPrefix("/"))
            var name = current
            if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: slash)...]) }
            if name.hasSuffix(".exe") { name.removeLast(4) }
            words.append(Word(text: current, name: name, isCommand: isCommand, pipeAfter: false))
            if isCommand {
                commandNext = Self.wrappers.contains(name)
            } else if !(commandNext && current.contains("=")) {
                commandNext = false
            }
            current = ""
        }
        for character in lower {
            switch character {
            case " ", "\t", "\n", "\r":
                flush()
                if character == "\n" { commandNext = true }
            case ";", "&", "|", "(", ")", "`", "{", "}":
                flush()
                if character == "|", let last = words.indices.last { words[last].pipeAfter = true }
                commandNext = true
            case "\"", "'":
                continue
            case "$" where current.isEmpty:
                current.append(character)
            default:
                current.append(character)
            }
        }
        flush()
    }

    /// The arguments of the command at `index`: the following words up to the next command word.
    func arguments(after index: Int) -> [String] {
        var result: [String] = []
        var next = index + 1
        while next < words.count && !words[next].isCommand {
            result.append(words[next].text)
            if words[next].pipeAfter { break }
            next += 1
        }
        return result
    }

    /// Whether the pipeline that the command at `index` starts feeds (through `|`) a command named in `names`.
    func pipesInto(from index: Int, anyOf names: Set<String>) -> Bool {
        var lastPipe = words[index].pipeAfter
        for word in words[(index + 1)...] {
            if word.isCommand {
                guard lastPipe else { return false }
                if names.contains(word.name) { return true }
                lastPipe = false
            }
            if word.pipeAfter { lastPipe = true }
        }
        return false
    }

    private static let wrappers: Set<String> = [
        "sudo", "nohup", "exec", "env", "command", "time", "nice", "setsid", "xargs", "timeout", "start", "doas",
        "npx", "cross-env", "eval", "then", "do", "else", "if", "while", "!",
    ]
}
