import RLTabular

/// Writes pictures to image files.
public enum PictureFile {
    /// Checks that `path` names a PNG file, before any work is done.
    public static func checkPNGPath(_ path: String, option: String) throws(InspectionError) {
        guard path.lowercased().hasSuffix(".png") else {
            throw InspectionError("\(option) writes a PNG picture: give it a name ending in .png, got \(path)")
        }
    }

    /// Writes `picture` as a PNG file.
    ///
    /// PNG encoding goes through SDL2_image (the renderer's path), never a hand-written
    /// encoder; until the `RLRender`/`RLSDL` modules are merged into this branch there is no
    /// writer, and this says so in one line.
    public static func writePNG(_ picture: Picture, to path: String) throws(InspectionError) {
        throw InspectionError("cannot write \(path): PNG output needs the RLSDL module, which this build of rl does not have yet")
    }
}

/// Reads `rl train --log` files for `rl plot`.
extension LearningCurve {
    public static func load(from path: String) throws(InspectionError) -> LearningCurve {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw InspectionError(error.message) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InspectionError("\(path) is not a text file (a CSV log from 'rl train --log')")
        }
        return try LearningCurve(csv: text, name: path)
    }
}
