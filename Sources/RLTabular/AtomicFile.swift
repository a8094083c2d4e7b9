import Foundation

/// Writes files so that a reader sees the old content or the new, never half of either.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file in the destination's folder, flushes it, then renames
    /// it over `path` (rename is atomic within a file system). Missing folders are created.
    public static func write(_ bytes: [UInt8], to path: String) throws(PolicyFileError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.append(bytes)
        try writer.commit()
    }

    /// The path a write really replaces: symbolic links are followed, so a link keeps pointing
    /// at the new content instead of being replaced by a file.
    static func destination(of path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Checks, before any long work, that `path` could be written: it names a regular file (or
    /// nothing yet), not a folder or a device, and its folder exists (or can be made) and is
    /// writable. Creates missing folders.
    public static func checkWritable(_ path: String) throws(PolicyFileError) {
        guard !path.isEmpty else { throw PolicyFileError("an output path is empty") }
        guard !path.hasSuffix("/") else { throw PolicyFileError("cannot write \(path): it names a folder") }
        let target = destination(of: path)
        var status = stat()
        if stat(target, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw PolicyFileError("cannot write \(path): it is a folder") }
            // Renaming over a device or a pipe would replace it: refuse instead.
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw PolicyFileError("cannot write \(path): it is not a regular file")
            }
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
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

/// A file written in pieces into a temporary file beside its destination, which replaces the
/// destination only on ``commit()``. Nothing is lost if the writer is abandoned or the process
/// dies: the destination keeps its old content. A class, because it owns a file descriptor.
public final class AtomicFileWriter {
    public let path: String
    let destination: String
    let temporary: String
    private var descriptor: Int32

    /// Opens a temporary file in the destination's folder (created if missing).
    public init(path: String) throws(PolicyFileError) {
        try AtomicFile.checkWritable(path)
        self.path = path
        destination = AtomicFile.destination(of: path)
        let url = URL(fileURLWithPath: destination)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw PolicyFileError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Appends bytes to the temporary file.
    public func append(_ bytes: [UInt8]) throws(PolicyFileError) {
        guard descriptor >= 0 else { throw PolicyFileError("cannot write \(path): already closed") }
        var written = 0
        let descriptor = descriptor
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 { if errno == EINTR { continue }; return false }
                written += result
            }
            return true
        }
        guard ok else { throw PolicyFileError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    /// Appends text as UTF-8.
    public func append(_ text: String) throws(PolicyFileError) { try append(Array(text.utf8)) }

    /// Flushes the temporary file and renames it over the destination.
    public func commit() throws(PolicyFileError) {
        guard descriptor >= 0 else { throw PolicyFileError("cannot write \(path): already closed") }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        descriptor = -1
        guard synced, rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PolicyFileError("cannot write \(path): \(reason)")
        }
    }

    /// Gives up: removes the temporary file and leaves the destination as it was.
    public func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }

    deinit { abandon() }
}
