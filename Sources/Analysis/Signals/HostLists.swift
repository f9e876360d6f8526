import LockgateCore

/// The host and URL lists behind the URL kinds (lowercased).
///
/// An entry ending in `.` matches that label anywhere in the host (`no-ip.` matches `x.no-ip.biz`); any other entry
/// matches the host or a subdomain of it.
enum HostLists {
    /// The listed kind of a host (lowercased), by its label-boundary suffixes and its labels; the first list in
    /// paste, tunnel, out-of-band, public-IP, dynamic-DNS, app-hosting order wins.
    static func kind(ofHost host: String) -> BehaviourKind? {
        var best: Int?
        // Labels are found by their `.` (as `split(separator: ".")` does), each label-boundary suffix read in place.
        // Every listed suffix ends with the host's last label: when no entry ends with it, no suffix is looked up.
        let lastLabel = host.lastIndex(of: ".").map { host[host.index(after: $0)...] } ?? host[...]
        let mayEndListed = lastLabels.contains(String(lastLabel))
        var start = host.startIndex
        while true {
            let suffix = host[start...]
            if mayEndListed, let rank = suffixes[String(suffix)] { best = min(best ?? rank, rank) }
            guard let dot = suffix.firstIndex(of: ".") else { break }  // the last label is no label prefix
            if let rank = labelPrefixes[String(host[start..<dot])] { best = min(best ?? rank, rank) }
            start = host.index(after: dot)
        }
        return best.map { ranked[$0] }
    }

    /// Chat webhooks, matched anywhere in the URL.
    static let webhookMarkers = ByteSearch.table([
        "discord.com/api/webhooks", "discordapp.com/api/webhooks", "discord.com/api/v10/webhooks",
        "discord.com/api/v9/webhooks", "hooks.slack.com/services", "hooks.slack.com/workflows", "api.telegram.org/bot",
        "outlook.office.com/webhook", "webhook.office.com", "chat.googleapis.com/v1/spaces",
    ])

    /// File drops on hosts that also serve ordinary content, matched anywhere in the URL: a chat service's
    /// attachment store, where anyone can upload a file and get a public link (the payload host of many droppers).
    /// The same hosts' avatar and icon paths are not listed.
    static let fileDropMarkers = ByteSearch.table([
        "cdn.discordapp.com/attachments/", "media.discordapp.net/attachments/",
        "cdn.discordapp.com/ephemeral-attachments/",
    ])

    // MARK: - Private

