import Foundation

/// Frames `data` as one TFRecord, the container of TensorBoard event files
/// (`tensorboard/summary/writer/record_writer.py`):
///
///     uint64 length, little-endian
///     uint32 masked CRC-32C of those 8 length bytes
///     the data
///     uint32 masked CRC-32C of the data
///
/// The length's own checksum lets a reader tell a torn record from a huge one.
func tfRecord(_ data: [UInt8]) -> [UInt8] {
    var record: [UInt8] = []
    record.reserveCapacity(data.count + 16)
    withUnsafeBytes(of: UInt64(data.count).littleEndian) { record.append(contentsOf: $0) }
    withUnsafeBytes(of: CRC32C.masked(record).littleEndian) { record.append(contentsOf: $0) }
    record.append(contentsOf: data)
    withUnsafeBytes(of: CRC32C.masked(data).littleEndian) { record.append(contentsOf: $0) }
    return record
}

/// Writes scalars to a TensorBoard event file, which `tensorboard --logdir` (or anything built on
/// its `EventAccumulator`) reads. A class, because it owns the open file.
///
///     let board = try TensorBoardWriter(logDirectory: "runs/q-learning-seed-1")
///     try board.addScalar("return/mean", 0.82, step: 1_000)
///
/// Every event is written to the file at once, as one whole record in one `write` call: if the run
/// is interrupted or killed, every event added before stays readable, and at worst the file ends
/// in a torn record, which TensorBoard's reader stops before. ``flush()`` also forces the file to
/// the disk (`fsync`), which a power cut needs; ``close()`` does it too.
public final class TensorBoardWriter {
    /// The event file, `<logDirectory>/events.out.tfevents.<seconds>.<host><suffix>`.
    public let path: String
    private let file: AppendingFile
    private let clock: () -> Double

    /// Creates the event file in `logDirectory` (and the folder, if missing), and writes the event
    /// that names the format version.
    ///
    /// - Parameters:
    ///   - clock: seconds since 1970, for the file name and each event's `wall_time`; tests pass
    ///     a fixed one.
    ///   - hostName: the machine's name, in the file name as TensorBoard's own writer puts it.
    ///   - suffix: appended to the file name, to keep two writers apart that start in the same
    ///     second on the same machine in the same folder (TensorBoard's `filename_suffix`).
    ///     Without one, the second writer fails rather than overwrite the first's file.
    public init(
        logDirectory: String,
        clock: @escaping () -> Double = { Date().timeIntervalSince1970 },
        hostName: String = TensorBoardWriter.currentHostName(),
        suffix: String = ""
    ) throws(ExperimentError) {
        let now = clock()
        path =
            URL(fileURLWithPath: logDirectory)
            .appendingPathComponent(Self.fileName(seconds: now, hostName: hostName, suffix: suffix)).path
        file = try AppendingFile(path: path, exclusive: true)
        self.clock = clock
        try file.append(tfRecord(TensorBoardEvent.fileVersionEvent(wallTime: now)))
    }

    /// `events.out.tfevents.` then the whole seconds zero-padded to ten digits (Python's `%010d`),
    /// a dot and the host name: the name TensorBoard's `EventFileWriter` gives its files, without
    /// the process id it adds since (the suffix can carry one).
    static func fileName(seconds: Double, hostName: String, suffix: String) -> String {
        let whole = String(Int64(seconds.rounded(.towardZero)))
        let padded = String(repeating: "0", count: max(0, 10 - whole.count)) + whole
        return "events.out.tfevents.\(padded).\(hostName)\(suffix)"
    }

    /// The machine's name, as Python's `socket.gethostname()` gives it.
    public static func currentHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Adds one scalar at `step`. TensorBoard stores it as a 32-bit float.
    public func addScalar(_ tag: String, _ value: Double, step: Int) throws(ExperimentError) {
        try addScalars([(tag, value)], step: step)
    }

    /// Adds several scalars at the same `step` as one event (one record, one write), so they
    /// appear together or not at all.
    public func addScalars(_ scalars: [(tag: String, value: Double)], step: Int) throws(ExperimentError) {
        guard !scalars.isEmpty else { return }
        if let empty = scalars.first(where: { $0.tag.isEmpty }) {
            throw ExperimentError("a TensorBoard tag is empty (value \(empty.value) at step \(step))")
        }
        try file.append(tfRecord(TensorBoardEvent.scalarEvent(wallTime: clock(), step: step, scalars: scalars)))
    }

    /// Forces what was written to the disk. Not needed against a crash of the process (every
    /// event is already in the file), only against a crash of the machine.
    public func flush() throws(ExperimentError) {
        try file.synchronize()
    }

    /// Flushes and closes the file; later additions fail.
    public func close() throws(ExperimentError) {
        try file.close()
    }
}
