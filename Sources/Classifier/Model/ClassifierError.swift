/// Why a model could not be loaded or trained.
public enum ClassifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bundled model resource is missing.
    case missingResource(String)
    /// The model file could not be read or decoded.
    case unreadable(path: String, reason: String)
    /// The model file is of a layout or feature version this build does not read.
    case unsupportedVersion(what: String, found: Int, expected: Int)
    /// The model file is inconsistent (a tree points outside itself, a column outside the vocabulary, ...).
    case malformed(String)
    /// Training cannot start (no samples, one class only, ...).
    case cannotTrain(String)

    public var description: String {
        switch self {
        case .missingResource(let name): "the bundled model \(name) is missing from the Classifier resources"
        case .unreadable(let path, let reason): "cannot read the model \(path): \(reason)"
        case .unsupportedVersion(let what, let found, let expected):
            "the model's \(what) version is \(found); this lockgate reads version \(expected) — retrain it with "
                + "`lockgate train`"
        case .malformed(let reason): "the model is malformed: \(reason)"
        case .cannotTrain(let reason): "cannot train: \(reason)"
        }
    }
}