    private static let ranked: [BehaviourKind] = [
        .urlPaste, .urlTunnel, .urlOutOfBand, .reconPublicIP, .urlDynamicDNS, .urlAppHosting,
    ]
    private static let lists = [paste, tunnel, outOfBand, publicIP, dynamicDNS, appHosting]
    /// Entries without a trailing dot: the host or a subdomain of it.
    private static let suffixes: [String: Int] = {
        var table: [String: Int] = [:]
        for (rank, list) in lists.enumerated() {
            for entry in list where !entry.hasSuffix(".") && table[entry] == nil { table[entry] = rank }
        }
        return table
    }()
    /// Entries with a trailing dot: that label anywhere but last.
    /// The last labels of the `suffixes` entries (`com`, `io`, `moe`, ...).
    private static let lastLabels: Set<String> = Set(
        suffixes.keys.map { String($0.split(separator: ".", omittingEmptySubsequences: false).last ?? "") })
    private static let labelPrefixes: [String: Int] = {
        var table: [String: Int] = [:]
        for (rank, list) in lists.enumerated() {
            for entry in list where entry.hasSuffix(".") && table[String(entry.dropLast())] == nil {
                table[String(entry.dropLast())] = rank
            }
        }
        return table
    }()
    /// Paste and anonymous file-drop sites (`catbox.moe` holds both its file host and its upload API).
    private static let paste = [
        "pastebin.com", "pastebin.pl", "hastebin.com", "hastebin.skyra.pw", "paste.ee", "paste.rs", "ghostbin.",
        "rentry.co", "rentry.org", "dpaste.", "controlc.com", "pastes.io", "justpaste.it", "termbin.com", "ix.io",
        "sprunge.us", "0x0.st", "transfer.sh", "temp.sh", "catbox.moe", "anonfiles.", "file.io", "gofile.io",
        "filebin.net", "bashupload.com", "oshi.at", "paste.c-net.org", "privatebin.", "paste.fo", "paste.gg",
        "pastie.org", "paste2.org", "pastelink.net", "bpa.st", "textbin.net", "pastefy.app", "paste.sh", "clbin.com",
        "paste.myst.rs", "pixeldrain.com", "anonfile.", "uguu.se", "tmpfiles.org",
    ]
    /// Tunnelling services.
    private static let tunnel = [
        "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok.dev", "ngrok-free.dev", "loca.lt", "localtunnel.me",
        "serveo.net", "trycloudflare.com", "localhost.run", "lhr.life", "pagekite.me", "bore.pub", "tunnelto.dev",
        "ply.gg", "playit.gg", "localxpose.io", "loclx.io", "pinggy.io", "pinggy.link", "portmap.io", "portmap.host",
        "telebit.cloud", "devtunnels.ms", "tunnelmole.net", "packetriot.net",
    ]
    /// Out-of-band interaction and request-capture hosts.
    private static let outOfBand = [
        "burpcollaborator.net", "oastify.com", "interact.sh", "interactsh.com", "oast.pro", "oast.live", "oast.site",
        "oast.online", "oast.fun", "oast.me", "pipedream.net", "canarytokens.com", "canarytokens.org", "requestbin.",
        "webhook.site", "dnslog.cn", "dnslog.", "ceye.io", "beeceptor.com", "hookbin.com", "requestcatcher.com",
        "postb.in", "ptsv2.com", "ptsv3.com", "mockbin.org", "requestinspector.com", "bxss.me", "xss.ht", "eyes.sh",
        "rbndr.us", "requestrepo.com", "webhook.cool", "dnslogs.", "ssrf.",
    ]
    /// Public-IP lookup services.
    private static let publicIP = [
        "ipify.org", "ipinfo.io", "ifconfig.me", "ifconfig.co", "icanhazip.com", "ident.me", "ip-api.com",
        "checkip.amazonaws.com", "myexternalip.com", "ipecho.net", "api.my-ip.io", "wtfismyip.com", "ipapi.co",
        "geolocation-db.com", "ip.sb", "ipwho.is", "ipwhois.app", "freegeoip.app", "extreme-ip-lookup.com",
        "trackip.net", "db-ip.com", "seeip.org", "myip.com", "ipgeolocation.io", "checkip.dyndns.org",
    ]
    /// Dynamic-DNS and wildcard-DNS providers.
    private static let dynamicDNS = [
        "duckdns.org", "no-ip.", "noip.", "ddns.net", "dynu.", "hopto.org", "zapto.org", "sytes.net", "servebeer.com",
        "serveftp.com", "myftp.biz", "myftp.org", "freedns.afraid.org", "dyndns.", "changeip.com", "3utilities.com",
        "bounceme.net", "ddnsking.com", "gotdns.ch", "redirectme.net", "servehttp.com", "webhop.me", "linkpc.net",
        "publicvm.com", "mooo.com", "us.to", "chickenkiller.com", "ydns.eu", "dynv6.net", "dedyn.io", "nip.io",
        "xip.io", "sslip.io", "hldns.ru",
    ]
    /// Free app-hosting and serverless platforms that give anyone a subdomain; platforms that mostly serve
    /// documentation (github.io, readthedocs) or large companies' own APIs (appspot.com, run.app, azurewebsites.net)
    /// are left out.
    private static let appHosting = [
        "onrender.com", "herokuapp.com", "vercel.app", "netlify.app", "pages.dev", "workers.dev", "glitch.me",
        "repl.co", "replit.app", "replit.dev", "pythonanywhere.com", "000webhostapp.com", "fly.dev", "railway.app",
        "deno.dev", "koyeb.app", "cyclic.app", "surge.sh", "infinityfreeapp.com", "rf.gd", "epizy.com", "free.nf",
    ]
}
