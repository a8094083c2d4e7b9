import RLApp
import RLRender
import RLSDL
import RLTabular

/// Writes a scene as a PNG file: encoded in memory by SDL2_image, then written like every other
/// file `rl` writes (``AtomicFile``: folders created, links followed, devices refused, a
/// temporary file renamed into place). One-line error when it cannot.
func savePNG(_ scene: Scene, scale: Double = 1, to path: String) throws(CommandError) {
    do {
        try AtomicFile.checkWritable(path)
    } catch {
        throw CommandError(error)
    }
    let bytes: [UInt8]
    do {
        bytes = try PNGFile.encode(scene, scale: scale)
    } catch {
        throw CommandError(error.message)
    }
    do {
        try AtomicFile.write(bytes, to: path)
    } catch {
        throw CommandError(error)
    }
}
