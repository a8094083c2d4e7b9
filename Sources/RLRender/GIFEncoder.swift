/// An animated GIF (GIF89a) written in plain Swift: one global palette for every frame, LZW
/// image data, a delay per frame and the NETSCAPE2.0 extension that makes viewers loop.
///
/// Frames are added as RGBA pixels (alpha is ignored: the pictures are opaque) and kept
/// run-length encoded over colour numbers, so a long recording of flat-coloured pictures stays
/// small in memory; the palette can only be chosen once every frame is known (``encode()``).
public struct GIFAnimation: Sendable {
    public let width: Int
    public let height: Int
    /// The time each frame stays up, in hundredths of a second (GIF's unit).
    public let delayCentiseconds: Int

    /// Every colour seen, numbered in order of first appearance, and how many pixels had it.
    private var colourNumbers: [UInt32: UInt32] = [:]
    private var colours: [UInt32] = []
    private var pixelCounts: [Int] = []
    /// Each frame as runs of (colour number, length).
    private var frames: [[(colour: UInt32, count: UInt32)]] = []

    /// How many frames have been added.
    public var frameCount: Int { frames.count }

    /// - Parameters:
    ///   - width, height: the picture's size in pixels (1...65535, GIF's limit).
    ///   - delayCentiseconds: each frame's delay (see ``delay(framesPerSecond:)``).
    public init(width: Int, height: Int, delayCentiseconds: Int) {
        precondition((1...65_535).contains(width) && (1...65_535).contains(height), "GIF sizes are 1...65535")
        self.width = width
        self.height = height
        self.delayCentiseconds = min(max(delayCentiseconds, 0), 65_535)
    }

    /// The delay for a frame rate: GIF counts whole hundredths of a second, so 100 / fps is
    /// rounded to the nearest (30 fps plays at 3 cs, 33.3 fps). Browsers replace delays of 0
    /// and 1 cs by 10 cs, so the delay is at least 2 cs: anything above 50 fps plays at 50.
    public static func delay(framesPerSecond: Int) -> Int {
        max(2, Int((100.0 / Double(max(1, framesPerSecond))).rounded()))
    }

    /// Adds a frame of `width × height` pixels, row by row (alpha is ignored).
    public mutating func append(_ pixels: [RGBA]) {
        precondition(pixels.count == width * height, "a frame has width × height pixels")
        append(rgb: pixels.flatMap { [$0.red, $0.green, $0.blue] })
    }

    /// Adds a frame of `width × height` pixels given as red, green, blue bytes, row by row.
    public mutating func append(rgb bytes: [UInt8]) {
        precondition(bytes.count == width * height * 3, "a frame has width × height × 3 bytes")
        var runs: [(colour: UInt32, count: UInt32)] = []
        var last: (rgb: UInt32, number: UInt32)?
        bytes.withUnsafeBufferPointer { bytes in
            for start in stride(from: 0, to: bytes.count, by: 3) {
                let rgb = UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
                // Flat pictures: most pixels repeat the one before, and only extend its run.
                if let last, last.rgb == rgb {
                    runs[runs.count - 1].count += 1
                    continue
                }
                let number: UInt32
                if let known = colourNumbers[rgb] {
                    number = known
                } else {
                    number = UInt32(colours.count)
                    colourNumbers[rgb] = number
                    colours.append(rgb)
                    pixelCounts.append(0)
                }
                last = (rgb, number)
                runs.append((number, 1))
            }
        }
        for run in runs { pixelCounts[Int(run.colour)] += Int(run.count) }
        frames.append(runs)
    }

    /// The palette and the palette index of each colour number. With 256 colours or fewer, each
    /// keeps its own exact entry (in order of first appearance). With more, the 256 most
    /// frequent colours are the palette (ties: the smaller RGB value first, so the file does not
    /// depend on hashing) and every other colour takes the nearest entry (squared RGB distance,
    /// ties: the first entry).
    func palette() -> (entries: [UInt32], index: [UInt8]) {
        if colours.count <= 256 { return (colours, colours.indices.map { UInt8($0) }) }
        let ranked = colours.indices.sorted {
            pixelCounts[$0] != pixelCounts[$1] ? pixelCounts[$0] > pixelCounts[$1] : colours[$0] < colours[$1]
        }
        let kept = Array(ranked.prefix(256))
        let entries = kept.map { colours[$0] }
        var index = [UInt8](repeating: 0, count: colours.count)
        for (position, number) in kept.enumerated() { index[number] = UInt8(position) }
        for number in ranked.dropFirst(256) {
            index[number] = UInt8(Self.nearest(colours[number], in: entries))
        }
        return (entries, index)
    }

