import CZlib
import Foundation

/// A zlib deflate stream for building test archives: raw deflate (zip) or gzip.
final class Deflater {
    /// The wrapper around the deflate data.
    enum Wrapper {
        /// No wrapper (zip method 8).
        case raw
        /// A gzip member.
        case gzip

        var windowBits: Int32 { self == .raw ? -15 : 15 + 16 }
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private var started = false

    /// Starts a stream.
    init(_ wrapper: Wrapper, level: Int32 = 6) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        started = czlib_deflate_init2(stream, level, wrapper.windowBits) == Z_OK
    }

    deinit {
        if started { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `data` with `flush` (`Z_NO_FLUSH`, `Z_FULL_FLUSH` or `Z_FINISH`) and returns the output so far.
    func deflate(_ data: Data, flush: Int32) -> Data {
        var input = [UInt8](data)
        var out = Data()
        let chunk = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        input.withUnsafeMutableBufferPointer { raw in
            stream.pointee.next_in = raw.baseAddress
            stream.pointee.avail_in = UInt32(raw.count)
            while true {
                stream.pointee.next_out = buffer
                stream.pointee.avail_out = UInt32(chunk)
                let status = CZlib.deflate(stream, flush)
                out.append(buffer, count: chunk - Int(stream.pointee.avail_out))
                if status == Z_STREAM_END || status < 0 { break }
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 && flush != Z_FINISH { break }
            }
            stream.pointee.next_in = nil
        }
        return out
    }

    /// Compresses `data` in one go.
    static func compress(_ data: Data, _ wrapper: Wrapper, level: Int32 = 6) -> Data {
        Deflater(wrapper, level: level).deflate(data, flush: Z_FINISH)
    }

    /// CRC-32 of `data`.
    static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { UInt32(crc32_z(0, $0.bindMemory(to: UInt8.self).baseAddress, $0.count)) }
    }

    /// The raw deflate stream of `prefix` followed by `zeroCount` zero bytes, built without holding the zeros:
    /// 1 MiB of zeros is compressed after a full flush once, and those identical bytes are repeated.
    /// - Returns: The compressed bytes and the CRC-32 of the whole uncompressed content.
    static func rawZeros(prefix: Data = Data(), zeroCount: Int) -> (data: Data, crc: UInt32) {
        let chunk = 1 << 20
        precondition(zeroCount % chunk == 0 && zeroCount >= 2 * chunk)
        let zeros = Data(count: chunk)
        let deflater = Deflater(.raw, level: 9)
        var out = deflater.deflate(prefix, flush: Z_FULL_FLUSH)
        out.append(deflater.deflate(zeros, flush: Z_FULL_FLUSH))
        let repeated = deflater.deflate(zeros, flush: Z_FULL_FLUSH)
        for _ in 1..<(zeroCount / chunk) { out.append(repeated) }
        out.append(deflater.deflate(Data(), flush: Z_FINISH))
        let zeroCRC = crc32_z(0, [UInt8](zeros), chunk)
        var crc = crc32_z(0, [UInt8](prefix), prefix.count)
        for _ in 0..<(zeroCount / chunk) { crc = crc32_combine(crc, zeroCRC, chunk) }
        return (out, UInt32(crc))
    }

    /// A gzip member around `rawZeros(prefix:zeroCount:)`.
    static func gzipZeros(prefix: Data, zeroCount: Int) -> Data {
        let (body, crc) = rawZeros(prefix: prefix, zeroCount: zeroCount)
        var out = Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
        out.append(body)
        let size = UInt32(truncatingIfNeeded: prefix.count + zeroCount)
        for value in [crc, size] { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }
}
