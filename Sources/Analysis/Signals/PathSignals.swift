import LockgateCore

/// Sensitive locations named in a lowercased string: credential files, browser and Discord stores, crypto wallets,
/// system account files and persistence places.
///
/// Generic words (`cookies`, `token`, `phantom`, `autostart`) count only inside a path or beside a store-specific
/// marker, so ordinary prose and option names do not.
enum PathSignals {
    /// The kinds a lowercased string signals, in a stable order.
    static func kinds(in lower: String) -> [BehaviourKind] {
        kinds(inLowered: ByteSearch.lowered(lower))
    }

    /// The kinds ASCII-lowercased bytes signal, in a stable order.
    ///
    /// One pass finds which marker families occur ("tags"); the length limits and the path-component checks run only
    /// for families found.
    static func kinds(inLowered bytes: [UInt8]) -> [BehaviourKind] {
        if bytes.count <= 24, let first = bytes.first, exactStoreStarts[bytes.count << 8 | Int(first)],
            exactStoreNames.contains(bytes)
        {
            return [.readBrowserStore]
        }
        let found = allMarkers.tags(in: bytes)
        guard found != 0 else { return [] }
        func has(_ tag: Tag) -> Bool { found & (1 << tag.rawValue) != 0 }
        var kinds: [BehaviourKind] = []
        let short = bytes.count < 600
        if (short && has(.credential)) || (has(.credentialName) && pathComponent(bytes, in: credentialNames)) {
            kinds.append(.readCredentialPath)
        }
        if short && has(.browser) { kinds.append(.readBrowserStore) }
        if has(.discord) || (has(.discordName) && has(.discordStorage)) { kinds.append(.readDiscordStore) }
        if short && has(.wallet) { kinds.append(.readCryptoWallet) }
        if has(.systemAccount) { kinds.append(.readSystemAccounts) }
        if bytes.count < 2_000
            && (has(.persistence) || (has(.persistenceName) && pathComponent(bytes, in: persistenceNames)))
        {
            kinds.append(.persistence)
        }
        return kinds
    }

    // MARK: - Private

