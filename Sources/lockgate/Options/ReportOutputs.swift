import ArgumentParser
import Foundation
import Reporting

extension ReportFormat: ExpressibleByArgument {}

/// Pairs `--format` and `--output` in the order they were given: each `--output FILE` applies to the `--format`
/// before it; a format without an output goes to standard output.
///
/// ArgumentParser keeps each option's values but not their interleaving, so the pairing reads the raw arguments.
struct ReportOutputs {
    /// One report to produce.
    struct Destination: Equatable {
        var format: ReportFormat
        /// The file to write, or nil for standard output.
        var path: String?
    }

    /// The reports to produce, in the order given; text to standard output when no format is given.
    let destinations: [Destination]

    /// Pairs formats and outputs.
    /// - Parameter arguments: The command's raw arguments (after the subcommand name is fine, or the whole line).
    /// - Throws: `ValidationError` for an output with no format before it, two outputs for one format, or an
    ///   unknown format.
    init(arguments: [String]) throws {
        var destinations: [Destination] = []
        var index = 0
        var lastHasOutput = false
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if let value = Self.value(of: ["--format", "-f"], in: arguments, at: &index) {
                guard let format = ReportFormat(rawValue: value) else {
                    throw ValidationError(
                        "unknown report format '\(value)'; expected one of: "
                            + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
                }
                destinations.append(Destination(format: format, path: nil))
                lastHasOutput = false
            } else if let value = Self.value(of: ["--output", "-o"], in: arguments, at: &index) {
                guard !destinations.isEmpty else {
                    throw ValidationError("--output \(value) comes before any --format; write --format FORMAT --output FILE")
                }
                guard !lastHasOutput else {
                    throw ValidationError("two --output files for one --format \(destinations[destinations.count - 1].format.rawValue)")
                }
                destinations[destinations.count - 1].path = value
                lastHasOutput = true
            }
            index += 1
        }
        self.destinations = destinations.isEmpty ? [Destination(format: .text, path: nil)] : destinations
    }

    // MARK: - Private

    /// The value of an option at `index` (`--name value`, `--name=value`, `-n value`), advancing past it.
    private static func value(of names: [String], in arguments: [String], at index: inout Int) -> String? {
        let argument = arguments[index]
        for name in names {
            if argument == name, index + 1 < arguments.count {
                index += 1
                return arguments[index]
            }
            if argument.hasPrefix(name + "=") {
                return String(argument.dropFirst(name.count + 1))
            }
        }
        return nil
    }
}
