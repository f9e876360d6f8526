import CZlib
import Foundation

// Archive builders for the benchmark (the test target keeps its own; an executable cannot share a test's code).

/// Deflates `data` (`windowBits` -15 raw, 31 gzip) with `flush`, continuing `stream`.
func deflateChunk(_ stream: UnsafeMutablePointer<z_stream>, _ data: Data, flush: Int32) -> Data {
    var input = [UInt8](data)
    var out = Data()
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    defer { buffer.deallocate() }
    input.withUnsafeMutableBufferPointer { raw in
        stream.pointee.next_in = raw.baseAddress
        stream.pointee.avail_in = UInt32(raw.count)
        repeat {
            stream.pointee.next_out = buffer
            stream.pointee.avail_out = 1 << 16
            let status = deflate(stream, flush)
            out.append(buffer, count: (1 << 16) - Int(stream.pointee.avail_out))
            if status == Z_STREAM_END || status < 0 { break }
        } while stream.pointee.avail_out == 0 || (flush == Z_FINISH)
        stream.pointee.next_in = nil
    }
    return out
}

/// Runs `body` with a fresh deflate stream.
func withDeflater<T>(windowBits: Int32, level: Int32 = 6, _ body: (UnsafeMutablePointer<z_stream>) -> T) -> T {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    _ = czlib_deflate_init2(stream, level, windowBits)
    defer {
        deflateEnd(stream)
        stream.deallocate()
    }
    return body(stream)
}

/// gzip of `data`.
func gzip(_ data: Data) -> Data { withDeflater(windowBits: 31) { deflateChunk($0, data, flush: Z_FINISH) } }

/// Raw deflate of `prefix` + `zeros` zero bytes without holding them: 1 MiB after a full flush, repeated.
func rawZeros(prefix: Data = Data(), zeros: Int) -> (data: Data, crc: UInt32) {
    let chunk = 1 << 20
    let block = Data(count: chunk)
    var crc = crc32_z(0, [UInt8](prefix), prefix.count)
    let zeroCRC = crc32_z(0, [UInt8](block), chunk)
    for _ in 0..<(zeros / chunk) { crc = crc32_combine(crc, zeroCRC, chunk) }
    let data = withDeflater(windowBits: -15, level: 9) { stream in
        var out = deflateChunk(stream, prefix, flush: Z_FULL_FLUSH)
        if zeros >= chunk {
            out.append(deflateChunk(stream, block, flush: Z_FULL_FLUSH))
            let repeated = deflateChunk(stream, block, flush: Z_FULL_FLUSH)
            for _ in 1..<(zeros / chunk) { out.append(repeated) }
        }
        out.append(deflateChunk(stream, Data(), flush: Z_FINISH))
        return out
    }
    return (data, UInt32(crc))
}

/// A `.tgz` whose one entry is `zeros` zero bytes.
func tarGzipZeros(_ zeros: Int) -> Data {
    let (body, crc) = rawZeros(prefix: tarHeader("package/bomb.bin", size: UInt64(zeros)), zeros: zeros)
    var out = Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
    out.append(body)
    for value in [crc, UInt32(truncatingIfNeeded: 512 + zeros)] {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    return out
}

/// A ustar header.
func tarHeader(_ name: String, size: UInt64, type: UInt8 = 0x30) -> Data {
    var block = [UInt8](repeating: 0, count: 512)
    func put(_ text: String, _ offset: Int) { for (i, b) in text.utf8.enumerated() { block[offset + i] = b } }
    put(name, 0)
    put("0000644", 100)
    let octal = String(size, radix: 8)
    put(String(repeating: "0", count: max(0, 11 - octal.count)) + octal, 124)
    block[156] = type
    put("ustar", 257)
    put("00", 263)
    put("        ", 148)
    let sum = String(block.reduce(0) { $0 + Int($1) }, radix: 8)
    put(String(repeating: "0", count: 6 - sum.count) + sum, 148)
    block[154] = 0
    return Data(block)
}

/// A tar of `files`, with end blocks.
func tar(_ files: [(String, Data)]) -> Data {
    var out = Data()
    for (name, data) in files {
        out.append(tarHeader(name, size: UInt64(data.count)))
        out.append(data)
        out.append(Data(count: (512 - data.count % 512) % 512))
    }
    out.append(Data(count: 1024))
    return out
}

/// Deterministic, moderately compressible text.
func pseudoText(_ count: Int, seed: UInt64) -> Data {
    let words = ["const", "value", "return", "function", "module", "exports", "require", "=", "(", ")", ";", "\n"]
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    var out = [UInt8]()
    out.reserveCapacity(count + 16)
    while out.count < count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        out += words[Int(state >> 59) % words.count].utf8
        out.append(state >> 40 & 1 == 0 ? 0x20 : UInt8(0x61 + Int(state >> 32 & 15)))
    }
    return Data(out.prefix(count))
}

