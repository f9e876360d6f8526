import Foundation

/// The one JSON encoding every machine-readable format uses: sorted keys, pretty-printed, slashes unescaped,
/// a newline at the end.
enum JSONOutput {
    /// Encodes a value.
    /// - Parameters:
    ///   - value: The document.
    ///   - format: The format's name, for the error.
    /// - Returns: The bytes, ending in `\n`.
    /// - Throws: `ReportingError.unencodable` when the encoder rejects a value (a NaN or infinite number).
    static func encode(_ value: some Encodable, format: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw ReportingError.unencodable(format: format, reason: describe(error))
        }
    }

    // MARK: - Private

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? EncodingError else { return String(describing: error) }
        switch error {
        case .invalidValue(let value, let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return "\(value) at \(path.isEmpty ? "the top level" : path) is not valid JSON"
        @unknown default:
            return String(describing: error)
        }
    }
}
