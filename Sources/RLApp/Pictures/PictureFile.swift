import RLTabular

/// Checks on picture files (the `rl` executable writes them through RLSDL).
public enum PictureFile {
    /// Checks that `path` names a PNG file, before any work is done.
    public static func checkPNGPath(_ path: String, option: String) throws(InspectionError) {
        guard path.lowercased().hasSuffix(".png") else {
            throw InspectionError("\(option) writes a PNG picture: give it a name ending in .png, got \(path)")
        }
    }
}

/// Reads `rl train --log` files for `rl plot`.
extension LearningCurve {
    public static func load(from path: String) throws(InspectionError) -> LearningCurve {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw InspectionError(error.message, kind: error.kind) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InspectionError("\(path) is not a text file (a CSV log from 'rl train --log')")
        }
        return try LearningCurve(csv: text, name: path)
    }
}
