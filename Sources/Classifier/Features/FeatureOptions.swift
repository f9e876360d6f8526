/// Which feature families a model reads: the full model reads everything; the ablations switch order or
/// package-level facts off.
public struct FeatureOptions: Sendable, Hashable, Codable {
    /// The version of the feature definitions; a model trained on another version is rejected.
    public static let currentVersion = 6

    /// Read order: bigrams and trigrams of tokens, first positions of kinds, kind-before-kind pairs.
    public var order: Bool
    /// Read package-level facts (size, file mix, share of install-time code, hooks, binaries, minified files).
    public var packageFeatures: Bool

    /// Creates options.
    /// - Parameters:
    ///   - order: Whether to read order.
    ///   - packageFeatures: Whether to read package-level facts.
    public init(order: Bool = true, packageFeatures: Bool = true) {
        self.order = order
        self.packageFeatures = packageFeatures
    }

    /// Everything on: the shipped model.
    public static let full = FeatureOptions()

    /// Whether a family is on.
    func includes(_ family: FeatureFamily) -> Bool {
        if family.readsOrder { return order }
        if family == .package { return packageFeatures }
        return true
    }
}
