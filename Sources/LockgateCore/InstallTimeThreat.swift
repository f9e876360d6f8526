/// The `install_time_threat` rule: behaviours that ordinary install code does not show, found in code that runs
/// while the package installs (npm lifecycle scripts and what they run, `setup.py` and its commands, `.pth` files).
///
/// The model weighs every behaviour against the whole package, so a large package can dilute a small install-time
/// payload (a reverse shell in a `preinstall` of a 200 KB library scored 0.42 against npm's 0.72 block threshold).
/// This rule does not weigh: a credential store read, a secret-stealing channel (chat webhook, out-of-band host,
/// paste site, tunnel, raw IP, dynamic DNS, DNS exfiltration), a public-IP lookup, persistence, or packed,
/// name-obfuscated or off-screen code at install time is reported on its own, whatever the score. None of these
/// kinds occurs at install time in any of the 3,546 benign packages of the corpus; `download_execute` (binary
/// installers fetch and run their tool), `url_app_hosting`, `hidden_process`, evaluation and the weaker obfuscation
/// signs are left to the model.
public enum InstallTimeThreat {
    /// The rule id.
    public static let ruleID = "install_time_threat"

    /// The kinds that trigger the rule in install context.
    public static let kinds: Set<BehaviourKind> = [
        .readCredentialPath, .readBrowserStore, .readDiscordStore, .readCryptoWallet, .readSystemAccounts,
        .reconPublicIP, .urlWebhook, .urlPaste, .urlTunnel, .urlOutOfBand, .urlRawIP, .urlDynamicDNS,
        .dnsExfiltration, .persistence, .packedEval, .pythonProtector, .offscreenCode, .obfuscatedIdentifiers,
    ]

    /// The indices of a sequence's behaviours that trigger the rule, in sequence order.
    /// - Parameter sequence: The package's behaviour sequence.
    /// - Returns: Indices into `sequence.behaviours`.
    public static func behaviours(in sequence: BehaviourSequence) -> [Int] {
        sequence.behaviours.indices.filter { index in
            let behaviour = sequence.behaviours[index]
            return behaviour.context == .install && kinds.contains(behaviour.kind)
        }
    }
}
