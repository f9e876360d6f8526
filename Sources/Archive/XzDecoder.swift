import CLzma

/// Decodes `.xz` data (one or more concatenated streams, integrity checks verified) with liblzma.
final class XzDecoder: StreamDecoder {
    /// Most decoder memory an xz stream may ask for: enough for `xz -9` (64 MiB dictionary); more is refused.
    static var memoryLimit: UInt64 { 80 << 20 }
    /// `xz`.
    static var formatName: String { "xz" }

    private let inputCount: Int
    /// The liblzma stream (heap-allocated so its address never changes).
    private let stream: UnsafeMutablePointer<lzma_stream>

    /// Starts decoding `input`, which must stay valid for the decoder's whole life.
    /// - Parameter input: xz bytes.
    /// - Throws: `ArchiveError` when liblzma cannot start.
    init(_ input: UnsafeRawBufferPointer) throws(ArchiveError) {
        inputCount = input.count
        stream = .allocate(capacity: 1)
        stream.initialize(to: lzma_stream())
        guard clzma_stream_decoder(stream, Self.memoryLimit) == LZMA_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ArchiveError(code: .corrupt, message: "liblzma could not start decoding xz data")
        }
        stream.pointee.next_in = input.bindMemory(to: UInt8.self).baseAddress
        stream.pointee.avail_in = input.count
    }

    deinit {
        lzma_end(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compressed bytes consumed so far.
    var consumed: Int { inputCount - stream.pointee.avail_in }

    /// Decodes into `buffer` (all input is given at once, so every call finishes).
    func decode(into buffer: UnsafeMutablePointer<UInt8>, room: Int) -> (produced: Int, status: DecodeStatus) {
        stream.pointee.next_out = buffer
        stream.pointee.avail_out = room
        let result = lzma_code(stream, LZMA_FINISH)
        let produced = room - stream.pointee.avail_out
        let inputLeft = stream.pointee.avail_in
        // With all input consumed and nothing produced, liblzma says LZMA_OK once before LZMA_BUF_ERROR.
        if result == LZMA_OK && produced == 0 && inputLeft == 0 { return (0, .truncated) }
        return (produced, Self.status(result, inputLeft: inputLeft))
    }

    // MARK: - Private

    /// What a liblzma return code means here.
    private static func status(_ result: lzma_ret, inputLeft: Int) -> DecodeStatus {
        switch result {
        case LZMA_OK: return .more
        case LZMA_STREAM_END: return .end
        case LZMA_BUF_ERROR: return inputLeft == 0 ? .truncated : .damaged("no progress possible")
        case LZMA_DATA_ERROR: return .damaged("corrupt data or integrity check mismatch")
        case LZMA_FORMAT_ERROR: return .damaged("not an xz stream (bad header magic)")
        case LZMA_OPTIONS_ERROR: return .damaged("unsupported options (filter or header flags)")
        case LZMA_MEMLIMIT_ERROR:
            return .damaged("it needs more than \(memoryLimit >> 20) MiB of decoder memory; refused")
        case LZMA_UNSUPPORTED_CHECK: return .damaged("unsupported integrity check")
        case LZMA_MEM_ERROR: return .damaged("out of memory")
        default: return .damaged("liblzma error \(result.rawValue)")
        }
    }
}
