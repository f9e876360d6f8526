import LockgateCore

/// Sensitive locations named in a lowercased string: credential files, browser and Discord stores, crypto wallets,
/// system account files and persistence places. Generic words (`cookies`, `token`, `phantom`, `autostart`) count
/// only inside a path or beside a store-specific marker, so ordinary prose and option names do not.
enum PathSignals {
    /// The kinds a lowercased string signals, in a stable order.
    static func kinds(in lower: String) -> [BehaviourKind] {
        var kinds: [BehaviourKind] = []
        let short = lower.utf8.count < 600
        if exactStoreNames.contains(lower) { return [.readBrowserStore] }
        if short && credentials.contains(where: lower.contains) || pathComponent(lower, in: credentialNames) {
            kinds.append(.readCredentialPath)
        }
        if short && browsers.contains(where: lower.contains) { kinds.append(.readBrowserStore) }
        if discord.contains(where: lower.contains)
            || (lower.contains("discord") && (lower.contains("local storage") || lower.contains("leveldb")))
        {
            kinds.append(.readDiscordStore)
        }
        if short && wallets.contains(where: lower.contains) { kinds.append(.readCryptoWallet) }
        if lower.contains("/etc/passwd") || lower.contains("/etc/shadow") || lower.contains("\\sam\\") {
            kinds.append(.readSystemAccounts)
        }
        if lower.utf8.count < 2_000
            && (persistence.contains(where: lower.contains) || pathComponent(lower, in: persistenceNames))
        {
            kinds.append(.persistence)
        }
        return kinds
    }

    // MARK: - Private

    /// Whole strings that name a Chromium profile store (path pieces passed to `path.join`).
    private static let exactStoreNames: Set<String> = [
        "login data", "local state", "web data", "user data", "local storage", "login data for account",
        "cookies.sqlite", "logins.json", "key4.db", "key3.db", "signons.sqlite",
    ]
    private static let credentials = [
        ".ssh/", ".ssh\\", "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa", ".aws/credentials", ".aws\\credentials",
        ".aws/config", ".git-credentials", ".docker/config.json", ".kube/config", ".config/gcloud", ".azure/",
        ".bash_history", ".zsh_history", ".gnupg", "login.keychain", "keychain-db", "/keychains/", ".netrc",
        ".config/gh/hosts.yml", ".terraform.d/credentials", ".vault-token", "application_default_credentials.json",
    ]
    /// Dotfile names that count as a path component (`~/.npmrc`, `/home/x/.pypirc`, `.npmrc` alone).
    private static let credentialNames = [".npmrc", ".pypirc", ".netrc", ".env", ".git-credentials", ".yarnrc"]
    private static let browsers = [
        "google/chrome/user data", "google\\chrome\\user data", "chrome/user data", "chrome\\user data",
        "bravesoftware", "mozilla/firefox/profiles", "mozilla\\firefox\\profiles", ".mozilla/firefox",
        "microsoft\\edge\\user data", "microsoft/edge/user data", "opera software", "yandexbrowser",
        "vivaldi/user data", "vivaldi\\user data", "/login data", "\\login data", "/web data", "\\web data",
        "/local state", "\\local state", "/network/cookies", "\\network\\cookies", "/default/cookies",
        "\\default\\cookies", "logins.json", "key4.db", "cookies.sqlite", "library/application support/google/chrome",
        ".config/google-chrome", ".config/chromium", "library/cookies",
    ]
    private static let discord = [
        "discord/local storage", "discord\\local storage", "discordcanary", "discordptb", "discord/leveldb",
        "discord\\leveldb", "dqw4w9wgxcq", "[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{27}", "[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{38}",
        "mfa\\.[\\w-]{84}", "discord_desktop_core", "lightcord", "discord/settings.json",
    ]
    private static let wallets = [
        "wallet.dat", "exodus.wallet", "exodus/", "exodus\\", "electrum/wallets", "electrum\\wallets", ".electrum/",
        "nkbihfbeogaeaoehlefnkodbefgpgknn", "bfnaelmomeimhlpmgjnjophhpkkoljpa", "hnfanknocfeofbddgcijnmhnfnkdnaad",
        "fhbohimaelbohpjbbldcngcnapndodjp", "ibnejdfjmmkpcnlpebklmnkoeoihofec", "ejbalbakoplchlghecdalmeeeajnimhm",
        "atomic/local storage", "atomic\\local storage", "coinomi/", "coinomi\\", "guarda/", "guarda\\",
        "armory/", "jaxx/", "ledger live", "solana/id.json", ".bitcoin/", "bitcoin/wallets", "bitcoin\\wallets",
        "monero/wallets", "ethereum/keystore", "ethereum\\keystore", "keystore/utc--", "zcash/", "dogecoin/",
        "litecoin/", "trust wallet", "local extension settings",
    ]
    private static let persistence = [
        "/etc/cron", "/var/spool/cron", ".config/systemd/user", "/etc/systemd/system", "/lib/systemd/system",
        "currentversion\\run", "currentversion/run", "start menu\\programs\\startup", "start menu/programs/startup",
        "library/launchagents", "launchdaemons", "/etc/rc.local", "/etc/init.d/", ".config/autostart",
        "/etc/profile.d/", "/etc/ld.so.preload", "schtasks /create", "authorized_keys",
    ]
    /// Shell start-up files that count as a path component.
    private static let persistenceNames = [
        ".bashrc", ".zshrc", ".profile", ".bash_profile", ".bash_login", ".zprofile", ".zshenv", "crontab",
    ]

    /// Whether `name` appears as a whole path component: at the start or after `/`, `\` or `~`, and at the end or
    /// before `/`, `\`, a quote or a space.
    private static func pathComponent(_ lower: String, in names: [String]) -> Bool {
        names.contains { name in
            var searchStart = lower.startIndex
            while let range = lower.range(of: name, range: searchStart..<lower.endIndex) {
                let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
                let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
                let startOK = before == nil || before == "/" || before == "\\" || before == "~" || before == " "
                let endOK = after == nil || after == "/" || after == "\\" || after == " " || after == "\"" || after == "'"
                if startOK && endOK { return true }
                searchStart = range.upperBound
            }
            return false
        }
    }
}
