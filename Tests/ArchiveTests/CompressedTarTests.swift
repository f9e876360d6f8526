import Foundation
import Testing

@testable import Archive

/// `.tar.xz` and `.tar.bz2`: archives built here with the `xz` and `bzip2` tools (skipped when they are absent).
@Suite struct CompressedTarTests {
    /// Why the tests are skipped when a tool is missing.
    static let skipReason: Comment = "the xz and bzip2 command-line tools are needed to build test archives"

    @Test(.enabled(if: ExternalCompressor.allAvailable, skipReason), arguments: ExternalCompressor.allCases)
    func readsEntriesAndContents(tool: ExternalCompressor) throws {
        let compressed = try tool.compress(TarReaderTests.npmTar().finished())
        let contents = try ArchiveReader.read(compressed, name: "demo-1.0.0.tar.gz")
        #expect(contents.kind.rawValue == tool.kindName)
        #expect(ArchiveKind.detect(compressed)?.rawValue == tool.kindName)
        #expect(contents.issues.isEmpty)
        #expect(contents.entries.map(\.path) == ["package/package.json", "package/index.js"])
        #expect(String(decoding: contents.entries[1].data, as: UTF8.self) == "module.exports = 42;\n")
        #expect(contents.entries[1].isExecutable)
        #expect(contents.uncompressedBytes == 512 * 4 + 1024)
    }

    @Test(.enabled(if: ExternalCompressor.allAvailable, skipReason), arguments: ExternalCompressor.allCases)
    func readsConcatenatedStreamsAndLargeEntries(tool: ExternalCompressor) throws {
        var tar = TarBuilder()
        let big = HostileArchives.randomBytes(300_000)
        tar.entry("package/big.bin", big)
        tar.file("package/after.txt", "after")
        let plain = tar.finished()
        let split = 100_003
        let joined = try tool.compress(plain.prefix(split)) + tool.compress(plain.dropFirst(split))
        for archive in [try tool.compress(plain), joined] {
            let contents = try ArchiveReader.read(archive)
            #expect(contents.issues.isEmpty)
            #expect(contents.entries.map(\.path) == ["package/big.bin", "package/after.txt"])
            #expect(contents.entries.first?.data == big)
            #expect(contents.entries.last?.data == Data("after".utf8))
        }
    }

    @Test(.enabled(if: ExternalCompressor.allAvailable, skipReason), arguments: ExternalCompressor.allCases)
    func truncatedStreamKeepsWhatCameBefore(tool: ExternalCompressor) throws {
        var tar = TarReaderTests.npmTar()
        tar.entry("package/big.bin", HostileArchives.randomBytes(200_000))
        let compressed = try tool.compress(tar.finished(), level: 1)
        let contents = try ArchiveReader.read(compressed.prefix(compressed.count / 2))
        #expect(contents.entries.map(\.path) == ["package/package.json", "package/index.js"])
        #expect(contents.issues.map(\.kind) == [.truncated])
        #expect(contents.issues.first?.message.contains("\(tool.rawValue) data ends early") == true)
        let early = #expect(throws: ArchiveError.self) { try ArchiveReader.read(compressed.prefix(40)) }
        #expect(early?.code == .corrupt)
        #expect(early?.offset != nil)
        #expect(early?.message.contains(tool.rawValue) == true)
    }

    @Test(.enabled(if: ExternalCompressor.allAvailable, skipReason), arguments: ExternalCompressor.allCases)
    func corruptStreamIsAnErrorWithOffsetAndFormat(tool: ExternalCompressor) throws {
        let magic = tool == .xz ? Data([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) : Data("BZh9".utf8)
        let garbage = magic + HostileArchives.randomBytes(4_000)
        let error = #expect(throws: ArchiveError.self) { try ArchiveReader.read(garbage) }
        #expect(error?.code == .corrupt)
        #expect(error?.offset != nil)
        #expect(error?.message.contains("\(tool.rawValue) data is damaged") == true)
        var tar = TarReaderTests.npmTar()
        tar.entry("package/big.bin", HostileArchives.randomBytes(200_000))
        var damaged = try tool.compress(tar.finished(), level: 1)
        damaged[damaged.count * 3 / 4] ^= 0xA5
        let contents = try ArchiveReader.read(damaged)
        #expect(contents.issues.map(\.kind) == [.truncated])
        #expect(!contents.entries.map(\.path).contains("package/big.bin"))
    }

    @Test(.enabled(if: ExternalCompressor.allAvailable, skipReason), arguments: ExternalCompressor.allCases)
    func everyPrefixAndByteFlipIsSafe(tool: ExternalCompressor) throws {
        let archive = try tool.compress(TarReaderTests.npmTar().finished())
        for length in 0...archive.count {
            _ = try? ArchiveReader.read(archive.prefix(length))
        }
        for index in 0..<archive.count {
            var copy = archive
            copy[index] ^= 0xA5
            _ = try? ArchiveReader.read(copy)
        }
    }
}

/// 200 MiB and 256 MiB of zeros behind one tar header, compressed once per format (30 KB of xz, 200 bytes of bzip2).
@Suite(.serialized) struct CompressedTarBombTests {
    static let bombs200: [ExternalCompressor: Data] = bombs(zeroCount: 200 << 20)
    static let bombs256: [ExternalCompressor: Data] = bombs(zeroCount: 256 << 20)

    static func bombs(zeroCount: Int) -> [ExternalCompressor: Data] {
        let header = TarBuilder.header(name: "package/bomb.bin", type: "0", size: UInt64(zeroCount))
        var out: [ExternalCompressor: Data] = [:]
        for tool in ExternalCompressor.allCases where tool.isAvailable {
            out[tool] = try? tool.compressZeros(header: header, zeroCount: zeroCount)
        }
        return out
    }

    /// The process's peak resident size so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage.ru_maxrss * 1_024
    }

    @Test(
        .enabled(if: ExternalCompressor.allAvailable, CompressedTarTests.skipReason),
        arguments: ExternalCompressor.allCases)
    func bombStopsAtTheRatioLimit(tool: ExternalCompressor) throws {
        let bomb = try #require(Self.bombs200[tool])
        let contents = try ArchiveReader.read(bomb)
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit, .compressionRatioLimit])
        #expect(contents.uncompressedBytes < 4 << 20)
        // With room for the whole entry, only the ratio limit bounds memory: 200 MiB is never allocated.
        let before = Self.peakResidentBytes()
        let relaxed = ArchiveLimits(maxEntryBytes: 512 << 20, maxTotalBytes: 512 << 20)
        let roomy = try ArchiveReader.read(bomb, limits: relaxed)
        #expect(roomy.issues.map(\.kind) == [.compressionRatioLimit])
        #expect(roomy.entries.isEmpty)
        #expect(roomy.uncompressedBytes < 4 << 20)
        #expect(Self.peakResidentBytes() - before < 100 << 20)
    }

    @Test(
        .enabled(if: ExternalCompressor.allAvailable, CompressedTarTests.skipReason),
        arguments: ExternalCompressor.allCases)
    func bombStopsAtTheTotalLimitWithoutARatioLimit(tool: ExternalCompressor) throws {
        let bomb = try #require(Self.bombs256[tool])
        let limits = ArchiveLimits(maxTotalBytes: 64 << 20, maxCompressionRatio: 1_000_000_000)
        let contents = try ArchiveReader.read(bomb, limits: limits)
        #expect(contents.issues.map(\.kind) == [.entrySizeLimit, .totalSizeLimit])
        #expect(contents.uncompressedBytes <= limits.maxTotalBytes + 512)
    }
}
