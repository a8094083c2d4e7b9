import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `close(2)`, named apart from ``AppendingFile/close()``.
@discardableResult
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}

/// A file that only grows, one whole piece at a time: what both the JSON-lines writer and the
/// TensorBoard writer stand on. A class, because it owns a file descriptor.
///
/// Each piece goes to the kernel in one `write` call, straight away: nothing waits in a buffer of
/// ours, so a piece that `append` returned from survives the process being interrupted or killed
/// (the kernel writes it out on its own). Surviving a power cut or a crash of the whole machine
/// also takes ``synchronize()`` (`fsync`).
///
/// If a write fails part-way (a full disk), the file is cut back to its length before the piece,
/// so that no half piece stays behind. This assumes one writer per file.
final class AppendingFile {
    let path: String
    private var descriptor: Int32

    /// Opens `path` for appending, creating it (and missing folders). With `exclusive`, a file
    /// already there is an error instead of being appended to.
    init(path: String, exclusive: Bool) throws(ExperimentError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ExperimentError("cannot create folder \(folder) for \(path)", kind: .inputOutput)
        }
        let flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : 0)
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw ExperimentError("cannot write \(path): \(reason)", kind: .inputOutput)
        }
        self.path = path
    }

    deinit {
        if descriptor >= 0 { closeDescriptor(descriptor) }
    }

    /// The file's length in bytes.
    func length() throws(ExperimentError) -> Int {
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0 else { throw failure("cannot measure") }
        return Int(status.st_size)
    }

    /// Appends `bytes` whole, or not at all.
    func append(_ bytes: [UInt8]) throws(ExperimentError) {
        let before = try length()
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                let error = failure("cannot write")
                _ = ftruncate(descriptor, off_t(before))
                throw error
            }
        }
    }

    /// Cuts the file to its first `length` bytes.
    func truncate(to length: Int) throws(ExperimentError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw failure("cannot truncate") }
    }

    /// Asks the kernel to put everything written so far on the disk (`fsync`).
    func synchronize() throws(ExperimentError) {
        guard descriptor >= 0, fsync(descriptor) == 0 else { throw failure("cannot flush") }
    }

    /// Synchronizes and closes; later appends fail. Closing twice does nothing.
    func close() throws(ExperimentError) {
        guard descriptor >= 0 else { return }
        var reason: Int32 = 0
        if fsync(descriptor) != 0 { reason = errno }
        if closeDescriptor(descriptor) != 0 && reason == 0 { reason = errno }
        descriptor = -1
        guard reason == 0 else { throw ExperimentError("cannot close \(path): \(String(cString: strerror(reason)))", kind: .inputOutput) }
    }

    private func failure(_ what: String) -> ExperimentError {
        descriptor < 0
            ? ExperimentError("\(what) \(path): it is closed", kind: .inputOutput)
            : ExperimentError("\(what) \(path): \(String(cString: strerror(errno)))", kind: .inputOutput)
    }
}