    /// Whole strings that name a Chromium profile store (path pieces passed to `path.join`).
    private static let exactStoreNames: Set<[UInt8]> = Set(
        ByteSearch.table([
            "login data", "local state", "web data", "user data", "local storage", "login data for account",
            "cookies.sqlite", "logins.json", "key4.db", "key3.db", "signons.sqlite",
        ]))
    /// Whether some name of `exactStoreNames` has this length (up to 24) and first byte, at `count << 8 | first`:
    /// most strings skip the hashing.
    private static let exactStoreStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 25 << 8)
        for name in exactStoreNames where name.count <= 24 {
            if let first = name.first { table[name.count << 8 | Int(first)] = true }
        }
        return table
    }()
    /// Marker families.
    private enum Tag: UInt16 {
        case credential, credentialName, browser, discord, discordName, discordStorage, wallet, systemAccount
        case persistence, persistenceName
    }

    /// Every family's markers in one bucketed set.
    private static let allMarkers = TaggedMarkerSet([
        (Tag.credential.rawValue, credentials),
        (Tag.credentialName.rawValue, credentialNames.map { String(decoding: $0, as: UTF8.self) }),
        (Tag.browser.rawValue, browsers), (Tag.discord.rawValue, discord), (Tag.discordName.rawValue, ["discord"]),
        (Tag.discordStorage.rawValue, ["local storage", "leveldb"]), (Tag.wallet.rawValue, wallets),
        (Tag.systemAccount.rawValue, ["/etc/passwd", "/etc/shadow", "\\sam\\"]),
        (Tag.persistence.rawValue, persistence),
        (Tag.persistenceName.rawValue, persistenceNames.map { String(decoding: $0, as: UTF8.self) }),
    ])
    private static let credentials: [String] = [
        ".ssh/", ".ssh\\", "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa", ".aws/credentials", ".aws\\credentials",
        ".aws/config", ".git-credentials", ".docker/config.json", ".kube/config", ".config/gcloud", ".azure/",
        ".bash_history", ".zsh_history", ".gnupg", "login.keychain", "keychain-db", "/keychains/", ".netrc",
        ".config/gh/hosts.yml", ".terraform.d/credentials", ".vault-token", "application_default_credentials.json",
    ]
    /// Dotfile names that count as a path component (`~/.npmrc`, `/home/x/.pypirc`, `.npmrc` alone).
    private static let credentialNames = ByteSearch.table([
        ".npmrc", ".pypirc", ".netrc", ".env", ".git-credentials", ".yarnrc",
    ])
    private static let browsers: [String] = [
        "google/chrome/user data", "google\\chrome\\user data", "chrome/user data", "chrome\\user data",
        "bravesoftware", "mozilla/firefox/profiles", "mozilla\\firefox\\profiles", ".mozilla/firefox",
        "microsoft\\edge\\user data", "microsoft/edge/user data", "opera software", "yandexbrowser",
        "vivaldi/user data", "vivaldi\\user data", "/login data", "\\login data", "/web data", "\\web data",
        "/local state", "\\local state", "/network/cookies", "\\network\\cookies", "/default/cookies",
        "\\default\\cookies", "logins.json", "key4.db", "cookies.sqlite", "library/application support/google/chrome",
        ".config/google-chrome", ".config/chromium", "library/cookies",
    ]
    private static let discord: [String] = [
        "discord/local storage", "discord\\local storage", "discordcanary", "discordptb", "discord/leveldb",
        "discord\\leveldb", "dqw4w9wgxcq", "[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{27}", "[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{38}",
        "mfa\\.[\\w-]{84}", "discord_desktop_core", "lightcord", "discord/settings.json",
    ]
    private static let wallets: [String] = [
        "wallet.dat", "exodus.wallet", "exodus/", "exodus\\", "electrum/wallets", "electrum\\wallets", ".electrum/",
        "nkbihfbeogaeaoehlefnkodbefgpgknn", "bfnaelmomeimhlpmgjnjophhpkkoljpa", "hnfanknocfeofbddgcijnmhnfnkdnaad",
        "fhbohimaelbohpjbbldcngcnapndodjp", "ibnejdfjmmkpcnlpebklmnkoeoihofec", "ejbalbakoplchlghecdalmeeeajnimhm",
        "atomic/local storage", "atomic\\local storage", "coinomi/", "coinomi\\", "guarda/", "guarda\\",
        "armory/", "jaxx/", "ledger live", "solana/id.json", ".bitcoin/", "bitcoin/wallets", "bitcoin\\wallets",
        "monero/wallets", "ethereum/keystore", "ethereum\\keystore", "keystore/utc--", "zcash/", "dogecoin/",
        "litecoin/", "trust wallet", "local extension settings",
    ]
    private static let persistence: [String] = [
        "/etc/cron", "/var/spool/cron", ".config/systemd/user", "/etc/systemd/system", "/lib/systemd/system",
        "currentversion\\run", "currentversion/run", "start menu\\programs\\startup", "start menu/programs/startup",
        "library/launchagents", "launchdaemons", "/etc/rc.local", "/etc/init.d/", ".config/autostart",
        "/etc/profile.d/", "/etc/ld.so.preload", "schtasks /create", "authorized_keys",
    ]
    /// Shell start-up files that count as a path component.
    private static let persistenceNames = ByteSearch.table([
        ".bashrc", ".zshrc", ".profile", ".bash_profile", ".bash_login", ".zprofile", ".zshenv", "crontab",
    ])

    /// Whether a name appears as a whole path component: at the start or after `/`, `\`, `~` or a space, and at the
    /// end or before `/`, `\`, a quote or a space.
    private static func pathComponent(_ bytes: [UInt8], in names: [[UInt8]]) -> Bool {
        names.contains { name in
            var start = 0
            while let found = ByteSearch.firstIndex(of: name, in: bytes, from: start) {
                let before: UInt8? = found == 0 ? nil : bytes[found - 1]
                let end = found + name.count
                let after: UInt8? = end == bytes.count ? nil : bytes[end]
                let startOK = before.map { [0x2F, 0x5C, 0x7E, 0x20].contains($0) } ?? true
                let endOK = after.map { [0x2F, 0x5C, 0x20, 0x22, 0x27].contains($0) } ?? true
                if startOK && endOK { return true }
                start = found + 1
            }
            return false
        }
    }
}