    static func nearest(_ rgb: UInt32, in entries: [UInt32]) -> Int {
        func channels(_ value: UInt32) -> (Int, Int, Int) { (Int(value >> 16 & 255), Int(value >> 8 & 255), Int(value & 255)) }
        let (red, green, blue) = channels(rgb)
        var best = 0
        var bestDistance = Int.max
        for (position, entry) in entries.enumerated() {
            let (r, g, b) = channels(entry)
            let distance = (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
            if distance < bestDistance { (best, bestDistance) = (position, distance) }
        }
        return best
    }

    /// The GIF file's bytes.
    public func encode() -> [UInt8] {
        let (entries, index) = palette()
        // The colour table holds 2^(sizeField + 1) entries, at least 2.
        var sizeField = 0
        while (2 << sizeField) < entries.count { sizeField += 1 }
        let tableSize = 2 << sizeField
        var bytes: [UInt8] = Array("GIF89a".utf8)
        func little16(_ value: Int) { bytes += [UInt8(value & 255), UInt8(value >> 8 & 255)] }
        // Logical screen: a global colour table, 8 bits of colour resolution, no sorting.
        little16(width)
        little16(height)
        bytes += [0xF0 | UInt8(sizeField), 0, 0]
        for position in 0..<tableSize {
            let rgb = position < entries.count ? entries[position] : 0
            bytes += [UInt8(rgb >> 16 & 255), UInt8(rgb >> 8 & 255), UInt8(rgb & 255)]
        }
        // NETSCAPE2.0: loop forever (a count of 0).
        bytes += [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0]
        let minimumCodeSize = max(2, sizeField + 1)
        var indices = [UInt8](repeating: 0, count: width * height)
        for runs in frames {
            var position = 0
            indices.withUnsafeMutableBufferPointer { indices in
                for run in runs {
                    let value = index[Int(run.colour)]
                    for offset in position..<(position + Int(run.count)) { indices[offset] = value }
                    position += Int(run.count)
                }
            }
            // Graphic control: no disposal, no transparency; then a full-picture image descriptor.
            bytes += [0x21, 0xF9, 4, 0]
            little16(delayCentiseconds)
            bytes += [0, 0]
            bytes += [0x2C, 0, 0, 0, 0]
            little16(width)
            little16(height)
            bytes += [0, UInt8(minimumCodeSize)]
            let data = LZW.compress(indices, minimumCodeSize: minimumCodeSize)
            // Sub-blocks of at most 255 bytes, each after its length, then an empty one.
            var start = 0
            while start < data.count {
                let end = min(start + 255, data.count)
                bytes.append(UInt8(end - start))
                bytes += data[start..<end]
                start = end
            }
            bytes.append(0)
        }
        bytes.append(0x3B)
        return bytes
    }
}

/// GIF's variable-length LZW.
public enum LZW {
    /// The largest code GIF allows: codes are at most 12 bits.
    static let maximumCode = 4095

    /// Compresses palette indices (each below `2^minimumCodeSize`) into GIF's LZW code stream,
    /// codes packed least significant bit first: a clear code, the codes (growing from
    /// `minimumCodeSize + 1` bits up to 12 as the table fills), a clear code whenever the table
    /// is full, and the end-of-information code.
    public static func compress(_ indices: [UInt8], minimumCodeSize: Int) -> [UInt8] {
        precondition((2...8).contains(minimumCodeSize), "GIF's minimum code size is 2...8")
        let clear = 1 << minimumCodeSize
        let end = clear + 1
        var output: [UInt8] = []
        var buffer = 0
        var bufferBits = 0
        var codeSize = minimumCodeSize + 1
        func emit(_ code: Int) {
            buffer |= code << bufferBits
            bufferBits += codeSize
            while bufferBits >= 8 {
                output.append(UInt8(buffer & 255))
                buffer >>= 8
                bufferBits -= 8
            }
        }
        // The table: a string's code and the next index give the longer string's code,
        // stored flat (code × 256 + index), 0 meaning absent (no entry has code 0 as its value).
        // Unsafe buffers: this loop runs once a pixel, and debug builds check every subscript.
        let table = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: (maximumCode + 1) * 256)
        table.initialize(repeating: 0)
        defer { table.deallocate() }
        var added: [Int] = []
        added.reserveCapacity(maximumCode + 1)
        var next = clear + 2
        emit(clear)
        guard var prefix = indices.first.map(Int.init) else {
            emit(end)
            if bufferBits > 0 { output.append(UInt8(buffer & 255)) }
            return output
        }
        indices.withUnsafeBufferPointer { indices in
            for position in 1..<indices.count {
                let value = Int(indices[position])
                let key = prefix << 8 | value
                let known = table[key]
                if known != 0 {
                    prefix = Int(known)
                    continue
                }
                emit(prefix)
                table[key] = UInt16(next)
                added.append(key)
                next += 1
                // The decoder adds its entries one code later than we do: code `next - 1` may
                // come next, so it must fit the code size (the decoder widens at that moment).
                if next - 1 == 1 << codeSize && codeSize < 12 { codeSize += 1 }
                if next > maximumCode {
                    // Full at 4096 entries: start again, as the decoder does on the clear code.
                    emit(clear)
                    for key in added { table[key] = 0 }
                    added.removeAll(keepingCapacity: true)
                    next = clear + 2
                    codeSize = minimumCodeSize + 1
                }
                prefix = value
            }
        }
        emit(prefix)
        // The end code may need one more bit if the last code filled the size.
        if next == 1 << codeSize && codeSize < 12 { codeSize += 1 }
        emit(end)
        if bufferBits > 0 { output.append(UInt8(buffer & 255)) }
        return output
    }
}
