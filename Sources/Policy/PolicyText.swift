import Foundation
import LockgateCore
import Yams

/// Checks on the bytes and text of a policy file before and around YAML parsing.
enum PolicyText {
    /// Decodes file bytes as UTF-8 text, refusing binary data.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The path errors name.
    /// - Returns: The text.
    /// - Throws: `PolicyError.Kind.binary` at the first NUL byte or invalid UTF-8 sequence.
    static func decode(_ data: Data, path: String) throws(PolicyError) -> String {
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            throw binary(path, bytes, offset: nul, "it contains a NUL byte")
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: break decoding
            case .error: throw binary(path, bytes, offset: offset, "it is not valid UTF-8")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Refuses text with NUL characters (binary content passed as a string).
    /// - Parameters:
    ///   - text: The text.
    ///   - path: The path errors name.
    /// - Throws: `PolicyError.Kind.binary`.
    static func checkText(_ text: String, path: String) throws(PolicyError) {
        let bytes = Array(text.utf8)
        if let nul = bytes.firstIndex(of: 0) {
            throw binary(path, bytes, offset: nul, "it contains a NUL byte")
        }
    }

    /// Turns a Yams error into a policy error at the position libyaml reported.
    /// - Parameters:
    ///   - error: The error Yams threw.
    ///   - text: The YAML text.
    ///   - path: The path errors name.
    /// - Returns: The policy error.
    static func syntaxError(_ error: any Error, text: String, path: String) -> PolicyError {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(line: max(mark.line, 1), column: max(mark.column, 1))
        }
        func describe(_ context: YamlError.Context?, _ problem: String) -> String {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            if message.contains("alias") {
                message += "; quote values that start with * or &, such as \"*.corp.example\""
            }
            return message
        }
        guard let yamlError = error as? YamlError else {
            return PolicyError(.syntax, path: path, location: nil, message: "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return PolicyError(.syntax, path: path, location: at(mark), message: describe(context, problem))
        case .reader(let problem, let offset, _, _):
            let location = offset.map { characterLocation(text, offset: $0) }
            return PolicyError(.binary, path: path, location: location,
                               message: "not a text policy file: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return PolicyError(.syntax, path: path, location: at(context.mark), keyPath: duplicates.first ?? "",
                               message: "duplicate key \(keys) in the same mapping (first written here)")
        default:
            return PolicyError(.syntax, path: path, location: nil, message: "invalid YAML: \(yamlError)")
        }
    }

    // MARK: - Private

    private static func binary(_ path: String, _ bytes: [UInt8], offset: Int, _ why: String) -> PolicyError {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Columns count Unicode scalars: every byte that does not continue a UTF-8 sequence starts one.
        let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return PolicyError(.binary, path: path, location: SourceLocation(line: line, column: column),
                           message: "not a text policy file: \(why); expected UTF-8 YAML")
    }

    /// The line and column of the character at `offset` characters from the start.
    private static func characterLocation(_ text: String, offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
