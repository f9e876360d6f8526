import Foundation

/// A generated sdist for the huge-package benchmark: `big-1.0/` with setup.py, PKG-INFO and 10,000 Python modules
/// in 100 subpackages (about 11 MB), written as an uncompressed tar in memory.
enum SyntheticSdist {
    /// The tar bytes and the number of files.
    static func make(files count: Int = 10_000, targetBytes: Int = 11 << 20) -> (tar: Data, files: Int) {
        var tar = Data()
        func add(_ path: String, _ text: String) { append(path: path, data: Data(text.utf8), to: &tar) }
        add("big-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: big\nVersion: 1.0\n")
        add(
            "big-1.0/setup.py",
            "from setuptools import setup, find_packages\nsetup(name='big', version='1.0', "
                + "packages=find_packages(), entry_points={'console_scripts': ['big = big.cli:main']})\n")
        add("big-1.0/big/__init__.py", (0..<100).map { "from . import sub\($0)\n" }.joined())
        add(
            "big-1.0/big/cli.py",
            "import sys\nfrom big.sub0 import mod0\n\ndef main():\n    return mod0.run(sys.argv)\n")
        let perFile = max(200, (targetBytes - 4_096) / max(1, count - 3))
        for package in 0..<100 {
            add("big-1.0/big/sub\(package)/__init__.py", "from .mod\(package * 100) import run\n")
        }
        var written = 104
        var index = 0
        while written < count {
            let package = index / 100
            add("big-1.0/big/sub\(package % 100)/mod\(index).py", module(index, bytes: perFile))
            written += 1
            index += 1
        }
        tar += Data(count: 1_024)
        return (tar, written)
    }

    // MARK: - Private

    /// Ordinary library code: imports, a class, functions, strings, a URL, a comment; padded to about `bytes`.
    private static func module(_ index: Int, bytes: Int) -> String {
        var text = """
            \"\"\"Module \(index) of the synthetic benchmark package.\"\"\"
            import os
            import json
            from . import mod\(max(0, index - 1))

            DOCS_URL = "https://example.org/docs/mod\(index)"


            class Handler\(index):
                \"\"\"Handles records.\"\"\"

                def __init__(self, name):
                    self.name = name
                    self.path = os.path.join("data", name + ".json")

                def load(self):
                    with open(self.path) as handle:
                        return json.load(handle)


            def run(argv):
                handler = Handler\(index)(argv[0] if argv else "default")
                return handler.load()

            """
        var line = 0
        while text.utf8.count < bytes {
            text += "# padding line \(line): keeps the module at the size of an average library file\n"
            text += "VALUE_\(line) = {'key': 'value \(line)', 'items': [\(line), \(line + 1), \(line + 2)]}\n"
            line += 1
        }
        return text
    }

    private static func append(path: String, data: Data, to tar: inout Data) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (position, byte) in text.utf8.prefix(width).enumerated() { header[offset + position] = byte }
        }
        put(path, at: 0, width: 100)
        put("0000644", at: 100, width: 8)
        put("0000000", at: 108, width: 8)
        put("0000000", at: 116, width: 8)
        put(String(format: "%011o", data.count), at: 124, width: 12)
        put("00000000000", at: 136, width: 12)
        put("        ", at: 148, width: 8)
        header[156] = 0x30
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(String(format: "%06o", checksum), at: 148, width: 6)
        header[154] = 0
        header[155] = 0x20
        tar += header
        tar += data
        let padding = (512 - data.count % 512) % 512
        tar += Data(count: padding)
    }
}
