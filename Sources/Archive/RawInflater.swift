import CZlib
import Foundation

/// Inflates raw deflate data (zip method 8) one entry at a time, never producing more than a cap.
///
/// Not `Sendable`: one zip reader owns it for the length of one `read` call.
final class RawInflater {
    /// What inflating one entry gave.
    enum Outcome {
        /// The stream ended with at most `cap` bytes.
        case complete(Data)
        /// The stream produced more than `cap` bytes (inflating stopped at `cap + 1`).
        case tooLarge
        /// The data is damaged or ends before the stream does.
        case damaged(String)
    }

    private static let chunkSize = 64 << 10
    private let stream: UnsafeMutablePointer<z_stream>
    private let buffer: UnsafeMutablePointer<UInt8>
    private var started = false

    /// Prepares a raw-deflate inflater.
    /// - Throws: `ArchiveError` when zlib cannot start.
    init() throws(ArchiveError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        buffer = .allocate(capacity: Self.chunkSize)
        started = czlib_inflate_init2(stream, -15) == Z_OK
        guard started else { throw ArchiveError(code: .corrupt, message: "zlib could not start inflating") }
    }

    deinit {
        if started { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        buffer.deallocate()
    }

    /// Inflates one entry's compressed bytes.
    /// - Parameters:
    ///   - input: The compressed bytes (at most 4 GiB).
    ///   - cap: Most bytes to accept.
    /// - Returns: The bytes, or why there are none.
    func inflate(_ input: UnsafeRawBufferPointer, cap: Int) -> Outcome {
        guard inflateReset(stream) == Z_OK, let count = UInt32(exactly: input.count) else {
            return .damaged("zlib could not reset")
        }
        let limit = cap == Int.max ? cap : cap + 1
        var out = Data()
        var capacity = min(limit, 1 << 20)
        out.reserveCapacity(capacity)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
        stream.pointee.avail_in = count
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        while true {
            let room = min(Self.chunkSize, limit - out.count)
            stream.pointee.next_out = buffer
            stream.pointee.avail_out = UInt32(room)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = room - Int(stream.pointee.avail_out)
            if out.count + produced > capacity {
                capacity = min(limit, max(capacity * 2, out.count + produced))
                out.reserveCapacity(capacity)
            }
            out.append(buffer, count: produced)
            if out.count > cap { return .tooLarge }
            switch status {
            case Z_STREAM_END:
                return .complete(out)
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                return .damaged("deflate data ends before the stream does")
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                return .damaged("deflate data is damaged: \(detail)")
            }
        }
    }
}
