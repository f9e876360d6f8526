import Foundation
import Testing

@testable import Archive

@Suite struct HostileArchiveTests {
    @Test func honestZipBombIsRefusedBeforeInflating() throws {
        let contents = try ArchiveReader.read(HostileArchives.zipBomb())
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit])
        #expect(contents.entries.isEmpty)
        #expect(contents.uncompressedBytes == 0)
        let relaxed = ArchiveLimits(maxEntryBytes: 2 << 30, maxTotalBytes: 4 << 30)
        let again = try ArchiveReader.read(HostileArchives.zipBomb(), limits: relaxed)
        #expect(again.issues.map(\.kind) == [.compressionRatioLimit])
        #expect(again.uncompressedBytes == 0)
    }

    @Test func lyingZipBombStopsOneBytePastItsDeclaredSize() throws {
        let contents = try ArchiveReader.read(HostileArchives.zipBomb(declared: 1_000))
        #expect(contents.issues.map(\.kind) == [.corrupt])
        #expect(contents.issues.first?.message.contains("more than its declared 1000 bytes") == true)
        #expect(contents.uncompressedBytes == 1_001)
    }

    @Test func overlappingZipEntriesAreSkipped() throws {
        let contents = try ArchiveReader.read(HostileArchives.overlappingZip(count: 50))
        #expect(contents.entries.map(\.path) == ["kernel.bin"])
        #expect(contents.issues(of: .overlappingEntries).count == 50)
        #expect(contents.uncompressedBytes == 100_000)
        let nested = try ArchiveReader.read(HostileArchives.nestedOverlapZip())
        #expect(nested.entries.map(\.path) == ["outer.bin"])
        #expect(nested.issues.map(\.kind) == [.overlappingEntries])
    }

    @Test func tarGzipBombDeclaringOneGibibyteIsNotInflated() throws {
        let contents = try ArchiveReader.read(HostileArchives.tarGzipBomb())
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit, .totalSizeLimit])
        #expect(contents.uncompressedBytes == 512)
    }

    @Test func tarGzipBombWithinTheTotalStopsAtTheRatioLimit() throws {
        let contents = try ArchiveReader.read(HostileArchives.tarGzipBomb(zeroCount: 200 << 20))
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit, .compressionRatioLimit])
        #expect(contents.uncompressedBytes < 4 << 20)
    }

    @Test func tarGzipBombStopsAtTheTotalLimitWithoutARatioLimit() throws {
        let limits = ArchiveLimits(maxTotalBytes: 64 << 20, maxCompressionRatio: 1_000_000)
        let contents = try ArchiveReader.read(HostileArchives.tarGzipBomb(zeroCount: 256 << 20), limits: limits)
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit, .totalSizeLimit])
        #expect(contents.uncompressedBytes <= limits.maxTotalBytes + 512)
    }

    @Test func bombConstructionIsValidDeflate() throws {
        let limits = ArchiveLimits(maxCompressionRatio: 10_000)
        let contents = try ArchiveReader.read(HostileArchives.tarGzipBomb(zeroCount: 4 << 20), limits: limits)
        #expect(contents.issues.isEmpty)
        #expect(contents.entries.first?.data == Data(count: 4 << 20))
        var zip = ZipBuilder()
        let (compressed, crc) = Deflater.rawZeros(zeroCount: 4 << 20)
        zip.add(.init(name: "z", method: 8, compressed: compressed, crc: crc, uncompressedSize: 4 << 20))
        let zipped = try ArchiveReader.read(zip.build(), limits: limits)
        #expect(zipped.issues.isEmpty)
        #expect(zipped.entries.first?.size == 4 << 20)
    }

    @Test func hundredThousandEntriesStopAtTheCountLimit() throws {
        let tgz = Deflater.compress(HostileArchives.manyEntriesTar(count: 100_000), .gzip, level: 1)
        let tar = try ArchiveReader.read(tgz)
        #expect(tar.entries.count == 20_000)
        #expect(tar.issues.map(\.kind) == [.entryCountLimit])
        let zip = try ArchiveReader.read(HostileArchives.manyEntriesZip(count: 100_000))
        #expect(zip.entries.count == 20_000)
        #expect(zip.issues.map(\.kind) == [.entryCountLimit])
    }

    @Test func entryDeclaringOneGigabyteIsSkipped() throws {
        let tar = try ArchiveReader.read(HostileArchives.hugeDeclaredTar())
        #expect(tar.entries.map(\.path) == ["package/ok.js"])
        #expect(tar.issues.map(\.kind) == [.entrySizeLimit, .totalSizeLimit])
        let base256 = try ArchiveReader.read(HostileArchives.hugeDeclaredTar(declared: 1 << 62))
        #expect(base256.issues.map(\.kind) == [.entrySizeLimit, .totalSizeLimit])
        var zip = ZipBuilder()
        zip.add(.init(name: "huge.bin", method: 0, compressed: Data("tiny".utf8), crc: 0,
                      uncompressedSize: 1_000_000_000))
        #expect(try ArchiveReader.read(zip.build()).issues.map(\.kind) == [.entrySizeLimit])
        let declaredOnly = try ArchiveReader.read(HostileArchives.hugeDeclaredTar(declared: 5_000), limits: .init())
        #expect(declaredOnly.issues.map(\.kind) == [.truncated])
    }

    @Test func traversalAndAbsolutePathsAreDropped() throws {
        var tar = TarBuilder()
        tar.file("../../etc/x", "x")
        tar.file("/abs", "x")
        tar.file("package/../../x", "x")
        tar.file("package/..\\..\\x", "x")
        tar.file("package/ok.js", "ok")
        let contents = try ArchiveReader.read(Deflater.compress(tar.finished(), .gzip))
        #expect(contents.issues.map(\.kind) == [.parentTraversal, .absolutePath, .parentTraversal, .parentTraversal])
        #expect(contents.entries.map(\.path) == ["package/ok.js"])
        #expect(contents.issues[0].path == "../../etc/x")
    }

    @Test func deepAndLongPathsAreDropped() throws {
        var tar = TarBuilder()
        tar.pax([("path", Array(repeating: "d", count: 40).joined(separator: "/"))])
        tar.file("ignored", "x")
        tar.pax([("path", "package/" + String(repeating: "n", count: 2_000))])
        tar.file("ignored", "x")
        tar.pax([("path", String(repeating: "n", count: 900_000))])
        tar.file("ignored", "x")
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.issues.map(\.kind) == [.pathDepthLimit, .pathLengthLimit, .pathLengthLimit])
        #expect(contents.entries.isEmpty)
    }

    @Test func linksAreReportedNotFollowed() throws {
        var tar = TarBuilder()
        tar.entry("package/creds", type: "2", linkName: "/home/user/.npmrc")
        tar.entry("package/inner", type: "2", linkName: "lib/index.js")
        tar.entry("package/hard", type: "1", linkName: "package/creds")
        let contents = try ArchiveReader.read(tar.finished())
        #expect(contents.issues.map(\.kind) == [.symlink, .symlink, .hardlink])
        #expect(contents.issues[0].message.contains("outside the archive"))
        #expect(!contents.issues[1].message.contains("outside the archive"))
        #expect(contents.entries.map(\.kind) == [.symlink, .symlink, .hardlink])
        #expect(contents.entries.allSatisfy { $0.data.isEmpty })
    }

    @Test func truncatedGzipKeepsWhatCameBefore() throws {
        var tar = TrueTar.npm()
        tar.entry("package/big.bin", HostileArchives.randomBytes(200_000))
        let tgz = Deflater.compress(tar.finished(), .gzip)
        let contents = try ArchiveReader.read(tgz.prefix(tgz.count / 2))
        #expect(contents.entries.map(\.path) == ["package/package.json", "package/index.js"])
        #expect(contents.issues.map(\.kind) == [.truncated])
        let early = #expect(throws: ArchiveError.self) { try ArchiveReader.read(tgz.prefix(12)) }
        #expect(early?.code == .corrupt)
    }

    @Test func inputThatIsNotAnArchiveThrows() {
        let cases: [(Data, ArchiveError.Code)] = [
            (Data(), .empty),
            (HostileArchives.randomBytes(10_000), .notAnArchive),
            (Data("BZh91AY&SY".utf8) + Data(count: 100), .corrupt),
            (Data([0x28, 0xB5, 0x2F, 0xFD]) + Data(count: 100), .unsupportedFormat),
            (Deflater.compress(Data(String(repeating: "not a tar ", count: 100).utf8), .gzip), .corrupt),
            (Data("PK\u{03}\u{04}".utf8) + HostileArchives.randomBytes(300), .corrupt),
        ]
        for (data, code) in cases {
            let error = #expect(throws: ArchiveError.self) { try ArchiveReader.read(data) }
            #expect(error?.code == code)
        }
    }

    @Test func everyPrefixAndByteFlipOfSmallArchivesIsSafe() {
        let tgz = Deflater.compress(TrueTar.npm().finished(), .gzip)
        let zip = ZipReaderTests.wheel().build()
        let plain = TrueTar.npm().finished()
        for archive in [tgz, zip, plain] {
            for length in stride(from: 0, through: archive.count, by: archive.count > 2_000 ? 7 : 1) {
                _ = try? ArchiveReader.read(archive.prefix(length))
            }
            for index in stride(from: 0, to: archive.count, by: archive.count > 2_000 ? 5 : 1) {
                var copy = archive
                copy[index] ^= 0xA5
                _ = try? ArchiveReader.read(copy)
            }
        }
    }
}

/// Well-formed archives shared by the hostile tests.
private enum TrueTar {
    static func npm() -> TarBuilder { TarReaderTests.npmTar() }
}
