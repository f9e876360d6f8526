extension BehaviourKind {
    /// A short phrase for reports ("reads the whole environment").
    public var summary: String {
        switch self {
        case .importOSModule: "imports an OS or platform module"
        case .useOSModule: "queries the operating system"
        case .importFileSystemModule: "imports a file-system module"
        case .readFile: "reads files"
        case .writeFile: "writes files"
        case .readEnvironmentVariable: "reads an environment variable"
        case .readEnvironmentAll: "reads the whole environment"
        case .readCredentialPath: "references a credential file (SSH keys, cloud or registry tokens)"
        case .readBrowserStore: "references browser password or cookie stores"
        case .readDiscordStore: "references Discord's token storage"
        case .readCryptoWallet: "references cryptocurrency wallets"
        case .readSystemAccounts: "references system account files (/etc/passwd, /etc/shadow)"
        case .reconHost: "collects host and user information"
        case .reconPublicIP: "looks up the machine's public IP address"
        case .importNetworkModule: "imports a network module"
        case .useNetwork: "makes network requests"
        case .url: "contains a URL"
        case .urlWebhook: "contains a chat webhook URL or bot token (Discord, Slack, Telegram)"
        case .urlPaste: "contains a paste-site URL"
        case .urlTunnel: "contains a tunnelling-service URL"
        case .urlOutOfBand: "contains an out-of-band testing host (interact.sh, Burp Collaborator, pipedream, ...)"
        case .urlRawIP: "contains a URL to a raw IP address"
        case .urlDynamicDNS: "contains a dynamic-DNS host"
        case .urlAppHosting: "contains a host on a free app-hosting platform (onrender, herokuapp, vercel.app, ...)"
        case .dnsLookup: "performs DNS lookups"
        case .dnsExfiltration: "builds DNS names from data (exfiltration over DNS)"
        case .importEncodingModule: "imports an encoding module"
        case .useEncoding: "decodes or encodes data"
        case .base64String: "contains a long base64 string"
        case .longString: "contains a very long string"
        case .highEntropyBlob: "contains a high-entropy blob"
        case .importProcessModule: "imports a process module"
        case .spawnProcess: "starts processes"
        case .shellCommand: "contains a shell command line"
        case .evalCode: "evaluates code at run time"
        case .downloadExecute: "downloads code and runs it"
        case .writeExecute: "writes a file and runs it"
        case .persistence: "installs itself to run again (cron, systemd, shell rc, Run keys, startup folders)"
        case .hiddenProcess: "starts hidden or detached processes"
        case .obfuscatedIdentifiers: "has obfuscated identifiers (_0x-style, or look-alike names such as IlIlIl)"
        case .packedEval: "has a packed, self-unpacking eval payload"
        case .pythonProtector: "runs protected or marshalled Python code (pyarmor, marshal/zlib exec)"
        case .escapedIdentifiers: "hides names behind escape sequences"
        case .offscreenCode: "hides code past the edge of the screen behind a long run of spaces"
        case .nativeBinary: "ships a native binary without building one"
        case .installHook: "runs code at install time"
        }
    }

    /// The detector rule id for findings that name this behaviour (`behaviour_<kind>`).
    public var ruleID: String { "behaviour_" + rawValue }
}

extension RuleCatalog {
    /// One rule per behaviour class: the detector's findings name the behaviours that drove a package's score.
    /// Their severity follows the score (at or above the policy's block threshold: block; warn threshold: warn).
    static let behaviourRules: [RuleDescriptor] = BehaviourKind.allCases.map { kind in
        let name = "Behaviour" + kind.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return RuleDescriptor(
            id: kind.ruleID, name: name,
            shortDescription: "The package \(kind.summary), which drove its detector score.",
            fullDescription: "lockgate's detector reads what the package's code would do, in execution order, and scored "
                + "this package as likely malicious. This behaviour (\(kind.rawValue): the package \(kind.summary)) is "
                + "among those that drove the score; the evidence points at the file and line.",
            help: "Read the evidence lines in the package. If the behaviour is legitimate for this package, allowlist it "
                + "by name@version with a reason; if not, remove the dependency. `lockgate explain ARCHIVE` prints the "
                + "whole behaviour sequence.",
            defaultSeverity: .warn, securitySeverity: 8.0, tags: ["security", "malware", "behaviour"])
    }
}
