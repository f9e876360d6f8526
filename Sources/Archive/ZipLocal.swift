import Foundation

/// Where a zip entry's data lies, from its local header, or why it cannot be read.
enum ZipLocal {
    /// The compressed data range, the whole span from the local header to the end of the data, and whether the
    /// local header's name matches the central directory's.
    case valid(data: Range<Int>, span: Range<Int>, nameMatches: Bool)
    /// The local header is missing, disagrees with the central directory, or its data does not fit.
    case invalid(String)

    private static let signature: UInt64 = 0x0403_4B50
    private static let fixedSize = 30

    /// Resolves `record`'s local header.
    /// - Parameters:
    ///   - bytes: The whole zip.
    ///   - record: The central-directory record.
    ///   - shift: Bytes prepended to the zip (added to every stated offset).
    ///   - directoryStart: Where the central directory starts; entry data must end before it.
    init(_ bytes: ByteView, record: ZipCentralRecord, shift: Int, directoryStart: Int) {
        let (offset, overflow) = Int(clamping64: record.localOffset).addingReportingOverflow(shift)
        guard !overflow, offset < directoryStart, bytes.u32(offset) == Self.signature,
            let nameLength = bytes.u16(offset + 26), let extraLength = bytes.u16(offset + 28)
        else {
            self = .invalid("no local file header at offset \(record.localOffset)")
            return
        }
        let nameStart = offset + Self.fixedSize
        let nameMatches = bytes.subdata(nameStart, nameLength).elementsEqual(record.nameBytes)
        let dataStart = nameStart + nameLength + extraLength
        let size = Int(clamping64: record.compressedSize)
        guard dataStart <= directoryStart, size <= directoryStart - dataStart else {
            self = .invalid("its \(record.compressedSize) compressed bytes run past the central directory")
            return
        }
        self = .valid(data: dataStart..<(dataStart + size), span: offset..<(dataStart + size), nameMatches: nameMatches)
    }

    /// The indices of entries whose span starts inside an earlier-starting entry's span (the first one is kept).
    /// - Parameter locals: The resolved entries, in central-directory order.
    /// - Returns: The indices to skip.
    static func overlapping(_ locals: [ZipLocal]) -> Set<Int> {
        var spans: [(span: Range<Int>, index: Int)] = []
        for (index, local) in locals.enumerated() {
            if case .valid(_, let span, _) = local { spans.append((span, index)) }
        }
        spans.sort { ($0.span.lowerBound, $0.index) < ($1.span.lowerBound, $1.index) }
        var result: Set<Int> = []
        var reach = 0
        for item in spans {
            if item.span.lowerBound < reach { result.insert(item.index) }
            reach = max(reach, item.span.upperBound)
        }
        return result
    }
}
