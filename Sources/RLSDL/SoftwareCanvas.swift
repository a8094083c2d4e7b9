import CSDL2
import RLRender

#if canImport(Glibc)
import Glibc
#endif

/// An RGBA image in memory with SDL's software renderer: paints scenes and writes PNGs
/// without any display.
public final class SoftwareCanvas {
    public let width: Int
    public let height: Int
    let surface: UnsafeMutablePointer<SDL_Surface>
    let renderer: OpaquePointer

    public init(width: Int, height: Int) throws(SDLError) {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384 else {
            throw SDLError("image size \(width)×\(height) is out of range (1...16384)")
        }
        guard let surface = SDL_CreateRGBSurfaceWithFormat(0, Int32(width), Int32(height), 32, RL_SDL_PIXELFORMAT_RGBA32) else {
            throw SDLError.last("cannot create an image")
        }
        guard let renderer = SDL_CreateSoftwareRenderer(surface) else {
            SDL_FreeSurface(surface)
            throw SDLError.last("cannot create a software renderer")
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.renderer = renderer
    }

    deinit {
        SDL_DestroyRenderer(renderer)
        SDL_FreeSurface(surface)
    }

    /// Paints `scene` at `scale` pixels per scene unit.
    public func paint(_ scene: Scene, scale: Double) {
        ScenePainter.paint(scene, on: renderer, scale: scale)
        SDL_RenderPresent(renderer)
    }

    /// The colour of one pixel.
    public func pixel(x: Int, y: Int) -> RGBA {
        Self.pixel(of: surface, x: x, y: y)
    }

    /// Every pixel as red, green, blue bytes, row by row (ffmpeg's `rgb24`): the frames of
    /// `rl watch --video`. The surface is RGBA32, whose bytes are red, green, blue, alpha in
    /// memory on every machine; its rows may be padded (`pitch`).
    public func rgbBytes() -> [UInt8] {
        let pitch = Int(surface.pointee.pitch)
        let source = UnsafeRawPointer(surface.pointee.pixels).assumingMemoryBound(to: UInt8.self)
        let (width, height) = (width, height)
        return [UInt8](unsafeUninitializedCapacity: width * height * 3) { buffer, count in
            var target = 0
            for y in 0..<height {
                let row = source + y * pitch
                for x in 0..<width {
                    buffer[target] = row[4 * x]
                    buffer[target + 1] = row[4 * x + 1]
                    buffer[target + 2] = row[4 * x + 2]
                    target += 3
                }
            }
            count = target
        }
    }

    static func pixel(of surface: UnsafeMutablePointer<SDL_Surface>, x: Int, y: Int) -> RGBA {
        let pitch = Int(surface.pointee.pitch)
        let bytes = surface.pointee.pixels.assumingMemoryBound(to: UInt8.self)
        let bytesPerPixel = Int(surface.pointee.format.pointee.BytesPerPixel)
        let offset = y * pitch + x * bytesPerPixel
        var value: UInt32 = 0
        for index in 0..<bytesPerPixel { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        var red: UInt8 = 0, green: UInt8 = 0, blue: UInt8 = 0, alpha: UInt8 = 0
        SDL_GetRGBA(value, surface.pointee.format, &red, &green, &blue, &alpha)
        return RGBA(red, green, blue, alpha)
    }

    /// Writes the image as a PNG file, directly (for tests and tools: `rl` itself writes
    /// ``encodePNG()``'s bytes atomically through its file layer).
    public func writePNG(to path: String) throws(SDLError) {
        guard IMG_SavePNG(surface, path) == 0 else { throw SDLError.last("cannot write \(path)") }
    }

    /// The image as PNG bytes, encoded in memory by SDL2_image.
    public func encodePNG() throws(SDLError) -> [UInt8] {
        // A PNG is never much larger than the raw pixels: room for them plus headers.
        let capacity = width * height * 4 + 65_536
        var buffer = [UInt8](repeating: 0, count: capacity)
        let surface = surface
        let written: Int = buffer.withUnsafeMutableBytes { bytes -> Int in
            guard let stream = SDL_RWFromMem(bytes.baseAddress, Int32(capacity)) else { return -1 }
            defer { SDL_RWclose(stream) }
            guard IMG_SavePNG_RW(surface, stream, 0) == 0 else { return -1 }
            return Int(SDL_RWtell(stream))
        }
        guard written > 0 else { throw SDLError.last("cannot encode a PNG") }
        return Array(buffer[0..<written])
    }
}

/// PNG files through SDL2_image: never a hand-written encoder.
public enum PNGFile {
    /// Renders `scene` at `scale` pixels per unit and returns the PNG's bytes.
    public static func encode(_ scene: Scene, scale: Double) throws(SDLError) -> [UInt8] {
        let canvas = try SoftwareCanvas(
            width: Int((scene.width * scale).rounded()), height: Int((scene.height * scale).rounded()))
        canvas.paint(scene, scale: scale)
        return try canvas.encodePNG()
    }

    /// Renders `scene` at `scale` pixels per unit and writes it to `path` directly (see
    /// ``SoftwareCanvas/writePNG(to:)``).
    public static func write(_ scene: Scene, scale: Double, to path: String) throws(SDLError) {
        let canvas = try SoftwareCanvas(
            width: Int((scene.width * scale).rounded()), height: Int((scene.height * scale).rounded()))
        canvas.paint(scene, scale: scale)
        try canvas.writePNG(to: path)
    }

    /// Renders `scene` at `scale` pixels per unit: the picture's size and its red, green, blue
    /// bytes, row by row (``SoftwareCanvas/rgbBytes()``).
    public static func rgbBytes(_ scene: Scene, scale: Double) throws(SDLError) -> (width: Int, height: Int, rgb: [UInt8]) {
        let canvas = try SoftwareCanvas(
            width: Int((scene.width * scale).rounded()), height: Int((scene.height * scale).rounded()))
        canvas.paint(scene, scale: scale)
        return (canvas.width, canvas.height, canvas.rgbBytes())
    }

    /// Reads a PNG back as RGBA pixels (for tests and checks): width, height and row-major pixels.
    public static func read(_ path: String) throws(SDLError) -> (width: Int, height: Int, pixels: [RGBA]) {
        guard let loaded = IMG_Load(path) else { throw SDLError.last("cannot read \(path)") }
        defer { SDL_FreeSurface(loaded) }
        guard let surface = SDL_ConvertSurfaceFormat(loaded, RL_SDL_PIXELFORMAT_RGBA32, 0) else {
            throw SDLError.last("cannot convert \(path)")
        }
        defer { SDL_FreeSurface(surface) }
        let width = Int(surface.pointee.w)
        let height = Int(surface.pointee.h)
        var pixels: [RGBA] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height { for x in 0..<width { pixels.append(SoftwareCanvas.pixel(of: surface, x: x, y: y)) } }
        return (width, height, pixels)
    }
}
