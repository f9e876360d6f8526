import Classifier

/// The behaviour model shipped in the package.
public enum BundledModel {
    /// Loads the shipped model, or nil while none ships (packages are then analysed but not scored).
    /// - Returns: The classifier.
    /// - Throws: `ClassifierError` when a shipped model is present but unreadable (a broken installation).
    public static func load() throws -> BehaviourClassifier? {
        do {
            return try BehaviourClassifier.bundled()
        } catch {
            if case .missingResource = error { return nil }
            throw error
        }
    }
}
