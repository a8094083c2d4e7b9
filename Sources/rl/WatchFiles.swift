import Foundation
import RLApp

/// The files `rl watch` writes: one screenshot, or a folder of numbered frames.
extension WatchCommand {
    /// Checks the names of the files to write before any work: a screenshot is a PNG file
    /// (`s.jpg` would hold PNG bytes under a JPEG name).
    func checkOutputNames() throws(CommandError) {
        if let screenshot {
            do { try PictureFile.checkPNGPath(screenshot, option: "--screenshot") } catch { throw CommandError.usage(error.message) }
        }
        if let video { _ = try VideoFormat(path: video) }
    }

    /// Makes the folder `--record` writes into. A folder that already holds something is
    /// refused, so frames of an earlier, longer recording cannot linger after the new ones;
    /// with `--overwrite`, our own `frame-NNNNNN.png` files are removed first and nothing else.
    func prepareRecordFolder(_ path: String, overwrite: Bool) throws(CommandError) {
        guard !path.isEmpty else { throw CommandError.usage("--record needs a folder name") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw CommandError.usage("\(path) is not a folder") }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !names.isEmpty && !overwrite {
                throw CommandError.usage(
                    "\(path) is not empty: choose an empty folder, or add --overwrite to replace its frame-NNNNNN.png files")
            }
            for name in names where Self.isFrameName(name) {
                guard unlink(path + "/" + name) == 0 else {
                    throw CommandError(
                        "cannot remove \(path)/\(name): \(String(cString: strerror(errno)))", exitCode: ExitStatus.inputOutputError)
                }
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create folder \(path)", exitCode: ExitStatus.inputOutputError)
        }
    }

    /// Whether `name` is one of ours: `frame-` then six or more digits, then `.png`.
    static func isFrameName(_ name: String) -> Bool {
        guard name.hasPrefix("frame-") && name.hasSuffix(".png") else { return false }
        let digits = name.dropFirst(6).dropLast(4)
        return digits.count >= 6 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
