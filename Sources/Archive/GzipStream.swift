import CZlib
import Foundation

/// Inflates gzip input (one or more concatenated members) on demand, never producing more than an output limit and
/// stopping as soon as the compression ratio goes past the limit.
///
/// Not `Sendable`: one reader owns it inside the `withUnsafeBytes` call that keeps its input alive.
final class GzipStream {
    /// Output chunk size.
    private static let chunkSize = 64 << 10

    /// The compressed input's size (the bytes themselves belong to the caller and must outlive the stream).
    private let inputCount: Int
    /// The zlib stream (heap-allocated: zlib keeps a pointer back to it).
    private let stream: UnsafeMutablePointer<z_stream>
    /// Inflated bytes not yet delivered live in `buffer[start..<end]`.
    private let buffer: UnsafeMutablePointer<UInt8>
    private var start = 0
    private var end = 0
    /// Bytes inflated so far; never more than `outputLimit`.
    private(set) var inflated = 0
    /// Bytes delivered or skipped.
    private(set) var delivered = 0
    private var finished = false
    private let outputLimit: Int
    private let limits: ArchiveLimits
    private var started = false

    /// Starts inflating `input`, which must stay valid for the stream's whole life.
    /// - Parameters:
    ///   - input: gzip bytes.
    ///   - outputLimit: Most bytes ever inflated.
    ///   - limits: The ratio limit and floor.
    /// - Throws: `ArchiveError` when the input is over 4 GiB or zlib cannot start.
    init(_ input: UnsafeRawBufferPointer, outputLimit: Int, limits: ArchiveLimits) throws(ArchiveError) {
        guard let count = UInt32(exactly: input.count) else {
            throw ArchiveError(code: .unsupportedFormat, message: "gzip input larger than 4 GiB")
        }
        inputCount = input.count
        buffer = .allocate(capacity: Self.chunkSize)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        self.outputLimit = outputLimit
        self.limits = limits
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
        stream.pointee.avail_in = count
        started = czlib_inflate_init2(stream, 15 + 32) == Z_OK
        guard started else {
            throw ArchiveError(code: .corrupt, message: "zlib could not start inflating")
        }
    }

    deinit {
        if started { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        buffer.deallocate()
    }

    /// Compressed bytes consumed so far.
    var consumed: Int { inputCount - Int(stream.pointee.avail_in) }

    /// Reads exactly `count` inflated bytes.
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

    /// Skips exactly `count` inflated bytes.
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
        while start == end {
            if finished || inflated >= outputLimit { return false }
            start = 0
            end = 0
            let room = min(Self.chunkSize, outputLimit - inflated)
            stream.pointee.next_out = buffer
            stream.pointee.avail_out = UInt32(room)
            let before = consumed
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = room - Int(stream.pointee.avail_out)
            end = produced
            inflated += produced
            if limits.exceedsRatio(uncompressed: inflated, compressed: consumed) {
                throw .ratioExceeded(inflated: inflated, compressed: consumed)
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                try nextMember()
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                if produced == 0 { throw .corrupt(message: "gzip data ends early (truncated)", offset: consumed) }
            case Z_BUF_ERROR:
                if produced == 0 && consumed == before {
                    throw .corrupt(message: "gzip data makes no progress", offset: consumed)
                }
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .corrupt(message: "gzip data is damaged: \(detail)", offset: consumed)
            }
        }
        return true
    }

    /// After a member ends: starts the next one when gzip magic follows, else finishes (trailing bytes ignored).
    private func nextMember() throws(SourceStop) {
        let remaining = Int(stream.pointee.avail_in)
        guard remaining >= 2, let next = stream.pointee.next_in, next[0] == 0x1F, next[1] == 0x8B else {
            finished = true
            return
        }
        guard inflateReset(stream) == Z_OK else {
            throw .corrupt(message: "zlib could not start the next gzip member", offset: consumed)
        }
    }
}
