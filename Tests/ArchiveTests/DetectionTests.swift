import Foundation
import Testing

@testable import Archive

@Suite struct DetectionTests {
    @Test func detectsFormatsFromBytesNotNames() throws {
        let tar = TarReaderTests.npmTar().finished()
        #expect(ArchiveKind.detect(Deflater.compress(tar, .gzip)) == .tarGzip)
        #expect(ArchiveKind.detect(tar) == .tar)
        #expect(ArchiveKind.detect(ZipBuilder().build()) == .zip)
        #expect(ArchiveKind.detect(Data("hello".utf8)) == nil)
        #expect(ArchiveKind(fileName: "https://registry.npmjs.org/a/-/a-1.0.0.tgz") == .tarGzip)
        #expect(ArchiveKind(fileName: "demo-1.0-py3-none-any.WHL") == .zip)
        #expect(ArchiveKind(fileName: "demo-1.0.tar.bz2") == .tarBzip2)
        #expect(ArchiveKind(fileName: "demo-1.0.TXZ") == .tarXz)
        #expect(ArchiveKind(fileName: "demo-1.0.tar.zst") == nil)
        #expect(ArchiveKind.detect(Data([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00])) == .tarXz)
        #expect(ArchiveKind.detect(Data("BZh91AY&SY".utf8)) == .tarBzip2)
        #expect(ArchiveKind.detect(Data("BZh0".utf8)) == nil)
        let contents = try ArchiveReader.read(tar, name: "misnamed.zip")
        #expect(contents.kind == .tar)
    }

    @Test func nameHintOnlyImprovesTheMessage() {
        let error = #expect(throws: ArchiveError.self) {
            try ArchiveReader.read(Data("<html>not found</html>".utf8), name: "a-1.0.0.tgz")
        }
        #expect(error?.code == .notAnArchive)
        #expect(error?.message.contains("tarGzip") == true)
    }

    @Test func readsSlicesOfLargerBuffers() throws {
        let padding = Data(repeating: 0xEE, count: 7)
        for archive in [Deflater.compress(TarReaderTests.npmTar().finished(), .gzip),
                        TarReaderTests.npmTar().finished(), ZipReaderTests.wheel().build()] {
            let buffer = padding + archive + padding
            let slice = buffer[padding.count..<(padding.count + archive.count)]
            #expect(try ArchiveReader.read(slice).entries.map(\.data) == ArchiveReader.read(archive).entries.map(\.data))
        }
    }

    @Test func archiveRootDirectoryIsDroppedSilently() throws {
        var tar = TarBuilder()
        tar.entry("/", type: "5")
        tar.entry("./", type: "5")
        tar.file("package/a.js", "a")
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.issues.isEmpty)
        #expect(contents.entries.map(\.path) == ["package/a.js"])
    }

    @Test(arguments: [
        ("/etc/passwd", true, false), ("\\\\server\\share", true, false), ("C:evil", true, false),
        ("a/../b", false, true), ("a\\..\\b", false, true), ("a/..b/c", false, false), ("./a/./b/", false, false),
        ("a/\u{301}../b", false, false), ("../\u{301}x", false, true),
    ])
    func entryPathClassification(raw: String, absolute: Bool, parent: Bool) {
        let path = EntryPath(raw, backslashSeparates: false)
        #expect(path.isAbsolute == absolute)
        #expect(path.hasParentComponent == parent)
    }

    @Test func ratioLimitHasAFloor() {
        let limits = ArchiveLimits()
        #expect(!limits.exceedsRatio(uncompressed: 1 << 20, compressed: 1))
        #expect(limits.exceedsRatio(uncompressed: (1 << 20) + 1, compressed: 1))
        #expect(!limits.exceedsRatio(uncompressed: 100 << 20, compressed: 1 << 20))
        #expect(limits.exceedsRatio(uncompressed: (100 << 20) + 1, compressed: 1 << 20))
        #expect(ArchiveLimits(maxEntries: -5).maxEntries == 0)
    }

    @Test func customLimitsApply() throws {
        var tar = TarBuilder()
        for index in 0..<5 { tar.file("package/f\(index).js", String(repeating: "x", count: 100)) }
        let limits = ArchiveLimits(maxEntries: 3, maxEntryBytes: 50)
        let contents = try ArchiveReader.read(tar.finished(), limits: limits)
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit, .entrySizeLimit, .entrySizeLimit, .entryCountLimit])
        #expect(contents.entries.isEmpty)
        let total = try ArchiveReader.read(tar.finished(), limits: ArchiveLimits(maxTotalBytes: 2_048))
        #expect(total.entries.count == 2)
        #expect(total.issues.map(\.kind) == [.totalSizeLimit])
        #expect(total.uncompressedBytes <= 2_048 + 512)
    }
}
