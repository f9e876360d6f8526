import Foundation
import LockgateCore

extension ShellRun {
    /// The behaviours and follow-ups of one command by its name; returns whether it downloads something.
    mutating func rules(
        name: String, head: ShellToken, arguments: [ShellToken], command: ShellCommand, depth: Int,
        anchor: ShellToken?, pipedFromDownload: Bool
    ) -> Bool {
        let texts = arguments.map(\.text)
        let lowered = texts.map { $0.lowercased() }
        if let language = ShellRun.inlineLanguage(name) {
            interpreter(
                language, head: head, arguments: arguments, depth: depth, anchor: anchor,
                pipedFromDownload: pipedFromDownload)
            return false
        }
        switch name {
        case "curl", "wget", "invoke-webrequest", "iwr", "invoke-restmethod", "irm", "fetch", "aria2c":
            emit(.useNetwork, at: head, anchor: anchor)
            recordDownload(name: name, arguments: texts)
            return true
        case "certutil" where lowered.contains("-urlcache"), "bitsadmin":
            emit(.useNetwork, at: head, anchor: anchor)
            recordDownload(name: name, arguments: texts)
            return true
        case "certutil" where lowered.contains("-decode"), "base64", "xxd", "openssl", "uudecode", "gunzip", "zcat":
            emit(.useEncoding, at: head, anchor: anchor)
        case "nc", "ncat", "netcat", "socat", "telnet":
            // A raw socket: what it receives can be piped into a shell (`nc 45.9.1.2 443 | sh`).
            emit(.useNetwork, at: head, anchor: anchor)
            rawAddresses(in: arguments, anchor: anchor)
            return true
        case "ssh", "scp", "sftp", "ftp", "tftp", "rsync":
            emit(.useNetwork, at: head, anchor: anchor)
            rawAddresses(in: arguments, anchor: anchor)
        case "nslookup", "dig", "host", "drill", "resolveip":
            emit(arguments.contains(where: \.isDynamic) ? .dnsExfiltration : .dnsLookup, at: head, anchor: anchor)
        case "ping", "ping6", "traceroute":
            emit(arguments.contains(where: \.isDynamic) ? .dnsExfiltration : .useNetwork, at: head, anchor: anchor)
        case "whoami", "hostname", "uname", "id", "ifconfig", "ipconfig", "ip", "systeminfo", "netstat", "arp",
            "lsb_release", "sw_vers", "hostnamectl", "getent", "ps", "w", "who", "groups", "net":
            emit(.reconHost, at: head, anchor: anchor)
        case "env", "printenv", "set", "export", "declare", "get-childitem", "gci", "dir":
            if name == "printenv", !arguments.isEmpty {
                emit(.readEnvironmentVariable, at: head, anchor: anchor)
            } else if arguments.isEmpty || lowered.contains("-p") || lowered.contains("-x")
                || lowered.contains(where: { $0.hasPrefix("env:") })
            {
                emit(.readEnvironmentAll, at: head, anchor: anchor)
            }
        case "cat", "head", "tail", "less", "more", "strings", "type", "get-content", "gc":
            if !arguments.isEmpty { emit(.readFile, at: head, anchor: anchor) }
        case "cp", "mv", "tee", "dd", "install", "copy", "move", "set-content", "out-file":
            emit(.writeFile, at: head, anchor: anchor)
            if let target = texts.last(where: { !$0.hasPrefix("-") }) { written.insert(ShellRun.normalise(target)) }
        case "eval", "iex", "invoke-expression":
            emit(.evalCode, at: head, anchor: anchor)
            if pipedFromDownload || sawDownloadIn(arguments) { emit(.downloadExecute, at: head, anchor: anchor) }
            analyse(texts.joined(separator: " "), depth: depth + 1, anchor: anchor ?? head)
        case "crontab" where lowered != ["-l"], "schtasks" where lowered.contains("/create"), "at":
            emit(.persistence, at: head, anchor: anchor)
        case "launchctl" where lowered.contains { ["load", "bootstrap", "submit", "enable"].contains($0) }:
            emit(.persistence, at: head, anchor: anchor)
        case "systemctl" where lowered.contains("enable") || lowered.contains("--user"):
            emit(.persistence, at: head, anchor: anchor)
        case "reg" where lowered.first == "add" && lowered.contains { $0.contains("currentversion\\run") }:
            emit(.persistence, at: head, anchor: anchor)
        case "powershell", "pwsh", "cmd":
            powershell(head: head, arguments: arguments, anchor: anchor, pipedFromDownload: pipedFromDownload)
        case "perl", "ruby", "php", "osascript", "mshta", "wscript", "cscript", "rundll32", "regsvr32":
            emit(.spawnProcess, at: head, anchor: anchor)
            if lowered.contains("-e") || lowered.contains("-r") { emit(.evalCode, at: head, anchor: anchor) }
            if pipedFromDownload { emit(.downloadExecute, at: head, anchor: anchor) }
            // Windows launchers that run a file of the package (`rundll32 shell32.dll,Control_RunDLL x.js`,
            // `wscript //B x.vbs`): the file is walked like one a shell runs.
            if ["mshta", "wscript", "cscript", "rundll32", "regsvr32"].contains(name),
                let file = texts.compactMap(ShellRun.launchedFile).first
            {
                run(file, .direct, at: head, anchor: anchor)
            }
        case "npm", "yarn", "pnpm", "bun":
            packageManager(name, arguments: texts)
        case "source", ".":
            if let file = texts.first { run(file, .shell, at: head, anchor: anchor) }
        case "ts-node", "tsx", "babel-node":
            if let file = texts.first(where: { !$0.hasPrefix("-") }) { run(file, .node, at: head, anchor: anchor) }
        case _ where ShellRun.neutralCommands.contains(name):
            break
        default:
            if head.text.contains("/") || downloads.contains(ShellRun.normalise(head.text))
                || written.contains(ShellRun.normalise(head.text))
            {
                emit(.spawnProcess, at: head, anchor: anchor)
                run(head.text, .direct, at: head, anchor: anchor)
            } else {
                emit(.spawnProcess, at: head, anchor: anchor)
            }
        }
        return false
    }

