import Foundation
import LockgateCore

/// What a constant string (as written, or after folding and decoding) says about intent, in both languages alike:
/// URL kinds, credential and wallet paths, shell command lines, persistence locations, encoded blobs.
public enum StringSignals {
    /// Strings longer than this are `long_string`.
    public static let longStringLength = 1_000
    /// Base64 literals at least this long are `base64_string`.
    public static let base64Length = 40

    /// The behaviours a string constant signals, without duplicates, in a stable order.
    /// - Parameter text: The string's value.
    /// - Returns: Behaviour kinds (empty for ordinary text).
    public static func kinds(in text: String) -> [BehaviourKind] {
        guard text.utf8.count >= 4 else { return [] }
        var kinds: [BehaviourKind] = []
        let lower = text.lowercased()
        kinds += urlKinds(in: lower)
        kinds += pathKinds(in: lower)
        if isShellCommand(lower) { kinds.append(.shellCommand) }
        if text.utf8.count >= longStringLength { kinds.append(.longString) }
        if isBase64Blob(text) { kinds.append(.base64String) }
        if text.utf8.count >= 200 && entropy(text) > 5.2 && !isBase64Blob(text) { kinds.append(.highEntropyBlob) }
        var seen = Set<BehaviourKind>()
        return kinds.filter { seen.insert($0).inserted }
    }

    /// The kind of each URL in a (lowercased) string: the most specific kind per URL.
    public static func urlKinds(in lower: String) -> [BehaviourKind] {
        var kinds: [BehaviourKind] = []
        var searchStart = lower.startIndex
        while let range = lower.range(of: "://", range: searchStart..<lower.endIndex) {
            let schemeStart = lower[..<range.lowerBound].lastIndex(where: { !$0.isLetter }).map(lower.index(after:)) ?? lower.startIndex
            let scheme = lower[schemeStart..<range.lowerBound]
            let rest = lower[range.upperBound...]
            let hostEnd = rest.firstIndex(where: { "/?#:\"' \n\t)`".contains($0) }) ?? rest.endIndex
            let host = String(rest[..<hostEnd].split(separator: "@").last ?? "")
            if ["http", "https", "ws", "wss", "ftp", "tcp"].contains(String(scheme)), !host.isEmpty {
                kinds.append(kind(ofHost: host, url: String(lower[schemeStart...].prefix(200))))
            }
            searchStart = range.upperBound
        }
        if kinds.isEmpty, let bare = bareHostKind(lower) { kinds.append(bare) }
        return kinds
    }

    /// The kind of a URL host (lowercased).
    public static func kind(ofHost host: String, url: String) -> BehaviourKind {
        if webhookMarkers.contains(where: { url.contains($0) }) { return .urlWebhook }
        if matches(host, pasteHosts) { return .urlPaste }
        if matches(host, tunnelHosts) { return .urlTunnel }
        if matches(host, outOfBandHosts) { return .urlOutOfBand }
        if matches(host, publicIPHosts) { return .reconPublicIP }
        if matches(host, dynamicDNSHosts) { return .urlDynamicDNS }
        if isRawIP(host) && !isLoopbackOrUnspecified(host) { return .urlRawIP }
        return .url
    }

    /// Whether a (lowercased) string reads as a shell command line: a download piped to a shell, a reverse shell, an
    /// encoded PowerShell, a chmod+run, and similar.
    public static func isShellCommand(_ lower: String) -> Bool {
        guard lower.utf8.count <= 20_000 else { return false }
        let patterns = [
            #"(curl|wget)\s[^|;&]*\|\s*(ba|z|da)?sh\b"#, #"(curl|wget)\s+(-[a-z]+\s+)*['"]?https?://"#,
            #"\bbash\s+-c\b"#, #"\bsh\s+-c\b"#, #"/dev/tcp/"#, #"\bnc\s+(-[a-z]+\s+)*-e\b"#, #"\bncat\b.*-e\b"#,
            #"powershell(\.exe)?\s"#, #"\b-enc(odedcommand)?\s+[a-z0-9+/=]{16,}"#, #"\bchmod\s+(\+x|[0-7]{3,4})\b"#,
            #"\bmkfifo\b"#, #"\biex\s*\("#, #"invoke-webrequest"#, #"invoke-expression"#, #"\bcertutil\b.*-urlcache"#,
            #"\bbitsadmin\b"#, #"\brm\s+-rf\s+[/~]"#, #"\bnohup\b.*&\s*$"#, #"\bcrontab\s"#, #"\bstart-process\b"#,
            #"cmd(\.exe)?\s+/c\s"#, #"\bmshta\b"#, #"\brundll32\b"#, #"python[0-9.]*\s+-c\s"#, #"\bnode\s+-e\s"#,
        ]
        return patterns.contains { lower.range(of: $0, options: .regularExpression) != nil }
    }

