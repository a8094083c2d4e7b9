import Foundation
import RLRender
import RLTestSupport
import Testing

/// The GIF encoder: LZW against a published example and a decoder of our own, the palette,
/// the file's blocks, and Pillow reading the pixels back.
@Suite struct GIFEncoderTests {
    /// The 10×10, four-colour sample of "What's in a GIF" (Matthew Flickinger's walk-through of
    /// GIF's LZW), with its published code stream (the 22 bytes of its image data block).
    static let sampleIndices: [UInt8] = [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
        1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
        1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
        1, 1, 1, 0, 0, 0, 0, 2, 2, 2,
        1, 1, 1, 0, 0, 0, 0, 2, 2, 2,
        2, 2, 2, 0, 0, 0, 0, 1, 1, 1,
        2, 2, 2, 0, 0, 0, 0, 1, 1, 1,
        2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
        2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
        2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
    ]
    static let sampleCodes: [UInt8] = [
        0x8C, 0x2D, 0x99, 0x87, 0x2A, 0x1C, 0xDC, 0x33, 0xA0, 0x02, 0x75, 0xEC, 0x95, 0xFA, 0xA8, 0xDE, 0x60, 0x8C, 0x04, 0x91, 0x4C,
        0x01,
    ]

    @Test func lzwMatchesThePublishedExample() {
        #expect(LZW.compress(Self.sampleIndices, minimumCodeSize: 2) == Self.sampleCodes)
        #expect(decodeLZW(Self.sampleCodes, minimumCodeSize: 2) == Self.sampleIndices)
    }

    @Test func lzwOfTheSmallestInputs() {
        // One pixel: clear (4), the pixel (0), end (5), three bits each, least significant
        // first: bits 001 000 101 → 0b0100_0100, 0b1 → 0x44, 0x01.
        #expect(LZW.compress([0], minimumCodeSize: 2) == [0x44, 0x01])
        #expect(decodeLZW(LZW.compress([], minimumCodeSize: 2), minimumCodeSize: 2) == [])
        #expect(decodeLZW(LZW.compress([3, 3, 3, 3], minimumCodeSize: 2), minimumCodeSize: 2) == [3, 3, 3, 3])
    }

    /// Long inputs fill the table (4096 codes) many times: the codes widen to 12 bits, the
    /// clear codes come when the decoder expects them, and every index survives.
    @Test(arguments: [2, 4, 8])
    func lzwRoundTripsThroughFullTables(minimumCodeSize: Int) {
        var generator = SplitMix(seed: UInt64(minimumCodeSize))
        let colours = 1 << minimumCodeSize
        // Noise fills the table fastest; runs exercise long strings (the KwKwK case).
        var indices: [UInt8] = (0..<60_000).map { _ in UInt8(generator.next() % UInt64(colours)) }
        indices += [UInt8](repeating: 1, count: 20_000)
        for length in 1...300 { indices += [UInt8](repeating: UInt8(length % colours), count: length % 17 + 1) }
        let codes = LZW.compress(indices, minimumCodeSize: minimumCodeSize)
        #expect(decodeLZW(codes, minimumCodeSize: minimumCodeSize, expectingClears: true) == indices)
    }

    @Test func delaysAreRoundedCentiseconds() {
        #expect(GIFAnimation.delay(framesPerSecond: 30) == 3)
        #expect(GIFAnimation.delay(framesPerSecond: 1) == 100)
        #expect(GIFAnimation.delay(framesPerSecond: 8) == 13)  // 12.5 rounds away from zero
        #expect(GIFAnimation.delay(framesPerSecond: 50) == 2)
        #expect(GIFAnimation.delay(framesPerSecond: 1000) == 2)  // browsers slow 0 and 1 to 10
    }

    @Test func theFileHasItsBlocks() {
        var animation = GIFAnimation(width: 3, height: 2, delayCentiseconds: 7)
        let red = RGBA(255, 0, 0), blue = RGBA(0, 0, 255)
        animation.append([red, red, blue, blue, red, red])
        animation.append([blue, blue, blue, red, red, red])
        let bytes = animation.encode()
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        #expect(Array(bytes[6..<10]) == [3, 0, 2, 0])
        // Two colours: a two-entry table, red then blue (their order of appearance).
        #expect(bytes[10] == 0xF0)
        #expect(Array(bytes[13..<19]) == [255, 0, 0, 0, 0, 255])
        #expect(Array(bytes[19..<38]) == [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0])
        #expect(Array(bytes[38..<46]) == [0x21, 0xF9, 4, 0, 7, 0, 0, 0])
        #expect(bytes.last == 0x3B)
        let decoded = decodeGIF(bytes)
        #expect(decoded.width == 3 && decoded.height == 2 && decoded.delays == [7, 7])
        #expect(decoded.frames == [[red, red, blue, blue, red, red], [blue, blue, blue, red, red, red]])
    }

    /// More than 256 colours: the 256 most frequent stay exact, the rest take the nearest.
    @Test func manyColoursAreQuantisedDeterministically() {
        var animation = GIFAnimation(width: 300, height: 2, delayCentiseconds: 3)
        // Row 0: greys (k, k, k) and near-greys (k, k, k + 1) for k in 0..<150, 300 colours;
        // row 1 repeats the greys, so they are the most frequent, then near-greys by RGB value.
        func grey(_ k: Int) -> RGBA { RGBA(UInt8(k), UInt8(k), UInt8(k)) }
        var pixels: [RGBA] = []
        for v in 0..<300 {
            let k = UInt8(v / 2)
            pixels.append(RGBA(k, k, k + UInt8(v % 2)))
        }
        for v in 0..<300 { pixels.append(grey(v % 150)) }
        animation.append(pixels)
        let bytes = animation.encode()
        #expect(bytes == animation.encode())
        let frame = decodeGIF(bytes).frames[0]
        #expect(Set(frame).count == 256)
        // The near-greys of k < 106 made the palette; the others became their grey.
        var expected = pixels
        for index in stride(from: 213, to: 300, by: 2) { expected[index] = grey(index / 2) }
        #expect(frame == expected)
    }