/// One zip entry of zeros, deflated (or stored when empty), with the size its headers declare.
struct ZipItem {
    let name: String
    let zeros: Int
    let declared: UInt64
}

/// A zip of `items`; `aliases` extra central records point at the first item's local header.
func zip(_ items: [ZipItem], aliases: Int = 0) -> Data {
    var local = Data()
    var central = Data()
    func le<T: FixedWidthInteger>(_ value: T, _ data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
    var records: [(ZipItem, UInt32, UInt32, Int)] = []
    for item in items {
        let (body, crc) = item.zeros > 0 ? rawZeros(zeros: item.zeros) : (Data(), 0)
        let offset = UInt32(local.count)
        let name = Data(item.name.utf8)
        le(UInt32(0x0403_4B50), &local); le(UInt16(20), &local); le(UInt16(0), &local)
        le(UInt16(item.zeros > 0 ? 8 : 0), &local); le(UInt32(0), &local); le(crc, &local)
        le(UInt32(body.count), &local); le(UInt32(truncatingIfNeeded: item.declared), &local)
        le(UInt16(name.count), &local); le(UInt16(0), &local)
        local.append(name)
        local.append(body)
        records.append((item, offset, crc, body.count))
    }
    if let first = records.first {
        for index in 0..<aliases { records.append((ZipItem(name: "copy\(index)", zeros: first.0.zeros,
                                                           declared: first.0.declared), first.1, first.2, first.3)) }
    }
    for (item, offset, crc, size) in records {
        let name = Data(item.name.utf8)
        le(UInt32(0x0201_4B50), &central); le(UInt16(20), &central); le(UInt16(20), &central)
        le(UInt16(0), &central); le(UInt16(item.zeros > 0 ? 8 : 0), &central); le(UInt32(0), &central)
        le(crc, &central); le(UInt32(size), &central); le(UInt32(truncatingIfNeeded: item.declared), &central)
        le(UInt16(name.count), &central); central.append(Data(count: 12)); le(offset, &central)
        central.append(name)
    }
    var out = local + central
    let count = records.count
    let record = out.count
    le(UInt32(0x0606_4B50), &out); le(UInt64(44), &out); le(UInt32(0x002D_002D), &out); le(UInt64(0), &out)
    le(UInt64(count), &out); le(UInt64(count), &out); le(UInt64(central.count), &out); le(UInt64(local.count), &out)
    le(UInt32(0x0706_4B50), &out); le(UInt32(0), &out); le(UInt64(record), &out); le(UInt32(1), &out)
    le(UInt32(0x0605_4B50), &out); le(UInt32(0), &out); le(UInt16(min(count, 0xFFFF)), &out)
    le(UInt16(min(count, 0xFFFF)), &out); le(UInt32(central.count), &out); le(UInt32(local.count), &out)
    le(UInt16(0), &out)
    return out
}