    /// Commands that build, copy or print and carry no behaviour of their own.
    static let neutralCommands: Set<String> = [
        "node-gyp", "node-pre-gyp", "prebuild-install", "prebuild", "cmake-js", "node-gyp-build", "husky", "tsc",
        "patch-package", "babel", "webpack", "rollup", "esbuild", "rimraf", "mkdirp", "echo", "printf", "exit",
        "true", "false", "test", "[", "[[", "]", "cd", "pushd", "popd", "mkdir", "rm", "del", "ln", "touch",
        "opencollective", "opencollective-postinstall", "is-ci", "ngcc", "lerna", "gulp", "grunt", "make", "cmake",
        "gcc", "g++", "cc", "clang", "electron-rebuild", "electron-builder", "bower", "napa", "sleep", "wait",
        "unset", "shift", "return", "local", "trap", "if", "then", "else", "elif", "fi", "for", "do", "done",
        "while", "until", "case", "esac", "{", "}", ":", "chmod", "chown", "read", "cargo", "go", "git", "tar",
        "unzip", "zip", "gzip", "cpx", "ncp", "copyfiles", "shx", "run-s", "run-p", "npm-run-all", "concurrently",
        "node-gyp-build-optional-packages", "ngc", "vue-cli-service", "nuxt", "next", "vite", "jest", "mocha",
        "eslint", "prettier", "tslint", "nyc", "c8", "ava", "tap", "karma", "standard", "xo", "lint-staged",
        "is-ci-cli", "ember", "ng", "pip", "pip3", "setup", "exitcode", "rem", "@echo", "pause", "goto", "title",
        "prepare", "nan", "neon", "napi", "pkg-config", "which", "where", "sed", "awk", "grep", "find", "sort",
        "uniq", "wc", "cut", "tr", "basename", "dirname", "realpath", "pwd", "date", "uptime", "true;",
    ]

    // MARK: - Private

    private mutating func run(_ file: String, _ interpreter: ShellInterpreter, at head: ShellToken, anchor: ShellToken?)
    {
        let path = ShellRun.normalise(file)
        if downloads.contains(path) { emit(.downloadExecute, at: head, anchor: anchor) }
        if written.contains(path) { emit(.writeExecute, at: head, anchor: anchor) }
        let (line, column) = position(head, anchor: anchor)
        steps.append(.runFile(file, interpreter, line: line, column: column))
    }

