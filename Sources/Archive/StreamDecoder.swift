/// What one call of a ``StreamDecoder`` ended with.
enum DecodeStatus: Equatable {
    /// More output may follow.
    case more
    /// The compressed data ended cleanly (after every concatenated stream).
    case end
    /// The input ran out before the compressed data ended.
    case truncated
    /// The compressed data is damaged; the message says how.
    case damaged(String)
}

/// One compression format's decoder (xz, bzip2), driven by ``DecodedStream``, which owns buffering and limits.
///
/// A class: the C library keeps state that must not be copied. The input belongs to the caller and outlives it.
protocol StreamDecoder: AnyObject {
    /// The format's name in messages (`xz`, `bzip2`).
    static var formatName: String { get }
    /// Compressed bytes consumed so far.
    var consumed: Int { get }
    /// Decodes into `buffer`.
    /// - Parameters:
    ///   - buffer: Where to write.
    ///   - room: Most bytes to write (at most 64 KiB).
    /// - Returns: The bytes written and how the call ended.
    func decode(into buffer: UnsafeMutablePointer<UInt8>, room: Int) -> (produced: Int, status: DecodeStatus)
}
