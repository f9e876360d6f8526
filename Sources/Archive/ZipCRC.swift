import CZlib
import Foundation

/// The CRC-32 zip stores for each entry.
enum ZipCRC {
    /// zlib's CRC-32 of `data`.
    static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            UInt32(truncatingIfNeeded: crc32_z(0, raw.bindMemory(to: UInt8.self).baseAddress, raw.count))
        }
    }
}
