import Foundation

/// Hostile archives built in memory for tests (the benchmark keeps its own copy of the builders it needs).
enum HostileArchives {
    /// One gibibyte.
    static let gibibyte = 1 << 30

    /// A zip holding one entry of 1 GiB of zeros (about 1 MB compressed); `declared` is the size the headers state.
    static func zipBomb(declared: UInt64 = UInt64(gibibyte)) -> Data {
        let (compressed, crc) = Deflater.rawZeros(zeroCount: gibibyte)
        var zip = ZipBuilder()
        zip.add(.init(name: "bomb.bin", method: 8, compressed: compressed, crc: crc, uncompressedSize: declared))
        return zip.build()
    }

    /// A `.tgz` whose single tar entry is 1 GiB of zeros (about 1 MB compressed).
    static func tarGzipBomb(zeroCount: Int = gibibyte) -> Data {
        let header = TarBuilder.header(name: "package/bomb.bin", type: "0", size: UInt64(zeroCount))
        return Deflater.gzipZeros(prefix: header, zeroCount: zeroCount)
    }

    /// A tar of `count` empty files `package/f<n>` (headers patched from one template, so building is fast).
    static func manyEntriesTar(count: Int) -> Data {
        let template = [UInt8](TarBuilder.header(name: "package/f", type: "0", size: 0))
        let blankSum = template.enumerated()
            .reduce(0) { $0 + ((148..<156).contains($1.offset) ? 0x20 : Int($1.element)) }
        let baseSum = blankSum - "package/f".utf8.reduce(0) { $0 + Int($1) }
        var out = [UInt8]()
        out.reserveCapacity(count * 512 + 1024)
        for index in 0..<count {
            let start = out.count
            out.append(contentsOf: template)
            let name = Array("package/f\(index)".utf8)
            out.replaceSubrange(start..<(start + name.count), with: name)
            let sum = String(baseSum + name.reduce(0) { $0 + Int($1) }, radix: 8)
            let field = Array((String(repeating: "0", count: 6 - sum.count) + sum).utf8) + [0, 0x20]
            out.replaceSubrange((start + 148)..<(start + 156), with: field)
        }
        out.append(contentsOf: [UInt8](repeating: 0, count: 1024))
        return Data(out)
    }

    /// A zip of `count` empty stored files `f<n>` with ZIP64 end records (written directly, so building is fast).
    static func manyEntriesZip(count: Int) -> Data {
        var local = [UInt8]()
        var central = [UInt8]()
        func le(_ value: UInt64, _ width: Int, into bytes: inout [UInt8]) {
            for shift in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(shift)))) }
        }
        for index in 0..<count {
            let name = Array("f\(index)".utf8)
            let offset = UInt64(local.count)
            le(0x0403_4B50, 4, into: &local)
            local += [20, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 16)
            le(UInt64(name.count), 2, into: &local)
            local += [0, 0] + name
            le(0x0201_4B50, 4, into: &central)
            central += [20, 0, 20, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 16)
            le(UInt64(name.count), 2, into: &central)
            central += [UInt8](repeating: 0, count: 12)
            le(offset, 4, into: &central)
            central += name
        }
        var out = local + central
        let record = UInt64(out.count)
        le(0x0606_4B50, 4, into: &out); le(44, 8, into: &out); out += [45, 0, 45, 0] + [UInt8](repeating: 0, count: 8)
        le(UInt64(count), 8, into: &out); le(UInt64(count), 8, into: &out)
        le(UInt64(central.count), 8, into: &out); le(UInt64(local.count), 8, into: &out)
        le(0x0706_4B50, 4, into: &out); le(0, 4, into: &out); le(record, 8, into: &out); le(1, 4, into: &out)
        le(0x0605_4B50, 4, into: &out); le(0, 4, into: &out); le(0xFFFF, 2, into: &out); le(0xFFFF, 2, into: &out)
        le(UInt64(central.count), 4, into: &out); le(UInt64(local.count), 4, into: &out); le(0, 2, into: &out)
        return Data(out)
    }

    /// A tar with one small file, then a header declaring `declared` bytes with almost nothing after it.
    static func hugeDeclaredTar(declared: UInt64 = 1_000_000_000) -> Data {
        var tar = TarBuilder()
        tar.file("package/ok.js", "ok")
        tar.entry("package/huge.bin", Data("tiny".utf8), declaredSize: declared)
        return tar.data
    }

    /// A zip whose one deflated entry is shared by `count` extra central records (overlapping-files bomb shape).
    static func overlappingZip(count: Int) -> Data {
        var zip = ZipBuilder()
        zip.add("kernel.bin", Data(count: 100_000))
        for index in 0..<count { zip.alias(name: "copy\(index).bin", to: 0) }
        return zip.build()
    }

    /// A zip whose stored entry `outer.bin` quotes a complete local file `inner.py` that the central directory also
    /// lists (the nested shape of Fifield's "better zip bomb").
    static func nestedOverlapZip() -> Data {
        let code = Data("print(1)\n".utf8)
        var inner = ZipBuilder()
        inner.add(.init(name: "inner.py", method: 0, compressed: code, crc: Deflater.crc(code),
                        uncompressedSize: UInt64(code.count)))
        let quoted = inner.localFiles()
        var zip = ZipBuilder()
        zip.add(.init(name: "outer.bin", method: 0, compressed: quoted, crc: Deflater.crc(quoted),
                      uncompressedSize: UInt64(quoted.count)))
        zip.alias(inner.entry(0), to: 0, delta: 30 + "outer.bin".utf8.count)
        return zip.build()
    }

    /// `count` bytes from a fixed-seed generator (deterministic "random" input).
    static func randomBytes(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> Data {
        var state = seed
        return Data((0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        })
    }
}