    /// A bare IPv4 address among a network command's arguments (`nc 45.9.1.2 443`, `user@45.9.1.2`); URLs are
    /// already classified by the string signals of each word.
    private mutating func rawAddresses(in arguments: [ShellToken], anchor: ShellToken?) {
        for word in arguments where !word.text.contains("://") {
            let host = word.text.split(separator: "@").last.map { $0.split(separator: ":").first ?? $0 } ?? ""
            if URLSignals.isRemoteIPv4(String(host)) { emit(.urlRawIP, at: word, anchor: anchor) }
        }
    }

    private func sawDownloadIn(_ arguments: [ShellToken]) -> Bool {
        arguments.contains { word in
            word.substitutions.contains { body in
                let lower = body.lowercased()
                return ["curl", "wget", "invoke-webrequest", "iwr", "downloadstring"].contains { lower.contains($0) }
            }
        }
    }

    private mutating func interpreter(
        _ language: SourceLanguage, head: ShellToken, arguments: [ShellToken], depth: Int, anchor: ShellToken?,
        pipedFromDownload: Bool
    ) {
        let inlineFlags: Set<String> = language == .javascript ? ["-e", "--eval", "-p", "--print"] : ["-c"]
        let valueFlags: Set<String> = ["-r", "--require", "--import", "--loader", "-W", "-X", "-o", "--title"]
        if pipedFromDownload || sawDownloadIn(arguments) { emit(.downloadExecute, at: head, anchor: anchor) }
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if inlineFlags.contains(word.text)
                || (language == .shell && word.text.hasPrefix("-") && word.text.hasSuffix("c")
                    && word.text.count <= 4 && !word.text.hasPrefix("--"))
            {
                guard index + 1 < arguments.count else { return }
                let code = arguments[index + 1]
                if language == .shell {
                    analyse(code.text, depth: depth + 1, anchor: anchor ?? code)
                } else {
                    let (line, column) = position(code, anchor: anchor)
                    let offset = anchor == nil ? code.contentOffset : 0
                    steps.append(.inlineCode(code.text, language, line: line, column: column + offset))
                }
                return
            }
            if language == .python && word.text == "-m", index + 1 < arguments.count {
                let (line, column) = position(head, anchor: anchor)
                steps.append(.runModule(arguments[index + 1].text, line: line, column: column))
                return
            }
            if language == .javascript && (word.text == "-r" || word.text == "--require"), index + 1 < arguments.count {
                run(arguments[index + 1].text, .node, at: head, anchor: anchor)
                index += 2
                continue
            }
            if word.text.hasPrefix("-") {
                index += valueFlags.contains(word.text) ? 2 : 1
                continue
            }
            let interpreter: ShellInterpreter = language == .javascript ? .node : language == .python ? .python : .shell
            run(word.text, interpreter, at: head, anchor: anchor)
            return
        }
    }

    private mutating func recordDownload(name: String, arguments: [String]) {
        let urls = arguments.filter { $0.contains("://") }
        var outputs: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if ["-o", "--output", "-O", "--output-document", "-OutFile", "-outfile"].contains(argument),
                index + 1 < arguments.count, !(name == "curl" && argument == "-O")
            {
                outputs.append(arguments[index + 1])
                index += 1
            } else if argument.hasPrefix("--output-document=") {
                outputs.append(String(argument.dropFirst("--output-document=".count)))
            }
            index += 1
        }
        if outputs.isEmpty && (name == "wget" || arguments.contains("-O") || arguments.contains("--remote-name")) {
            outputs += urls.compactMap { $0.split(separator: "/").last.map(String.init) }
        }
        if name == "certutil" || name == "bitsadmin", let last = arguments.last { outputs.append(last) }
        for output in outputs where output != "-" {
            downloads.insert(ShellRun.normalise(output))
            if let base = output.split(separator: "/").last { downloads.insert(String(base)) }
        }
    }

    private mutating func packageManager(_ name: String, arguments: [String]) {
        guard let first = arguments.first else { return }
        if (first == "run" || first == "run-script"), arguments.count > 1 {
            steps.append(.runScript(arguments[1]))
        } else if name != "npm"
            && !["install", "add", "remove", "upgrade", "build", "exec", "dlx", "link", "init"]
                .contains(first)
            && !first.hasPrefix("-")
        {
            steps.append(.runScript(first))
        }
    }
}
