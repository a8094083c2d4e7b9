import Foundation

/// Writes files so that a reader sees the old content or the new, never half of either.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file in the destination's folder, flushes it, then renames
    /// it over `path` (rename is atomic within a file system). Missing folders are created.
    public static func write(_ bytes: [UInt8], to path: String) throws(PolicyFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PolicyFileError("cannot create folder \(folder.path) for \(path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw PolicyFileError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 { if errno == EINTR { continue }; return false }
                written += result
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard ok, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PolicyFileError("cannot write \(path): \(reason)")
        }
    }

    /// Checks, before any long work, that `path` could be written: it is not a folder and its
    /// folder exists (or can be made) and is writable. Creates missing folders.
    public static func checkWritable(_ path: String) throws(PolicyFileError) {
        guard !path.isEmpty else { throw PolicyFileError("an output path is empty") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw PolicyFileError("cannot write \(path): it is a folder")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PolicyFileError("cannot create folder \(folder) for \(path)")
        }
        guard access(folder, W_OK) == 0 else {
            throw PolicyFileError("cannot write in folder \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Reads a whole file, with a one-line error when it is missing or unreadable.
    public static func read(_ path: String) throws(PolicyFileError) -> [UInt8] {
        guard !path.isEmpty else { throw PolicyFileError("the policy path is empty") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw PolicyFileError("no such file: \(path)")
        }
        guard !isFolder.boolValue else { throw PolicyFileError("\(path) is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyFileError("cannot read \(path)")
        }
        return Array(data)
    }
}
