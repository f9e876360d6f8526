extension TarReader {
    /// Handles a stop while reading a header: an error before the first header, else an issue (or a clean end).
    mutating func stopAtHeader(_ stop: SourceStop, afterZeroBlock: Bool) throws(ArchiveError) {
        switch stop {
        case .ended(let partial):
            if partial == 0 && (headersRead > 0 || afterZeroBlock) { return }
            guard headersRead > 0 else {
                throw ArchiveError(code: .corrupt, message: "the tar stream ends before its first header",
                                   offset: source.position)
            }
            collector.report(.truncated, path: nil, "the tar stream ends inside a header; reading stopped")
        case .corrupt(let message, let offset):
            guard headersRead > 0 else { throw ArchiveError(code: .corrupt, message: message, offset: offset) }
            stopInData(stop, path: nil)
        case .ratioExceeded:
            stopInData(stop, path: nil)
        }
    }

    /// Reports why reading stopped inside an entry.
    mutating func stopInData(_ stop: SourceStop, path: String?) {
        switch stop {
        case .ended(let partial):
            collector.report(.truncated, path: path, "the archive ends early (\(partial) bytes of the last read "
                + "were there); entry dropped, reading stopped")
        case .corrupt(let message, let offset):
            collector.report(.truncated, path: path, "\(message) at compressed offset \(offset); reading stopped")
        case .ratioExceeded(let inflated, let compressed):
            collector.report(.compressionRatioLimit, path: path, "\(compressed) compressed bytes had inflated to "
                + "\(inflated) (over \(collector.limits.maxCompressionRatio):1); reading stopped")
        }
    }
}
