import Analysis
import Foundation
import LockgateCore

/// Times per-package analysis (archive already read into memory) and reports median, p99 and throughput.
struct AnalysisTiming {
    private(set) var analysisSeconds: [Double] = []
    private(set) var readSeconds: [Double] = []
    private(set) var sourceBytes = 0
    private(set) var totalBytes = 0
    private(set) var failures: [String] = []
    /// The slowest packages: (seconds, file name).
    private(set) var slowest: [(Double, String)] = []
    private let analyzer = PackageAnalyzer()

    /// Reads and analyses one archive, timing the two steps apart.
    mutating func measure(_ url: URL, ecosystem: Ecosystem?) {
        guard let data = try? Data(contentsOf: url) else {
            failures.append("\(url.lastPathComponent): unreadable file")
            return
        }
        let readStart = DispatchTime.now()
        let files: [PackageFile]
        do {
            files = try PackageLoader.files(of: data)
        } catch {
            failures.append("\(url.lastPathComponent): \(error)")
            return
        }
        readSeconds.append(Self.seconds(since: readStart))
        let (analysis, seconds) = Self.time { analyzer.analyse(files: files, ecosystem: ecosystem) }
        analysisSeconds.append(seconds)
        slowest.append((seconds, url.lastPathComponent))
        slowest = Array(slowest.sorted { $0.0 > $1.0 }.prefix(5))
        sourceBytes += analysis.sequence.features.sourceBytes
        totalBytes += analysis.sequence.features.totalBytes
    }

    /// The figures as Markdown table rows.
    func report(title: String) -> String {
        let sorted = analysisSeconds.sorted()
        let total = analysisSeconds.reduce(0, +)
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }
        let mbPerSecond = total > 0 ? Double(sourceBytes) / 1_048_576 / total : 0
        let medianRead = readSeconds.sorted().dropFirst(readSeconds.count / 2).first ?? 0
        let cells = [
            title, "\(sorted.count)", "\(failures.count)", Self.ms(percentile(0.5)), Self.ms(percentile(0.99)),
            Self.ms(sorted.last ?? 0), String(format: "%.1f", Double(sourceBytes) / 1_048_576),
            String(format: "%.1f", mbPerSecond), Self.ms(medianRead),
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// Header rows of ``report(title:)``.
    static let header = """
        | set | packages | unreadable | median ms | p99 ms | max ms | source MB | source MB/s | median read ms |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|
        """

    /// Runs a closure and returns its result with its wall time in seconds.
    static func time<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now()
        let result = body()
        return (result, seconds(since: start))
    }

    /// Seconds since a start time.
    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Milliseconds with two decimals.
    static func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1_000) }
}
