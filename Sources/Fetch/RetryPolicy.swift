import Foundation

/// How often and how patiently a failed request is tried again.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var attempts: Int
    /// The wait before the second attempt, in seconds; it doubles after each further failure.
    public var initialBackoff: Double
    /// The longest wait, including a server's `Retry-After`.
    public var maxBackoff: Double

    /// Creates a policy.
    /// - Parameters:
    ///   - attempts: Attempts in all (at least 1).
    ///   - initialBackoff: The first wait in seconds.
    ///   - maxBackoff: The longest wait in seconds.
    public init(attempts: Int = 4, initialBackoff: Double = 0.5, maxBackoff: Double = 10) {
        self.attempts = max(1, attempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1), honouring a server's Retry-After seconds.
    /// - Parameters:
    ///   - attempt: The attempt that just failed.
    ///   - retryAfter: The server's `Retry-After` value, if it sent one in seconds.
    /// - Returns: Seconds to wait.
    public func delay(after attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return min(seconds, maxBackoff)
        }
        var wait = initialBackoff
        for _ in 1..<max(1, attempt) { wait *= 2 }
        return min(wait, maxBackoff)
    }
}

