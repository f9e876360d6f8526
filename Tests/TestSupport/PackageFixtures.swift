import Fetch
import Foundation

/// Builds small package archives for tests with the system's `tar` and `gzip` (synthetic packages only: never
/// corpus samples).
public enum PackageFixtures {
    /// An npm tarball: every file under `package/`.
    /// - Parameter files: Relative path to text, e.g. `["package.json": "{...}", "index.js": "..."]`.
    /// - Returns: The .tgz bytes.
    /// - Throws: When tar fails.
    public static func npmTarball(_ files: [String: String]) throws -> Data {
        try tarGzip(root: "package", files: files)
    }

    /// An npm tarball with a minimal package.json and an index.js.
    public static func npmPackage(name: String, version: String, scripts: [String: String] = [:], index: String = "module.exports = 1;\n") throws -> Data {
        let scriptJSON = scripts.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        return try npmTarball([
            "package.json": "{\"name\": \"\(name)\", \"version\": \"\(version)\", \"main\": \"index.js\", \"scripts\": {\(scriptJSON)}}\n",
            "index.js": index,
        ])
    }

    /// A Python sdist: every file under `<name>-<version>/`.
    public static func sdist(name: String, version: String, files: [String: String] = [:]) throws -> Data {
        var all = files
        if all["PKG-INFO"] == nil { all["PKG-INFO"] = "Metadata-Version: 2.1\nName: \(name)\nVersion: \(version)\n" }
        if all["setup.py"] == nil { all["setup.py"] = "from setuptools import setup\nsetup(name='\(name)', version='\(version)')\n" }
        return try tarGzip(root: "\(name)-\(version)", files: all)
    }

    /// A tar.gz of files under a root folder, written with the system's tar.
    public static func tarGzip(root: String, files: [String: String]) throws -> Data {
        let directory = try TemporaryDirectory()
        for (path, text) in files { try directory.write("\(root)/\(path)", text) }
        let result = try CommandRunner.run("tar", ["-czf", "out.tgz", root], in: directory.path)
        guard result.status == 0 else { throw POSIXError(.EIO) }
        return try Data(contentsOf: directory.url.appendingPathComponent("out.tgz"))
    }

    /// A tar.gz whose member names are taken verbatim (so `../x` and `/abs` stay as written), built with Python's
    /// tarfile — for hostile-archive tests that the file system could not express.
    public static func rawTarGzip(_ members: [String: String]) throws -> Data {
        let directory = try TemporaryDirectory()
        let spec = try JSONSerialization.data(withJSONObject: members)
        try spec.write(to: directory.url.appendingPathComponent("members.json"))
        let script = """
            import io, json, tarfile
            members = json.load(open('members.json'))
            with tarfile.open('out.tgz', 'w:gz') as archive:
                for name, text in sorted(members.items()):
                    data = text.encode()
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    archive.addfile(info, io.BytesIO(data))
            """
        let result = try CommandRunner.run("python3", ["-c", script], in: directory.path)
        guard result.status == 0 else { throw POSIXError(.EIO) }
        return try Data(contentsOf: directory.url.appendingPathComponent("out.tgz"))
    }

    /// The npm SRI string (`sha512-<base64>`) of bytes.
    public static func sri512(_ data: Data) -> String {
        let hex = Digest.hex(.sha512, of: data) ?? ""
        var bytes = [UInt8]()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return "sha512-" + Data(bytes).base64EncodedString()
    }
}
