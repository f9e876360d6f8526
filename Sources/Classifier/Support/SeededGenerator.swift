/// A small seeded random number generator (SplitMix64): one seed gives the same stream on every platform and
/// Swift version, which makes training reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator.
    /// - Parameter seed: The seed.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    /// - Returns: A pseudo-random value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    /// - Returns: The value, with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform index in `0..<count` (`count` > 0).
    /// - Parameter count: The number of choices.
    /// - Returns: The index.
    public mutating func nextIndex(below count: Int) -> Int {
        Int(next() % UInt64(max(count, 1)))
    }

    /// Shuffles an array in place (Fisher–Yates with this generator, independent of the standard library's
    /// algorithm).
    /// - Parameter array: The array.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            let other = nextIndex(below: index + 1)
            if other != index { array.swapAt(index, other) }
        }
    }

    /// A generator derived from this seed and a stream number, so that parallel or nested procedures each get their
    /// own independent, reproducible stream.
    /// - Parameters:
    ///   - seed: The base seed.
    ///   - stream: The stream number.
    /// - Returns: A new generator.
    public static func derived(seed: UInt64, stream: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }
}
