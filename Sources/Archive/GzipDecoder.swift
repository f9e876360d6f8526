import CZlib

/// Inflates gzip data (one or more concatenated members; trailing bytes after the last member are ignored) with
/// zlib. ``DecodedStream`` drives it, as it drives the xz and bzip2 decoders, under the same output and ratio limits.
final class GzipDecoder: StreamDecoder {
    /// `gzip`.
    static var formatName: String { "gzip" }

    /// The compressed input's size (the bytes themselves belong to the caller and must outlive the decoder).
    private let inputCount: Int
    /// The zlib stream (heap-allocated: zlib keeps a pointer back to it).
    private let stream: UnsafeMutablePointer<z_stream>

    /// Starts inflating `input`, which must stay valid for the decoder's whole life.
    /// - Parameter input: gzip bytes.
    /// - Throws: `ArchiveError` when the input is over 4 GiB or zlib cannot start.
    init(_ input: UnsafeRawBufferPointer) throws(ArchiveError) {
        guard let count = UInt32(exactly: input.count) else {
            throw ArchiveError(code: .unsupportedFormat, message: "gzip input larger than 4 GiB")
        }
        inputCount = input.count
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
        stream.pointee.avail_in = count
        // 15 + 32: the largest window, and a gzip (or zlib) header detected automatically.
        guard czlib_inflate_init2(stream, 15 + 32) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ArchiveError(code: .corrupt, message: "zlib could not start inflating")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compressed bytes consumed so far.
    var consumed: Int { inputCount - Int(stream.pointee.avail_in) }

    /// Inflates into `buffer`; at the end of a member, starts the next one when gzip magic follows.
    func decode(into buffer: UnsafeMutablePointer<UInt8>, room: Int) -> (produced: Int, status: DecodeStatus) {
        stream.pointee.next_out = buffer
        stream.pointee.avail_out = UInt32(room)
        let status = inflate(stream, Z_NO_FLUSH)
        let produced = room - Int(stream.pointee.avail_out)
        switch status {
        case Z_OK:
            return (produced, .more)
        case Z_STREAM_END:
            return (produced, nextMember())
        case Z_BUF_ERROR where stream.pointee.avail_in == 0:
            return (produced, produced == 0 ? .truncated : .more)
        case Z_BUF_ERROR:
            // No progress is possible: DecodedStream reports it when nothing was produced or consumed.
            return (produced, .more)
        default:
            return (produced, .damaged(stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"))
        }
    }

    // MARK: - Private

    /// After a member ends: `.more` when another gzip member follows (zlib reset for it), else `.end`.
    private func nextMember() -> DecodeStatus {
        let remaining = Int(stream.pointee.avail_in)
        guard remaining >= 2, let next = stream.pointee.next_in, next[0] == 0x1F, next[1] == 0x8B else { return .end }
        return inflateReset(stream) == Z_OK ? .more : .damaged("zlib could not start the next gzip member")
    }
}
