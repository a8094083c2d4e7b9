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
    /// at the new content instead of being replaced by a file. A dangling link is followed too:
    /// the write creates its target (and the target's folders), and the link then resolves.
    /// Links in the folders above need no resolving: `rename` follows them itself.
    static func destination(of path: String) -> String {
        var current = URL(fileURLWithPath: path).path
        // The kernel's own limit on links in a row (Linux's MAXSYMLINKS); past it, writing
        // fails with ELOOP and checkWritable says so.
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { readlink(current, $0, pointer.count - 1) }
            }
            guard count > 0 else { return current }
            let target = String(decoding: buffer[0..<count], as: UTF8.self)
            current =
                target.hasPrefix("/")
                ? target
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).path
        }
        return current
    }

    /// The name of the temporary file a writer in process `pid` uses for `destination`.
    static func temporaryName(for destination: String, pid: Int32) -> String {
        "." + URL(fileURLWithPath: destination).lastPathComponent + ".\(pid).tmp"
    }

    /// Removes temporary files of our own naming for `destination` left by writers that died
    /// before their rename (killed, or the machine stopped). Only those whose process is gone:
    /// another `rl` may be writing the same file right now.
    static func removeStaleTemporaries(of destination: String) {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(4)), pid > 0, pid != getpid(),
                name == temporaryName(for: destination, pid: pid)
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    /// Checks, before any long work, that `path` could be written: it names a regular file (or
    /// nothing yet), not a folder or a device, and its folder exists (or can be made) and is
    /// writable. Creates missing folders.
    public static func checkWritable(_ path: String) throws(PolicyFileError) {
        guard !path.isEmpty else { throw PolicyFileError("an output path is empty", kind: .inputOutput) }
        guard !path.hasSuffix("/") else { throw PolicyFileError("cannot write \(path): it names a folder", kind: .inputOutput) }
        let target = destination(of: path)
        var status = stat()
        if stat(target, &status) != 0 && errno != ENOENT {
            throw PolicyFileError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .inputOutput)
        }
        if stat(target, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw PolicyFileError("cannot write \(path): it is a folder", kind: .inputOutput) }
            // Renaming over a device or a pipe would replace it: refuse instead.
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw PolicyFileError("cannot write \(path): it is not a regular file", kind: .inputOutput)
            }
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        // /dev takes new files when run as root, but they vanish at the next boot and were not
        // meant (`--out /dev/full.safetensors`): refuse it like any unwritable place.
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if resolved == "/dev" || resolved.hasPrefix("/dev/") {
            throw PolicyFileError("cannot write \(path): \(resolved) holds devices, not files", kind: .inputOutput)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PolicyFileError("cannot create folder \(folder) for \(path)", kind: .inputOutput)
        }
        guard access(folder, W_OK) == 0 else {
            throw PolicyFileError("cannot write in folder \(folder): \(String(cString: strerror(errno)))", kind: .inputOutput)
        }
    }

    /// Reads a whole file, with a one-line error when it is missing or unreadable. Only regular
    /// files are read: a device (`/dev/zero`) or a pipe nobody writes to would never end.
    public static func read(_ path: String) throws(PolicyFileError) -> [UInt8] {
        guard !path.isEmpty else { throw PolicyFileError("the policy path is empty", kind: .missingFile) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw PolicyFileError("no such file: \(path)", kind: .missingFile) }
            throw PolicyFileError("cannot read \(path): \(String(cString: strerror(errno)))", kind: .missingFile)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw PolicyFileError("\(path) is a folder, not a file", kind: .missingFile) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw PolicyFileError("\(path) is not a regular file", kind: .missingFile)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw PolicyFileError("cannot read \(path): \(String(cString: strerror(errno)))", kind: .missingFile)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PolicyFileError("cannot read \(path): \(String(cString: strerror(errno)))", kind: .inputOutput)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
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
        AtomicFile.removeStaleTemporaries(of: destination)
        temporary =
            URL(fileURLWithPath: destination).deletingLastPathComponent()
            .appendingPathComponent(AtomicFile.temporaryName(for: destination, pid: getpid())).path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw PolicyFileError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .inputOutput)
        }
    }

    /// Appends bytes to the temporary file.
    public func append(_ bytes: [UInt8]) throws(PolicyFileError) {
        guard descriptor >= 0 else { throw PolicyFileError("cannot write \(path): already closed", kind: .inputOutput) }
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
        guard ok else { throw PolicyFileError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .inputOutput) }
    }

    /// Appends text as UTF-8.
    public func append(_ text: String) throws(PolicyFileError) { try append(Array(text.utf8)) }

    /// Flushes the temporary file and renames it over the destination, which keeps its
    /// permissions (a 0600 file stays 0600); a new file gets 0644 less the umask.
    public func commit() throws(PolicyFileError) {
        guard descriptor >= 0 else { throw PolicyFileError("cannot write \(path): already closed", kind: .inputOutput) }
        var existing = stat()
        if stat(destination, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        descriptor = -1
        guard synced, rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PolicyFileError("cannot write \(path): \(reason)", kind: .inputOutput)
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
