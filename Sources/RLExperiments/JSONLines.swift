import Foundation

/// When a JSON-lines writer forces its lines to the disk.
public enum JSONLinesDurability: Sendable {
    /// `fsync` after every line: a line that ``JSONLinesWriter/append(_:)`` returned from survives
    /// even a power cut. Right for results files, where a line is a whole run (minutes of work)
    /// and costs one `fsync`.
    case syncEachLine
    /// `fsync` only on ``JSONLinesWriter/close()``: lines still survive the process being
    /// interrupted or killed (the kernel has them), but not a crash of the machine. For
    /// frequent lines, such as progress logs.
    case syncOnClose
}

/// Appends values as JSON lines (one JSON document per line, each ended by a newline) so that the
/// file never holds half a line that a later line is glued onto:
///
/// - each line, newline included, goes to the file in one `write` call, at once, with nothing
///   buffered in between (see ``JSONLinesDurability`` for when it is forced to the disk);
/// - a write that fails part-way (a full disk) is undone;
/// - a line cut short anyway (the machine crashed, or the process was killed in the middle of its
///   one write) is at the very end of the file, without its newline: ``JSONLines/read(_:from:)``
///   skips it, and the next writer to open the file cuts it off before appending.
///
/// One writer per file at a time. A class, because it owns the open file.
public final class JSONLinesWriter {
    public let path: String
    public let durability: JSONLinesDurability
    /// How many bytes of a torn last line were cut off when the file was opened (0 normally).
    public let repairedBytes: Int
    private let file: AppendingFile
    private let encoder: JSONEncoder

    /// Opens `path` for appending, creating it (and missing folders) if needed.
    public init(path: String, durability: JSONLinesDurability = .syncEachLine) throws(ExperimentError) {
        self.path = path
        self.durability = durability
        file = try AppendingFile(path: path, exclusive: false)
        repairedBytes = try Self.cutTornLine(of: file, at: path)
        encoder = JSONEncoder()
        // Sorted keys give the same line for the same value, so results files diff cleanly.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Cuts everything after the last newline: what a writer that died mid-line left. Reads the
    /// file backwards from its end, a block at a time, so a long file costs one block.
    private static func cutTornLine(of file: AppendingFile, at path: String) throws(ExperimentError) -> Int {
        let length = try file.length()
        guard length > 0 else { return 0 }
        guard let reader = FileHandle(forReadingAtPath: path) else { throw ExperimentError("cannot read \(path)", kind: .inputOutput) }
        defer { try? reader.close() }
        var end = length
        var keep = 0
        search: while end > 0 {
            let start = max(0, end - tailBlock)
            let block: [UInt8]
            do {
                try reader.seek(toOffset: UInt64(start))
                block = Array(try reader.read(upToCount: end - start) ?? Data())
            } catch {
                throw ExperimentError("cannot read \(path): \(error)", kind: .inputOutput)
            }
            if let last = block.lastIndex(of: newline) {
                keep = start + last + 1
                break search
            }
            end = start
        }
        guard keep < length else { return 0 }
        try file.truncate(to: keep)
        return length - keep
    }

    /// How much of the file's end is read at a time when looking for its last newline.
    private static let tailBlock = 1 << 16

    /// Appends `value` as one line.
    public func append(_ value: some Encodable) throws(ExperimentError) {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw ExperimentError("cannot encode a line for \(path)", kind: .inputOutput)
        }
        try append(jsonLine: Array(data))
    }

    /// Appends text that is already one JSON document (without its newline).
    public func append(jsonLine: [UInt8]) throws(ExperimentError) {
        guard !jsonLine.contains(newline) else {
            throw ExperimentError("a JSON line for \(path) must not contain a newline")
        }
        try file.append(jsonLine + [newline])
        if durability == .syncEachLine { try file.synchronize() }
    }

    /// Forces every line written so far to the disk.
    public func flush() throws(ExperimentError) { try file.synchronize() }

    /// Flushes and closes the file; later appends fail.
    public func close() throws(ExperimentError) { try file.close() }
}

/// The values of a JSON-lines file, as far as its last whole line.
public struct JSONLinesContent<Value> {
    public var values: [Value]
    /// The bytes after the last newline: a line a writer did not finish, skipped. 0 normally.
    public var tornBytes: Int
}

extension JSONLinesContent: Sendable where Value: Sendable {}
extension JSONLinesContent: Equatable where Value: Equatable {}

/// Reading JSON-lines files.
public enum JSONLines {
    /// Decodes every whole line of the file at `path`. A last line without its newline was not
    /// finished (see ``JSONLinesWriter``) and is skipped, not decoded. Blank lines are skipped.
    /// A whole line that does not decode is an error naming its line number: that is damage, not
    /// an interruption.
    public static func read<Value: Decodable>(_ type: Value.Type, from path: String) throws(ExperimentError) -> JSONLinesContent<Value> {
        let split = completeLines(in: try readBytes(path))
        let decoder = JSONDecoder()
        var values: [Value] = []
        for (number, line) in split.lines.enumerated() where !line.allSatisfy(isBlank) {
            do {
                values.append(try decoder.decode(Value.self, from: Data(line)))
            } catch {
                // Not the decoder's own words: they run to several lines and quote the file.
                throw ExperimentError("line \(number + 1) of \(path) is not a valid record")
            }
        }
        return JSONLinesContent(values: values, tornBytes: split.tornBytes)
    }

    /// The lines of `bytes` that end in a newline (without it), and how many bytes follow the last one.
    public static func completeLines(in bytes: [UInt8]) -> (lines: [ArraySlice<UInt8>], tornBytes: Int) {
        let end = bytes.lastIndex(of: newline).map { $0 + 1 } ?? 0
        let lines = bytes[..<end].split(separator: newline, omittingEmptySubsequences: false).dropLast()
        return (Array(lines), bytes.count - end)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}

private let newline = UInt8(ascii: "\n")

/// A whole regular file's bytes, with a one-line error when it cannot be read.
public func readBytes(_ path: String) throws(ExperimentError) -> [UInt8] {
    // Only a regular file: a folder cannot be read, and a device (/dev/zero) would never end.
    var status = stat()
    guard stat(path, &status) == 0 else {
        throw ExperimentError(errno == ENOENT ? "no such file: \(path)" : "cannot read \(path)", kind: .missingInput)
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
        throw ExperimentError("\(path) is not a regular file", kind: .missingInput)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ExperimentError("cannot read \(path)", kind: .missingInput)
    }
    return Array(data)
}
