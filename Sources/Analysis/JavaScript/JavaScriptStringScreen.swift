import LockgateCore

/// A fast front for `StringSignals.kinds(in:)`, which costs microseconds per call: strings that contain none of the
/// words its path and shell rules look for get only its cheap checks (URLs, length, base64, entropy) here; the rest
/// go to `StringSignals` itself. Results are cached per file, and those of short strings across the files one
/// analyser reads (`JavaScriptSignalCache`).
struct JavaScriptStringScreen: Sendable {
    /// Creates an empty screen.
    /// - Parameter shared: Answers shared with the screens of other files, if any.
    init(shared: JavaScriptSignalCache? = nil) {
        self.shared = shared
    }

    /// The behaviour kinds a string signals (the same answer as `StringSignals.kinds(in:)`).
    /// - Parameter text: The string's value.
    /// - Returns: Its kinds.
    mutating func kinds(in text: String) -> [BehaviourKind] {
        let count = text.utf8.count
        guard count >= 4 else { return [] }
        if let cached = cache[text] { return cached }
        if let known = shared?.kinds(of: text) {
            if cache.count < 20_000 { cache[text] = known }
            return known
        }
        let result: [BehaviourKind]
        if Self.mayNeedFullCheck(text) {
            result = StringSignals.kinds(in: text)
        } else {
            var kinds: [BehaviourKind] = []
            if Self.hasDot(text) { kinds += StringSignals.urlKinds(in: text.lowercased()) }
            if count >= StringSignals.longStringLength { kinds.append(.longString) }
            let base64 = StringSignals.isBase64Blob(text)
            if base64 { kinds.append(.base64String) }
            if count >= 200 && !base64 && StringSignals.entropy(text) > 5.2 { kinds.append(.highEntropyBlob) }
            var seen = Set<BehaviourKind>()
            result = kinds.filter { seen.insert($0).inserted }
        }
        if cache.count < 20_000 && count <= 4_096 { cache[text] = result }
        shared?.store(result, for: text)
        return result
    }

    /// Whether a string contains a word that one of `StringSignals`'s path or shell-command rules needs.
    static func mayNeedFullCheck(_ text: String) -> Bool {
        let table = keywordsByFirstByte
        var copy = text
        return copy.withUTF8 { all in
            let buffer = UnsafeBufferPointer(rebasing: all.prefix(4_096))
            for index in buffer.indices {
                guard let candidates = table[Int(lowercase(buffer[index]))] else { continue }
                for keyword in candidates where keyword.count <= buffer.count - index {
                    var offset = 1
                    while offset < keyword.count && lowercase(buffer[index + offset]) == keyword[offset] { offset += 1 }
                    if offset == keyword.count { return true }
                }
            }
            return false
        }
    }

    // MARK: - Private

    private var cache: [String: [BehaviourKind]] = [:]
    private let shared: JavaScriptSignalCache?

    private static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func hasDot(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in
            for byte in buffer where byte == 0x2E { return true }
            return false
        }
    }

    /// Necessary words of every path and shell rule in `StringSignals` (lowercase), indexed by first byte.
    private static let keywordsByFirstByte: [[[UInt8]]?] = {
        let words = [
            // shell command lines
            "curl", "wget", "-c", "-e", "/dev/", "powershell", "chmod", "mkfifo", "iex", "invoke-", "certutil",
            "bitsadmin", "-rf", "nohup", "crontab", "start-process", "/c", "mshta", "rundll32", "python", "node",
            "bash", "sh ", "nc ", "ncat",
            // credential, browser, chat, wallet, account and persistence paths
            ".ssh", ".aws", ".npmrc", ".pypirc", ".git-cred", ".docker", ".kube", ".netrc", "gcloud", ".azure",
            "id_rsa", "id_ed25519", "_history", ".gnupg", "keychain", "/.env", "login data", "cookies", "local state",
            "chrome", "bravesoftware", "firefox", "logins.json", "key4.db", "web data", "edge", "opera",
            "yandexbrowser", "discord", "wallet", "exodus", "electrum", "metamask", "nkbihf", "atomic", "coinomi",
            "phantom", "solana", "ledger", "bitcoin", "monero", "/etc/", "cron", "systemd", ".bashrc", ".zshrc",
            ".profile", "bash_profile", "currentversion", "startup", "launchagents", "launchdaemons", "rc.local",
            "autostart",
        ]
        var table = [[[UInt8]]?](repeating: nil, count: 256)
        for word in words {
            let bytes = Array(word.utf8)
            table[Int(bytes[0]), default: []].append(bytes)
        }
        return table
    }()
}

extension Array where Element == [[UInt8]]? {
    fileprivate subscript(index: Int, default defaultValue: [[UInt8]]) -> [[UInt8]] {
        get { self[index] ?? defaultValue }
        set { self[index] = newValue }
    }
}
