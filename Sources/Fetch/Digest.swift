import CCrypto
import Foundation
import LockgateCore

/// Message digests over archive bytes (OpenSSL's libcrypto, which libcurl already links).
public enum Digest {
    /// The digest of bytes with an algorithm.
    /// - Parameters:
    ///   - algorithm: The algorithm; `yarnBerry` has no digest of its own and returns nil.
    ///   - data: The bytes.
    /// - Returns: The digest as lowercase hex, or nil for an algorithm that cannot be computed over these bytes.
    public static func hex(_ algorithm: DigestAlgorithm, of data: Data) -> String? {
        guard let md = messageDigest(algorithm) else { return nil }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { raw in
            EVP_Digest(raw.baseAddress, raw.count, &output, &length, md, nil)
        }
        guard ok == 1 else { return nil }
        return Data(output.prefix(Int(length))).hexString
    }

    /// The sha256 of bytes, as lowercase hex (the archive's identity in the cache and in reports).
    /// - Parameter data: The bytes.
    /// - Returns: 64 hex digits.
    public static func sha256(_ data: Data) -> String {
        hex(.sha256, of: data) ?? ""
    }

    // MARK: - Private

    private static func messageDigest(_ algorithm: DigestAlgorithm) -> OpaquePointer? {
        switch algorithm {
        case .md5: EVP_md5()
        case .sha1: EVP_sha1()
        case .sha224: EVP_sha224()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        case .yarnBerry: nil
        }
    }
}
