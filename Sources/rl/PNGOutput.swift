import RLApp
import RLRender
import RLSDL

/// Writes a scene as a PNG file through SDL2_image, one scene unit per pixel, with a one-line
/// error when it cannot.
func savePNG(_ scene: Scene, to path: String) throws(CommandError) {
    do {
        try PNGFile.write(scene, scale: 1, to: path)
    } catch {
        throw CommandError(error.message)
    }
}
