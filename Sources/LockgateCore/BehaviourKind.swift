/// One kind of behaviour in lockgate's language-independent vocabulary (JavaScript, Python, shell and package
/// metadata all map onto it). It starts from Cerebro's sixteen features in four dimensions — information reading,
/// data transmission, encoding, payload execution — and refines them where the refinement carries signal.
/// The raw values are stable: they are the tokens the model reads and the ids docs/behaviours.md lists.
public enum BehaviourKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    // MARK: Information reading
    /// Import of an OS or platform module (`os`, `platform`, `getpass`; node `os`).
    case importOSModule = "import_os_module"
    /// Use of an OS module function that reads about the system (not process execution).
    case useOSModule = "use_os_module"
    /// Import of a file-system module (`shutil`, `pathlib`, `glob`; node `fs`, `fs/promises`).
    case importFileSystemModule = "import_fs_module"
    /// Reading files (`open(...)` for reading, `fs.readFileSync`, `Path.read_text`).
    case readFile = "read_file"
    /// Writing files (`open(..., 'w')`, `fs.writeFileSync`, `shutil.copy`).
    case writeFile = "write_file"
    /// One environment variable read (`process.env.HOME`, `os.getenv('X')`).
    case readEnvironmentVariable = "read_env_var"
    /// The whole environment read or serialised (`JSON.stringify(process.env)`, `dict(os.environ)`).
    case readEnvironmentAll = "read_env_all"
    /// A credential path referenced (~/.ssh, ~/.aws, .npmrc, .pypirc, .git-credentials, .docker/config.json, ...).
    case readCredentialPath = "read_credential_path"
    /// A browser profile store referenced (Chrome/Firefox Login Data, Cookies, Local State).
    case readBrowserStore = "read_browser_store"
    /// Discord's local storage or token store referenced.
    case readDiscordStore = "read_discord_store"
    /// A cryptocurrency wallet referenced (Exodus, Electrum, MetaMask extension storage, wallet.dat).
    case readCryptoWallet = "read_crypto_wallet"
    /// System account files referenced (`/etc/passwd`, `/etc/shadow`).
    case readSystemAccounts = "read_system_accounts"
    /// Host or user reconnaissance (hostname, user name, network interfaces, platform, home directory, cwd).
    case reconHost = "recon_host"
    /// A public-IP lookup service referenced (ipify, ipinfo, ifconfig.me, ...).
    case reconPublicIP = "recon_public_ip"

    // MARK: Data transmission
    /// Import of a network module (`socket`, `requests`, `urllib`, `http.client`; node `http`, `https`, `net`,
    /// `dgram`, `axios`, `node-fetch`, `request`).
    case importNetworkModule = "import_network_module"
    /// A network request or connection (`requests.post`, `urlopen`, `http.request`, `fetch`, `socket.connect`).
    case useNetwork = "use_network"
    /// A URL literal of no special kind.
    case url = "url"
    /// A chat webhook URL (Discord, Slack, Telegram bot API) or a Telegram bot token (`123456789:AA…`), the
    /// credential that posts to a chat.
    case urlWebhook = "url_webhook"
    /// A paste-site URL (pastebin, hastebin, ...).
    case urlPaste = "url_paste"
    /// A tunnelling service URL (ngrok, localtunnel, serveo, trycloudflare, ...).
    case urlTunnel = "url_tunnel"
    /// An out-of-band testing host (Burp Collaborator, interact.sh, oast, pipedream, canarytokens, requestbin,
    /// webhook.site, ...).
    case urlOutOfBand = "url_oob"
    /// A URL whose host is a raw IP address.
    case urlRawIP = "url_raw_ip"
    /// A dynamic-DNS host (duckdns, no-ip, ddns, ...).
    case urlDynamicDNS = "url_dynamic_dns"
    /// A host on a free app-hosting or serverless platform where anyone gets a subdomain (onrender.com,
    /// herokuapp.com, vercel.app, workers.dev, pythonanywhere.com, repl.co, glitch.me, ...): throwaway collection
    /// endpoints.
    case urlAppHosting = "url_app_hosting"
    /// A DNS lookup (`dns.lookup`, `socket.gethostbyname`).
    case dnsLookup = "dns_lookup"
    /// A DNS lookup whose name is built from data (exfiltration through DNS).
    case dnsExfiltration = "dns_exfiltration"

    // MARK: Encoding
    /// Import of an encoding module (`base64`, `codecs`, `binascii`, `zlib`, `marshal`; node `zlib`, `buffer`).
    case importEncodingModule = "import_encoding_module"
    /// Decoding or encoding data (`b64decode`, `Buffer.from(x, 'base64')`, `atob`, `bytes.fromhex`).
    case useEncoding = "use_encoding"
    /// A base64 string literal of notable length.
    case base64String = "base64_string"
    /// A very long string literal.
    case longString = "long_string"
    /// A high-entropy blob (compressed or encrypted data in a literal).
    case highEntropyBlob = "high_entropy_blob"

    // MARK: Payload execution
    /// Import of a process module (`subprocess`, `pty`; node `child_process`).
    case importProcessModule = "import_process_module"
    /// A process started (`subprocess.Popen`, `os.system`, `exec`, `spawn`, `execSync`).
    case spawnProcess = "spawn_process"
    /// A string that is a shell script or command line (`curl ... | sh`, `powershell -enc`, `chmod +x`, `nc -e`).
    case shellCommand = "shell_command"
    /// Run-time evaluation of code (`eval`, `exec`, `Function(...)`, `compile`, `vm.runInThisContext`).
    case evalCode = "eval_code"

    // MARK: Refinements of execution
    /// Data fetched from the network and then executed.
    case downloadExecute = "download_execute"
    /// A file written and then executed.
    case writeExecute = "write_execute"
    /// Persistence (cron, systemd user units, shell rc files, Windows Run keys, startup folders, launch agents).
    case persistence = "persistence"
    /// A hidden or detached process (`detached: true` + `unref`, `CREATE_NO_WINDOW`, `powershell -w hidden`).
    case hiddenProcess = "hidden_process"

    // MARK: Obfuscation
    /// `_0x`-style hexadecimal identifiers (javascript-obfuscator output).
    case obfuscatedIdentifiers = "obfuscated_identifiers"
    /// A packed `eval(function(p,a,c,k,e,d)...)` or similar self-unpacking payload.
    case packedEval = "packed_eval"
    /// pyarmor, marshal/zlib exec chains and similar Python protectors.
    case pythonProtector = "python_protector"
    /// Escapes inside identifiers or strings used to hide names (`\x72equire`, `\u0065val`).
    case escapedIdentifiers = "escaped_identifiers"
    /// Code pushed past the edge of the screen: on one line, after other code, a run of a hundred or more spaces
    /// and then more code (`import os` + spaces + `;exec(...)`), so a reader sees only the first statement.
    case offscreenCode = "offscreen_code"

    // MARK: Package context
    /// A native binary shipped in a package that builds nothing (.node, .so, .dll, .exe, .dylib, ELF/PE/Mach-O).
    case nativeBinary = "native_binary"
    /// An install-time hook (npm preinstall/install/postinstall/prepare; setup.py top level or cmdclass; .pth file).
    case installHook = "install_hook"

    public static func < (lhs: BehaviourKind, rhs: BehaviourKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