    /// Pillow, the reader Python users have, gets our pixels back for every frame.
    @Test func pillowReadsEveryFrame() throws {
        let (width, height) = (37, 23)
        var animation = GIFAnimation(width: width, height: height, delayCentiseconds: 4)
        var frames: [[RGBA]] = []
        var generator = SplitMix(seed: 7)
        let palette = (0..<200).map { _ in
            RGBA(UInt8(generator.next() % 256), UInt8(generator.next() % 256), UInt8(generator.next() % 256))
        }
        for frame in 0..<5 {
            let pixels = (0..<(width * height)).map { index in
                frame == 0 ? palette[index % 200] : palette[Int(generator.next() % 200)]
            }
            frames.append(pixels)
            animation.append(pixels)
        }
        let path = NSTemporaryDirectory() + "/rl-gif-\(UUID().uuidString).gif"
        defer { unlink(path) }
        try Data(animation.encode()).write(to: URL(fileURLWithPath: path))
        let expected = frames.map { $0.flatMap { [$0.red, $0.green, $0.blue] }.map(String.init).joined(separator: ",") }
        let script = """
            import sys
            try:
                from PIL import Image
            except ImportError:
                print("SKIP: Python has no Pillow (scripts/setup --test installs it)"); sys.exit(0)
            image = Image.open(sys.argv[1])
            assert image.size == (\(width), \(height)), image.size
            assert image.n_frames == \(frames.count), image.n_frames
            assert image.info.get("loop") == 0, image.info
            expected = [line.split(",") for line in sys.argv[2:]]
            for index in range(image.n_frames):
                image.seek(index)
                assert image.info["duration"] == 40, image.info
                got = list(image.convert("RGB").tobytes())
                assert got == [int(value) for value in expected[index]], "frame %d differs" % index
            print("OK")
            """
        let run = try runPython(script, arguments: [path] + expected)
        if run.output.hasPrefix("SKIP") {
            print(run.output)
            return
        }
        #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
    }
}

/// A deterministic generator for the tests' noise.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A plain LZW decoder, written from the GIF89a specification independently of the encoder.
func decodeLZW(_ bytes: [UInt8], minimumCodeSize: Int, expectingClears: Bool = false) -> [UInt8] {
    let clear = 1 << minimumCodeSize
    let end = clear + 1
    var codeSize = minimumCodeSize + 1
    var bitPosition = 0
    func read() -> Int? {
        guard bitPosition + codeSize <= bytes.count * 8 else { return nil }
        var code = 0
        for bit in 0..<codeSize where bytes[(bitPosition + bit) / 8] >> ((bitPosition + bit) % 8) & 1 == 1 { code |= 1 << bit }
        bitPosition += codeSize
        return code
    }
    var table: [[UInt8]] = []
    func reset() {
        table = (0..<clear).map { [UInt8($0)] } + [[], []]
        codeSize = minimumCodeSize + 1
    }
    reset()
    var output: [UInt8] = []
    var previous: [UInt8]?
    var clears = 0
    while let code = read() {
        if code == clear {
            reset()
            previous = nil
            clears += 1
            continue
        }
        if code == end { break }
        let entry: [UInt8]
        if code < table.count {
            entry = table[code]
        } else {
            precondition(code == table.count && previous != nil, "code \(code) beyond the table (\(table.count))")
            entry = previous! + [previous![0]]
        }
        output += entry
        if let previous, table.count < 4096 { table.append(previous + [entry[0]]) }
        if table.count == 1 << codeSize && codeSize < 12 { codeSize += 1 }
        previous = entry
    }
    precondition(!expectingClears || clears > 1, "a long input must clear the full table")
    return output
}

/// Reads back what ``GIFAnimation`` writes (a global table, full frames).
func decodeGIF(_ bytes: [UInt8]) -> (width: Int, height: Int, delays: [Int], frames: [[RGBA]]) {
    func little16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    let width = little16(6), height = little16(8)
    let tableSize = 2 << Int(bytes[10] & 7)
    let palette = (0..<tableSize).map { RGBA(bytes[13 + 3 * $0], bytes[14 + 3 * $0], bytes[15 + 3 * $0]) }
    var position = 13 + 3 * tableSize
    var delays: [Int] = []
    var frames: [[RGBA]] = []
    func subBlocks() -> [UInt8] {
        var data: [UInt8] = []
        while bytes[position] != 0 {
            let length = Int(bytes[position])
            data += bytes[(position + 1)...(position + length)]
            position += length + 1
        }
        position += 1
        return data
    }
    while bytes[position] != 0x3B {
        if bytes[position] == 0x21 {
            if bytes[position + 1] == 0xF9 { delays.append(little16(position + 4)) }
            position += 2
            _ = subBlocks()
        } else {
            precondition(bytes[position] == 0x2C)
            position += 10
            let minimumCodeSize = Int(bytes[position])
            position += 1
            frames.append(decodeLZW(subBlocks(), minimumCodeSize: minimumCodeSize).map { palette[Int($0)] })
        }
    }
    return (width, height, delays, frames)
}
