import LockgateCore

/// Counts the package-level facts the model reads beside the sequence.
enum PackageFeatureCounter {
    /// The features of a package.
    /// - Parameters:
    ///   - layout: The package's files.
    ///   - installSourceBytes: Bytes of source the install entries ran.
    ///   - hasInstallHook: Whether an install entry exists.
    ///   - minified: Paths of minified source files.
    ///   - skipped: Paths left out of deep analysis (measured here only when small enough).
    static func features(
        layout: PackageLayout, installSourceBytes: Int, hasInstallHook: Bool, minified: Set<String>,
        skipped: Set<String>
    ) -> PackageFeatures {
        var features = PackageFeatures(
            fileCount: layout.files.count, installSourceBytes: installSourceBytes,
            hasInstallHook: hasInstallHook)
        var minifiedCount = minified.count
        for (position, file) in layout.files.enumerated() {
            features.totalBytes += file.data.count
            switch layout.kinds[position] {
            case .javascript:
                features.javascriptFiles += 1
                features.sourceBytes += file.data.count
            case .python:
                features.pythonFiles += 1
                features.sourceBytes += file.data.count
            case .binary:
                features.binaryFiles += 1
            case .shell, .other:
                continue
            }
            let kind = layout.kinds[position]
            if kind == .javascript || kind == .python {
                if layout.isAuxiliary(file.path) { features.auxiliaryFiles += 1 }
                if skipped.contains(file.path) && SourceShape.isMinified(file.data) { minifiedCount += 1 }
            }
        }
        features.minifiedFiles = minifiedCount
        return features
    }
}
