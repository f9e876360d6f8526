import Foundation
import Testing

@testable import Archive

@Suite struct TarReaderTests {
    /// An npm-style package: `package/package.json` and `package/index.js`.
    static func npmTar() -> TarBuilder {
        var tar = TarBuilder()
        tar.file("package/package.json", #"{"name":"demo","version":"1.0.0","main":"index.js"}"#)
        tar.file("package/index.js", "module.exports = 42;\n", mode: 0o755)
        return tar
    }

    @Test func readsNpmTarball() throws {
        let tgz = Deflater.compress(Self.npmTar().finished(), .gzip)
        let contents = try ArchiveReader.read(tgz)
        #expect(contents.kind == .tarGzip)
        #expect(contents.issues.isEmpty)
        #expect(contents.entries.map(\.path) == ["package/package.json", "package/index.js"])
        #expect(contents.entries.map(\.kind) == [.file, .file])
        #expect(String(decoding: contents.entries[1].data, as: UTF8.self) == "module.exports = 42;\n")
        #expect(contents.entries[1].size == 21)
        #expect(contents.entries[1].isExecutable)
        #expect(!contents.entries[0].isExecutable)
        #expect(contents.uncompressedBytes == 512 * 4 + 1024)
    }

    @Test func readsPlainTarAndNormalisesPaths() throws {
        var tar = TarBuilder()
        tar.entry("./package/", type: "5")
        tar.file("./package//lib/./a.js", "a")
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.kind == .tar)
        #expect(contents.entries.map(\.path) == ["package", "package/lib/a.js"])
        #expect(contents.entries.map(\.kind) == [.directory, .file])
    }

    @Test func readsPaxLongNamesLinksAndSizes() throws {
        let long = "package/" + String(repeating: "d/", count: 20) + String(repeating: "n", count: 120) + ".js"
        var tar = TarBuilder()
        tar.pax([("comment", "global"), ("mtime", "1.5")], global: true)
        tar.pax([("path", long), ("size", "5")])
        tar.entry("short-name", Data("hello".utf8), declaredSize: 999)
        tar.pax([("linkpath", "package/" + String(repeating: "t", count: 150))])
        tar.entry("package/link", type: "2", linkName: "ignored")
        let contents = try ArchiveReader.read(Deflater.compress(tar.finished(), .gzip))
        #expect(contents.entries.count == 2)
        #expect(contents.entries[0].path == long)
        #expect(contents.entries[0].data == Data("hello".utf8))
        #expect(contents.entries[1].kind == .symlink)
        #expect(contents.entries[1].linkTarget == "package/" + String(repeating: "t", count: 150))
        #expect(contents.issues.map(\.kind) == [.symlink])
    }

    @Test func readsGnuLongNamesAndLinks() throws {
        let long = "package/" + String(repeating: "x", count: 300) + ".py"
        var tar = TarBuilder()
        tar.gnuLong(long)
        tar.entry("truncated-name", Data("print(1)\n".utf8), format: .gnu)
        tar.gnuLong(long, link: true)
        tar.entry("package/hard", type: "1", linkName: "short", format: .gnu)
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.entries.map(\.path) == [long, "package/hard"])
        #expect(contents.entries[1].kind == .hardlink)
        #expect(contents.entries[1].linkTarget == long)
        #expect(contents.issues.map(\.kind) == [.hardlink])
    }

    @Test func readsUstarPrefixV7AndBase256() throws {
        var tar = TarBuilder()
        tar.entry("index.js", Data("x".utf8), prefix: "package/deep")
        tar.entry("package/old.js", Data("old".utf8), format: .v7)
        tar.entry("package/b256.js", Data("base".utf8), base256: true)
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.entries.map(\.path) == ["package/deep/index.js", "package/old.js", "package/b256.js"])
        #expect(contents.entries[2].data == Data("base".utf8))
        #expect(contents.issues.isEmpty)
    }

    @Test func detectsV7TarWithoutMagic() throws {
        var tar = TarBuilder()
        tar.entry("old/file.txt", Data("v7".utf8), format: .v7)
        #expect(ArchiveKind.detect(tar.finished()) == .tar)
        #expect(try ArchiveReader.read(tar.finished()).entries.count == 1)
    }

    @Test func readsConcatenatedGzipMembers() throws {
        var first = TarBuilder()
        first.file("package/a.js", "a")
        var second = TarBuilder()
        second.file("package/b.js", "b")
        let tgz = Deflater.compress(first.data, .gzip) + Deflater.compress(second.finished(), .gzip)
        let contents = try ArchiveReader.read(tgz)
        #expect(contents.entries.map(\.path) == ["package/a.js", "package/b.js"])
        #expect(contents.issues.isEmpty)
    }

    @Test func continuesAfterOneZeroBlockLikeNodeTar() throws {
        var tar = TarBuilder()
        tar.file("package/a.js", "a")
        let single = tar.data + Data(count: 512)
        var rest = TarBuilder()
        rest.file("package/hidden.js", "b")
        let contents = try ArchiveReader.read(single + rest.finished())
        #expect(contents.entries.map(\.path) == ["package/a.js", "package/hidden.js"])
    }

    @Test func reportsDevicesSparseDuplicatesAndOddSizes() throws {
        var tar = TarBuilder()
        tar.file("package/a.js", "1")
        tar.file("package/a.js", "2")
        tar.entry("package/dir", type: "5")
        tar.entry("package/dir", type: "5")
        tar.entry("package/fifo", type: "6")
        tar.entry("package/dev", type: "3")
        tar.entry("package/sparse", Data("sparse-data".utf8), type: "S")
        tar.data.append(TarBuilder.header(name: "package/sized-dir", type: "5", size: 10))
        tar.file("package/after.js", "after")
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.issues.map(\.kind) == [
            .duplicatePath, .deviceOrFifo, .deviceOrFifo, .unsupportedEntryType, .corrupt,
        ])
        #expect(contents.entries.map(\.kind) == [.file, .file, .directory, .directory, .other, .other, .other,
                                                 .directory, .file])
        #expect(contents.entries.last?.data == Data("after".utf8))
    }

    @Test func keepsEntriesBeforeADamagedHeader() throws {
        var tar = TarBuilder()
        tar.file("package/a.js", "a")
        var bad = [UInt8](TarBuilder.header(name: "package/b.js", type: "0", size: 1))
        bad[0] ^= 0x01
        let contents = try ArchiveReader.read(tar.data + Data(bad) + Data(count: 1536))
        #expect(contents.entries.map(\.path) == ["package/a.js"])
        #expect(contents.issues.map(\.kind) == [.truncated])
    }

    @Test func malformedPaxRecordIsAnIssue() throws {
        var tar = TarBuilder()
        tar.entry("PaxHeaders/x", Data("99 path=x\n".utf8), type: "x")
        tar.file("package/a.js", "a")
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.issues.map(\.kind) == [.corrupt])
        #expect(contents.entries.map(\.path) == ["package/a.js"])
    }
}
