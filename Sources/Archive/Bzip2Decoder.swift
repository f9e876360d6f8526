import CBzip2

/// Decodes `.bz2` data (one or more concatenated streams, as `pbzip2` writes) with libbz2.
final class Bzip2Decoder: StreamDecoder {
    /// `bzip2`.
    static var formatName: String { "bzip2" }

    private let inputCount: Int
    /// The libbz2 stream (heap-allocated: libbz2 keeps a pointer back to it).
    private let stream: UnsafeMutablePointer<bz_stream>
    private var started = false

    /// Starts decoding `input`, which must stay valid for the decoder's whole life.
    /// - Parameter input: bzip2 bytes (at most 4 GiB).
    /// - Throws: `ArchiveError` when the input is over 4 GiB or libbz2 cannot start.
    init(_ input: UnsafeRawBufferPointer) throws(ArchiveError) {
        guard let count = UInt32(exactly: input.count) else {
            throw ArchiveError(code: .unsupportedFormat, message: "bzip2 input larger than 4 GiB")
        }
        inputCount = input.count
        stream = .allocate(capacity: 1)
        stream.initialize(to: bz_stream())
        started = BZ2_bzDecompressInit(stream, 0, 0) == BZ_OK
        guard started else {
            throw ArchiveError(code: .corrupt, message: "libbz2 could not start decoding bzip2 data")
        }
        stream.pointee.next_in = UnsafeMutableRawPointer(mutating: input.baseAddress)?
            .assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_in = count
    }

    deinit {
        if started { BZ2_bzDecompressEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compressed bytes consumed so far.
    var consumed: Int { inputCount - Int(stream.pointee.avail_in) }

    /// Decodes into `buffer`; at the end of one stream, starts the next when `BZh` follows.
    func decode(into buffer: UnsafeMutablePointer<UInt8>, room: Int) -> (produced: Int, status: DecodeStatus) {
        guard started else { return (0, .damaged("libbz2 could not restart")) }
        stream.pointee.next_out = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_out = UInt32(room)
        let result = BZ2_bzDecompress(stream)
        let produced = room - Int(stream.pointee.avail_out)
        switch result {
        case BZ_OK:
            return (produced, produced == 0 && stream.pointee.avail_in == 0 ? .truncated : .more)
        case BZ_STREAM_END:
            return (produced, nextStream())
        case BZ_DATA_ERROR: return (produced, .damaged("corrupt data or CRC mismatch"))
        case BZ_DATA_ERROR_MAGIC: return (produced, .damaged("bad stream magic"))
        case BZ_MEM_ERROR: return (produced, .damaged("out of memory"))
        default: return (produced, .damaged("libbz2 error \(result)"))
        }
    }

    // MARK: - Private

    /// After a stream ends: restarts when another bzip2 stream follows, else ends (trailing bytes ignored).
    private func nextStream() -> DecodeStatus {
        let remaining = stream.pointee.avail_in
        // Another stream starts with "BZh".
        guard remaining >= 4, let next = stream.pointee.next_in, next[0] == 0x42, next[1] == 0x5A, next[2] == 0x68
        else { return .end }
        BZ2_bzDecompressEnd(stream)
        stream.pointee = bz_stream()
        started = BZ2_bzDecompressInit(stream, 0, 0) == BZ_OK
        guard started else { return .damaged("libbz2 could not start the next bzip2 stream") }
        stream.pointee.next_in = next
        stream.pointee.avail_in = remaining
        return .more
    }
}
