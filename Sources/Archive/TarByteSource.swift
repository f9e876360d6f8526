import Foundation

/// Why a tar byte source could not deliver what was asked.
enum SourceStop: Error {
    /// The input ended after `partial` of the bytes asked for.
    case ended(partial: Int)
    /// The compressed stream is damaged at `offset` of the compressed input.
    case corrupt(message: String, offset: Int)
    /// The stream inflates beyond the compression-ratio limit.
    case ratioExceeded(inflated: Int, compressed: Int)
}

/// The uncompressed tar stream, read front to back.
protocol TarByteSource {
    /// Uncompressed bytes delivered or skipped so far.
    var position: Int { get }
    /// Reads exactly `count` bytes.
    /// - Throws: `SourceStop` when fewer are available or the stream is damaged.
    mutating func read(exactly count: Int) throws(SourceStop) -> Data
    /// Skips exactly `count` bytes.
    /// - Throws: `SourceStop` when fewer are available or the stream is damaged.
    mutating func skip(_ count: Int) throws(SourceStop)
}

/// An uncompressed tar held in memory.
struct DataTarSource: TarByteSource {
    /// The tar bytes.
    let bytes: ByteView
    /// The read position.
    private(set) var position = 0

    /// Reads from `data`.
    init(_ data: Data) { bytes = ByteView(data) }

    /// Copies the next `count` bytes.
    mutating func read(exactly count: Int) throws(SourceStop) -> Data {
        let available = bytes.count - position
        guard count <= available else {
            position = bytes.count
            throw .ended(partial: available)
        }
        defer { position += count }
        return bytes.subdata(position, count)
    }

    /// Moves past the next `count` bytes.
    mutating func skip(_ count: Int) throws(SourceStop) {
        let available = bytes.count - position
        guard count <= available else {
            position = bytes.count
            throw .ended(partial: available)
        }
        position += count
    }
}

/// A tar inside gzip, xz or bzip2, decoded as it is read.
struct DecodedTarSource<Decoder: StreamDecoder>: TarByteSource {
    /// The decoder and its buffer (a class: it owns the C library's stream).
    let stream: DecodedStream<Decoder>

    /// Decoded bytes delivered or skipped.
    var position: Int { stream.delivered }

    /// Decodes and returns the next `count` bytes.
    mutating func read(exactly count: Int) throws(SourceStop) -> Data { try stream.read(exactly: count) }

    /// Decodes and drops the next `count` bytes.
    mutating func skip(_ count: Int) throws(SourceStop) { try stream.skip(count) }
}
