import Foundation
import LockgateCore

/// Prints a message to standard error.
/// - Parameter message: The message; a newline is added.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
