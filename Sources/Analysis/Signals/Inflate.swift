import CZlib

/// Inflates a zlib or gzip stream held in a constant (`zlib.decompress(base64.b64decode('eJz...'))`), so the code a
/// packed payload hides can be analysed; never more than a cap.
enum Inflate {
    /// Inflates zlib- or gzip-wrapped deflate data.
    /// - Parameters:
    ///   - input: The compressed bytes.
    ///   - cap: The most bytes to produce; a stream that inflates to more gives nil.
    /// - Returns: The inflated bytes, or nil for data that is not a complete stream within the cap.
    static func zlib(_ input: [UInt8], cap: Int) -> [UInt8]? {
        guard !input.isEmpty, let inputCount = UInt32(exactly: input.count) else { return nil }
        var stream = z_stream()
        // 15 + 32: a 32 KiB window, zlib or gzip header detected automatically.
        guard czlib_inflate_init2(&stream, 15 + 32) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = inputCount
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= cap else { return nil }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END: return output
                case Z_OK: if produced == 0 && stream.avail_in == 0 { return nil }
                default: return nil
                }
            }
        }
    }
}
