import Foundation

/// Decompresses input through a ``StreamDecoder`` (gzip, xz, bzip2) on demand: never more than an output limit,
/// stopping as soon as the compression ratio goes past the limit, with one 64 KiB buffer.
///
/// Not `Sendable`: one reader owns it inside the `withUnsafeBytes` call that keeps its input alive.
final class DecodedStream<Decoder: StreamDecoder> {
    /// Output chunk size.
    private static var chunkSize: Int { 64 << 10 }

    private let decoder: Decoder
    /// Decoded bytes not yet delivered live in `buffer[start..<end]`.
    private let buffer: UnsafeMutablePointer<UInt8>
    private var start = 0
    private var end = 0
    /// Bytes decoded so far; never more than `outputLimit`.
    private(set) var decoded = 0
    /// Bytes delivered or skipped.
    private(set) var delivered = 0
    private var finished = false
    private let outputLimit: Int
    private let limits: ArchiveLimits

    /// Wraps `decoder`.
    /// - Parameters:
    ///   - decoder: A decoder over the compressed input.
    ///   - outputLimit: Most bytes ever decoded.
    ///   - limits: The ratio limit and floor.
    init(_ decoder: Decoder, outputLimit: Int, limits: ArchiveLimits) {
        self.decoder = decoder
        self.outputLimit = outputLimit
        self.limits = limits
        buffer = .allocate(capacity: Self.chunkSize)
    }

    deinit { buffer.deallocate() }

    /// Reads exactly `count` decoded bytes.
    /// - Throws: `SourceStop` at the end of the stream, on damage, or past the ratio limit.
    func read(exactly count: Int) throws(SourceStop) -> Data {
        var out = Data()
        var capacity = min(count, 1 << 20)
        out.reserveCapacity(capacity)
        while out.count < count {
            guard try fill() else { throw .ended(partial: out.count) }
            let take = min(count - out.count, end - start)
            if out.count + take > capacity {
                capacity = min(count, max(capacity * 2, out.count + take))
                out.reserveCapacity(capacity)
            }
            out.append(buffer + start, count: take)
            start += take
            delivered += take
        }
        return out
    }

    /// Skips exactly `count` decoded bytes.
    /// - Throws: `SourceStop` at the end of the stream, on damage, or past the ratio limit.
    func skip(_ count: Int) throws(SourceStop) {
        var left = count
        while left > 0 {
            guard try fill() else { throw .ended(partial: count - left) }
            let take = min(left, end - start)
            start += take
            delivered += take
            left -= take
        }
    }

    // MARK: - Private

    /// Makes sure undelivered bytes are buffered; `false` at the clean end of the stream (or at the output limit).
    private func fill() throws(SourceStop) -> Bool {
        let name = Decoder.formatName
        while start == end {
            if finished || decoded >= outputLimit { return false }
            let before = decoder.consumed
            let (produced, status) = decoder.decode(into: buffer, room: min(Self.chunkSize, outputLimit - decoded))
            start = 0
            end = produced
            decoded += produced
            if limits.exceedsRatio(uncompressed: decoded, compressed: decoder.consumed) {
                throw .ratioExceeded(inflated: decoded, compressed: decoder.consumed)
            }
            switch status {
            case .more:
                if produced == 0 && decoder.consumed == before {
                    throw .corrupt(message: "\(name) data makes no progress", offset: decoder.consumed)
                }
            case .end:
                finished = true
            case .truncated:
                if produced == 0 {
                    throw .corrupt(message: "\(name) data ends early (truncated)", offset: decoder.consumed)
                }
            case .damaged(let detail):
                throw .corrupt(message: "\(name) data is damaged: \(detail)", offset: decoder.consumed)
            }
        }
        return true
    }
}
