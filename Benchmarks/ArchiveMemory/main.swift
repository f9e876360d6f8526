// archive-memory-bench: builds hostile archives in memory, reads each with the default ArchiveLimits, and prints wall
// time and peak resident memory (getrusage ru_maxrss). For each case a builder child process writes the archive to a
// pipe and a reader child process loads and reads it, so the reader's peak is the reader's own (input bytes included),
// not the builder's. (Linux carries the parent's resident size at spawn into a child's ru_maxrss, so this parent
// never builds anything and stays small.)
//
//     swift run -c release archive-memory-bench            # every case
//     swift run -c release archive-memory-bench zip-bomb   # one case, built and read in this process

import Archive
import CZlib
import Foundation

/// One benchmark case: a name, what it is, and how to build its bytes.
struct BenchCase {
    let name: String
    let summary: String
    let build: () -> Data
}

let gibibyte = 1 << 30

let cases: [BenchCase] = [
    BenchCase(name: "npm-tgz", summary: "ordinary npm tarball, 200 files of 8 KiB") {
        gzip(tar((0..<200).map { ("package/lib/f\($0).js", pseudoText(8 << 10, seed: UInt64($0))) }))
    },
    BenchCase(name: "zip-bomb", summary: "zip, one entry of 1 GiB zeros declared honestly") {
        zip([ZipItem(name: "bomb.bin", zeros: gibibyte, declared: UInt64(gibibyte))])
    },
    BenchCase(name: "zip-bomb-lying", summary: "zip, 1 GiB zeros declaring 1,000 bytes") {
        zip([ZipItem(name: "bomb.bin", zeros: gibibyte, declared: 1_000)])
    },
    BenchCase(name: "zip-overlap", summary: "zip, 10,000 central records sharing one 30 MiB entry") {
        zip([ZipItem(name: "kernel.bin", zeros: 30 << 20, declared: 30 << 20)], aliases: 10_000)
    },
    BenchCase(name: "tgz-bomb-1g", summary: "tgz, one entry of 1 GiB zeros") { tarGzipZeros(gibibyte) },
    BenchCase(name: "tgz-bomb-200m", summary: "tgz, one entry of 200 MiB zeros (within the total)") {
        tarGzipZeros(200 << 20)
    },
    BenchCase(name: "tgz-100k-entries", summary: "tgz, 100,000 empty files") {
        gzip(tar((0..<100_000).map { ("package/f\($0)", Data()) }))
    },
    BenchCase(name: "zip-100k-entries", summary: "zip, 100,000 empty files (ZIP64 end records)") {
        zip((0..<100_000).map { ZipItem(name: "f\($0)", zeros: 0, declared: 0) })
    },
    BenchCase(name: "tar-declares-1g", summary: "tar, a header declaring 1 GB with 4 bytes after it") {
        var data = tarHeader("package/huge.bin", size: 1_000_000_000)
        data.append(Data("tiny".utf8))
        return data
    },
    BenchCase(name: "tgz-at-total-limit", summary: "tgz, 9 text files of 30 MiB (270 MiB, past the total)") {
        gzip(tar((0..<9).map { ("package/data\($0).txt", pseudoText(30 << 20, seed: UInt64($0))) }))
    },
]

/// ru_maxrss in MiB (Linux reports KiB).
func peakMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Reads `input` (already in memory) and prints one table row; `loaded` is the peak before reading.
func read(_ name: String, _ input: Data, loaded: Double) {
    let start = ContinuousClock.now
    let outcome: String
    do {
        let contents = try ArchiveReader.read(input)
        let kinds = Set(contents.issues.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        outcome = "\(contents.entries.count) entries, \(contents.uncompressedBytes) bytes read; \(kinds)"
    } catch {
        outcome = "error: \(error)"
    }
    let elapsed = ContinuousClock.now - start
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    print(String(format: "| %@ | %.1f KiB | %.1f ms | %.1f MiB | %.1f MiB | %@ |", name,
                 Double(input.count) / 1024, ms, loaded, peakMiB(), outcome))
}

/// Runs a builder child (`--build NAME`) piped into a reader child (`--read NAME`).
func runInChildren(_ bench: BenchCase) {
    let pipe = Pipe()
    let builder = Process()
    let reader = Process()
    for (process, role) in [(builder, "--build"), (reader, "--read")] {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = [role, bench.name]
    }
    builder.standardOutput = pipe
    reader.standardInput = pipe
    do {
        try reader.run()
        try builder.run()
        try? pipe.fileHandleForWriting.close()
        try? pipe.fileHandleForReading.close()
        builder.waitUntilExit()
        reader.waitUntilExit()
    } catch {
        print("| \(bench.name) | could not run the child processes: \(error) |")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let named = arguments.last.flatMap { name in cases.first { $0.name == name } }
if arguments.count == 2, arguments[0] == "--build", let bench = named {
    FileHandle.standardOutput.write(bench.build())
} else if arguments.count == 2, arguments[0] == "--read", let bench = named {
    let input = FileHandle.standardInput.readDataToEndOfFile()
    read(bench.name, input, loaded: peakMiB())
} else if arguments.count == 1, let bench = named {
    let input = bench.build()
    read(bench.name, input, loaded: peakMiB())
} else if arguments.isEmpty {
    let header = "| case | input | read time | peak RSS, input loaded | peak RSS after reading | result |\n"
        + "|---|---|---|---|---|---|\n"
    FileHandle.standardOutput.write(Data(header.utf8))  // unbuffered, so it precedes the children's rows
    for bench in cases { runInChildren(bench) }
    print()
    for bench in cases { print("- \(bench.name): \(bench.summary)") }
} else {
    print("usage: archive-memory-bench [CASE]; cases: \(cases.map(\.name).joined(separator: " "))")
    exit(2)
}