    /// Whether a string is a base64 blob (long, only base64 alphabet, mixed case or digits, valid length).
    public static func isBase64Blob(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= base64Length, bytes.count <= 50_000_000 else { return false }
        var upper = false, lowerCase = false, digit = false, padding = 0
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: upper = true
            case 0x61...0x7A: lowerCase = true
            case 0x30...0x39: digit = true
            case 0x2B, 0x2F, 0x2D, 0x5F: break
            case 0x3D: padding += 1
            default: return false
            }
            if padding > 0 && byte != 0x3D { return false }
        }
        return upper && lowerCase && (digit || bytes.count >= 80) && padding <= 2
    }

    /// Shannon entropy in bits per byte.
    public static func entropy(_ text: String) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        var total = 0
        for byte in text.utf8.prefix(65_536) {
            counts[Int(byte)] += 1
            total += 1
        }
        guard total > 0 else { return 0 }
        var result = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / Double(total)
            result -= p * log2(p)
        }
        return result
    }

    // MARK: - Private

    private static let webhookMarkers = [
        "discord.com/api/webhooks", "discordapp.com/api/webhooks", "hooks.slack.com", "api.telegram.org/bot",
        "outlook.office.com/webhook", "webhook.office.com",
    ]
    private static let pasteHosts = [
        "pastebin.com", "hastebin.com", "paste.ee", "ghostbin.", "rentry.co", "dpaste.", "controlc.com",
        "pastes.io", "justpaste.it", "termbin.com", "0x0.st", "transfer.sh", "files.catbox.moe", "anonfiles.",
    ]
    private static let tunnelHosts = [
        "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok.dev", "loca.lt", "localtunnel.me", "serveo.net",
        "trycloudflare.com", "localhost.run", "pagekite.me", "bore.pub", "tunnelto.dev", "ply.gg", "playit.gg",
    ]
    private static let outOfBandHosts = [
        "burpcollaborator.net", "oastify.com", "interact.sh", "interactsh.com", "oast.pro", "oast.live", "oast.site",
        "oast.online", "oast.fun", "oast.me", "pipedream.net", "m.pipedream.net", "canarytokens.com", "requestbin.",
        "webhook.site", "dnslog.cn", "ceye.io", "beeceptor.com", "hookbin.com", "requestcatcher.com", "postb.in",
        "eo.pipedream.net", "rbndr.us", "xip.io", "nip.io",
    ]
    private static let publicIPHosts = [
        "ipify.org", "ipinfo.io", "ifconfig.me", "icanhazip.com", "ident.me", "ip-api.com", "checkip.amazonaws.com",
        "myexternalip.com", "ipecho.net", "api.my-ip.io", "wtfismyip.com", "ipapi.co", "geolocation-db.com",
    ]
    private static let dynamicDNSHosts = [
        "duckdns.org", "no-ip.", "noip.", "ddns.net", "dynu.", "hopto.org", "zapto.org", "sytes.net", "servebeer.com",
        "serveftp.com", "myftp.biz", "freedns.afraid.org", "dyndns.", "changeip.com", "3utilities.com",
    ]

    private static func matches(_ host: String, _ suffixes: [String]) -> Bool {
        suffixes.contains { suffix in
            suffix.hasSuffix(".") ? host.contains(suffix) || host.hasPrefix(suffix) : (host == suffix || host.hasSuffix("." + suffix))
        }
    }

    private static func isRawIP(_ host: String) -> Bool {
        let parts = host.split(separator: ".")
        if parts.count == 4 && parts.allSatisfy({ UInt8($0) != nil }) { return true }
        return host.hasPrefix("[") && host.contains(":")
    }

    private static func isLoopbackOrUnspecified(_ host: String) -> Bool {
        host.hasPrefix("127.") || host == "0.0.0.0" || host == "[::1]"
    }

    /// A host named without a scheme (`xyz.oast.fun`, `abc.ngrok.io`) in a short string.
    private static func bareHostKind(_ lower: String) -> BehaviourKind? {
        guard lower.utf8.count <= 253, !lower.contains(" "), lower.contains(".") else { return nil }
        let host = String(lower.split(separator: "/").first ?? "")
        let kind = kind(ofHost: host, url: lower)
        return kind == .url || kind == .urlRawIP ? nil : kind
    }

    private static func pathKinds(in lower: String) -> [BehaviourKind] {
        var kinds: [BehaviourKind] = []
        let credentials = [
            ".ssh/id_", ".ssh/", "/.aws/credentials", ".aws/credentials", ".aws/config", ".npmrc", ".pypirc",
            ".git-credentials", ".docker/config.json", ".kube/config", ".netrc", ".config/gcloud", ".azure/",
            "id_rsa", "id_ed25519", ".bash_history", ".zsh_history", ".gnupg", "keychain", "/.env",
        ]
        if credentials.contains(where: { lower.contains($0) }) && lower.utf8.count < 500 { kinds.append(.readCredentialPath) }
        let browsers = [
            "login data", "/cookies", "\\cookies", "local state", "google/chrome", "google\\chrome",
            "bravesoftware", "mozilla/firefox", "mozilla\\firefox", "logins.json", "key4.db", "web data",
            "microsoft\\edge", "microsoft/edge", "opera software", "yandexbrowser",
        ]
        if browsers.contains(where: { lower.contains($0) }) && lower.utf8.count < 500 { kinds.append(.readBrowserStore) }
        if (lower.contains("discord") && (lower.contains("local storage") || lower.contains("leveldb") || lower.contains("token")))
            || lower.contains("discordcanary") || lower.contains("discordptb")
        {
            kinds.append(.readDiscordStore)
        }
        let wallets = [
            "wallet.dat", "exodus", "electrum", "metamask", "nkbihfbeogaeaoehlefnkodbefgpgknn", "atomic/local storage",
            "coinomi", "phantom", "solana/id.json", "ledger live", "trust wallet", "bitcoin/wallets", "monero",
        ]
        if wallets.contains(where: { lower.contains($0) }) && lower.utf8.count < 500 { kinds.append(.readCryptoWallet) }
        if lower.contains("/etc/passwd") || lower.contains("/etc/shadow") { kinds.append(.readSystemAccounts) }
        let persistence = [
            "/etc/cron", "crontab", ".config/systemd/user", "/etc/systemd/system", ".bashrc", ".zshrc", ".profile",
            ".bash_profile", "currentversion\\run", "currentversion/run", "start menu\\programs\\startup",
            "startup folder", "library/launchagents", "launchdaemons", "/etc/rc.local", "autostart",
        ]
        if persistence.contains(where: { lower.contains($0) }) && lower.utf8.count < 2_000 { kinds.append(.persistence) }
        return kinds
    }
}
