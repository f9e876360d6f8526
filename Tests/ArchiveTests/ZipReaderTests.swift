import Foundation
import Testing

@testable import Archive

@Suite struct ZipReaderTests {
    /// A wheel-like zip: a stored module, a deflated module and dist-info files.
    static func wheel(dataDescriptor: Bool = false) -> ZipBuilder {
        var zip = ZipBuilder()
        zip.add("demo/__init__.py", Data("from .core import run\n".utf8), method: 0)
        zip.add("demo/core.py", Data(String(repeating: "def run():\n    return 1\n", count: 50).utf8),
                dataDescriptor: dataDescriptor)
        zip.add("demo-1.0.dist-info/METADATA", Data("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n".utf8))
        zip.add("demo-1.0.dist-info/RECORD", Data(), method: 0)
        return zip
    }

    @Test(arguments: [false, true])
    func readsWheel(dataDescriptor: Bool) throws {
        let contents = try ArchiveReader.read(Self.wheel(dataDescriptor: dataDescriptor).build(), name: "demo.whl")
        #expect(contents.kind == .zip)
        #expect(contents.issues.isEmpty)
        #expect(contents.entries.map(\.path) == [
            "demo/__init__.py", "demo/core.py", "demo-1.0.dist-info/METADATA", "demo-1.0.dist-info/RECORD",
        ])
        #expect(contents.entries[1].data.count == 50 * 24)
        #expect(contents.entries[0].mode == 0o644)
        #expect(contents.uncompressedBytes == contents.entries.reduce(0) { $0 + $1.size })
    }

    @Test func readsZip64PrependedDataAndDirectories() throws {
        var zip = Self.wheel()
        zip.add("demo/sub/", Data(), method: 0, unixMode: 0o040755)
        let data = zip.build(prefix: Data(repeating: 0x41, count: 1000), zip64: true)
        #expect(ArchiveKind.detect(data) == .zip)
        let contents = try ArchiveReader.read(data)
        #expect(contents.entries.count == 5)
        #expect(contents.entries.last?.kind == .directory)
        #expect(contents.entries.last?.path == "demo/sub")
        #expect(contents.issues.isEmpty)
    }

    @Test func readsEmptyZip() throws {
        let contents = try ArchiveReader.read(ZipBuilder().build())
        #expect(contents.entries.isEmpty && contents.issues.isEmpty)
    }

    @Test func reportsDamagedEncryptedAndUnsupportedEntries() throws {
        var zip = ZipBuilder()
        let text = Data("print('hi')\n".utf8)
        zip.add(.init(name: "bad-crc.py", method: 0, compressed: text, crc: 1, uncompressedSize: UInt64(text.count)))
        zip.add(.init(name: "secret.py", method: 0, compressed: text, crc: Deflater.crc(text),
                      uncompressedSize: UInt64(text.count), flags: 1))
        zip.add(.init(name: "bzip.py", method: 12, compressed: text, crc: 0, uncompressedSize: 12))
        zip.add(.init(name: "renamed.py", method: 0, compressed: text, crc: Deflater.crc(text),
                      uncompressedSize: UInt64(text.count), localName: "evil.py"))
        zip.add(.init(name: "short.py", method: 0, compressed: text, crc: Deflater.crc(text), uncompressedSize: 3))
        zip.add(.init(name: "garbage.py", method: 8, compressed: Data([0xFF, 0xFF, 0xFF]), crc: 0,
                      uncompressedSize: 10))
        zip.add("ok.py", text)
        let contents = try ArchiveReader.read(zip.build())
        #expect(contents.issues.map(\.kind) == [
            .corrupt, .encrypted, .unsupportedCompression, .corrupt, .corrupt, .corrupt,
        ])
        #expect(contents.entries.map(\.path) == ["ok.py"])
    }

    @Test func symlinkBackslashTraversalAndCP437() throws {
        var zip = ZipBuilder()
        zip.add("pkg/link", Data("../../etc/passwd".utf8), method: 0, unixMode: 0o120777)
        zip.add("..\\..\\evil.py", Data("x".utf8))
        zip.add("C:\\evil.py", Data("x".utf8))
        zip.add(.init(name: "caf\u{E9}.txt", method: 0, compressed: Data(), crc: 0, uncompressedSize: 0))
        var data = zip.build()
        if let range = data.range(of: Data("caf\u{E9}".utf8)) {
            data.replaceSubrange(range, with: Data([0x63, 0x61, 0x66, 0x82, 0x2E]))
        }
        if let range = data.range(of: Data("caf\u{E9}".utf8)) {
            data.replaceSubrange(range, with: Data([0x63, 0x61, 0x66, 0x82, 0x2E]))
        }
        let contents = try ArchiveReader.read(data)
        #expect(contents.issues.map(\.kind) == [.symlink, .parentTraversal, .absolutePath])
        #expect(contents.issues[0].message.contains("outside the archive"))
        #expect(contents.entries.map(\.kind) == [.symlink, .file])
        #expect(contents.entries[0].linkTarget == "../../etc/passwd")
        #expect(contents.entries[1].path == "caf\u{E9}..txt")
    }

    @Test func cp437TableIsComplete() {
        #expect(ZipName.cp437High.count == 128)
        #expect(ZipName.decode([0x82, 0xE1], utf8Flag: false) == "\u{E9}\u{DF}")
    }
}
