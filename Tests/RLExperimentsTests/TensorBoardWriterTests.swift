import Foundation
import RLTestSupport
import Testing

@testable import RLExperiments

func temporaryFolder(_ name: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(name)-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Reads every event file in a folder with TensorBoard's own `EventAccumulator` (its pure-Python
/// record reader checks both CRCs of every record) and prints the scalars it found, with the
/// `file_version` of the first event of each file, read by its `EventFileLoader`.
let tensorBoardReader = """
    import glob, json, os, sys
    from tensorboard.backend.event_processing import event_accumulator, event_file_loader
    acc = event_accumulator.EventAccumulator(sys.argv[1], size_guidance={event_accumulator.SCALARS: 0})
    acc.Reload()
    scalars = {tag: [[e.step, e.value, e.wall_time] for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}
    files = sorted(glob.glob(os.path.join(sys.argv[1], "events.out.tfevents.*")))
    versions = [next(iter(event_file_loader.EventFileLoader(f).Load())).file_version for f in files]
    print(json.dumps({"scalars": scalars, "fileVersions": versions}))
    """

struct TensorBoardContent: Decodable {
    /// `scalars[tag]`: `[step, value, wall time]` for each event, in order.
    var scalars: [String: [[Double]]]
    var fileVersions: [String]
}

func readWithTensorBoard(_ folder: String) throws -> TensorBoardContent {
    let run = try runPython(tensorBoardReader, arguments: [folder])
    guard run.status == 0, let last = run.output.split(separator: "\n").last else { throw ReferenceFailure(output: run.output) }
    return try JSONDecoder().decode(TensorBoardContent.self, from: Data(last.utf8))
}

@Suite struct TensorBoardWriterTests {
    @Test func crc32cMatchesTheCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
    }

    /// Golden bytes from Python's protobuf: `Event(wall_time=1.5, step=3)` with a summary value
    /// `tag='a/b', simple_value=0.25`, and `Event(wall_time=1.5, step=-1)`.
    @Test func eventsEncodeAsProtobufDoes() {
        let scalar = TensorBoardEvent.scalarEvent(wallTime: 1.5, step: 3, scalars: [("a/b", 0.25)])
        #expect(hex(scalar) == "09000000000000f83f10032a0c0a0a0a03612f62150000803e")
        var negative = ProtobufMessage()
        negative.double(1, 1.5)
        negative.int64(2, -1)
        #expect(hex(negative.bytes) == "09000000000000f83f10ffffffffffffffffff01")
    }

    @Test func fileNameFollowsTensorBoard() {
        #expect(
            TensorBoardWriter.fileName(seconds: 1_700_000_000.9, hostName: "lab", suffix: "")
                == "events.out.tfevents.1700000000.lab")
        #expect(TensorBoardWriter.fileName(seconds: 42, hostName: "h", suffix: ".run-3") == "events.out.tfevents.0000000042.h.run-3")
    }

    @Test func tensorBoardReadsOurScalars() throws {
        let folder = temporaryFolder("tensorboard")
        var now = 1_700_000_000.0
        let board = try TensorBoardWriter(
            logDirectory: folder,
            clock: {
                now += 0.5; return now
            }, hostName: "test-host")
        #expect(board.path == folder + "/events.out.tfevents.1700000000.test-host")
        for step in 0..<20 {
            try board.addScalars([("return/mean", Double(step) * 0.125 - 1), ("epsilon", 1 / Double(step + 1))], step: step * 100)
        }
        try board.addScalar("return/mean", 0, step: 2_000)  // zero must still be a scalar
        try board.addScalar("late", -3.5, step: -1)
        try board.close()

        let content = try readWithTensorBoard(folder)
        #expect(content.fileVersions == ["brain.Event:2"])
        let scalars = content.scalars
        #expect(Set(scalars.keys) == ["return/mean", "epsilon", "late"])
        // simple_value is a 32-bit float: what comes back is the value rounded to a Float.
        func asFloat(_ value: Double) -> Double { Double(Float(value)) }
        let returns = try #require(scalars["return/mean"])
        let steps: [Double] = (0..<20).map { Double($0 * 100) } + [2_000]
        let expectedReturns: [Double] = (0..<20).map { asFloat(Double($0) * 0.125 - 1) } + [0]
        #expect(returns.map { $0[0] } == steps)
        #expect(returns.map { $0[1] } == expectedReturns)
        #expect(returns[0][2] == 1_700_000_001)  // the clock ticked once for the file-version event
        let epsilons = try #require(scalars["epsilon"])
        let expectedEpsilons: [Double] = (0..<20).map { asFloat(1 / Double($0 + 1)) }
        #expect(epsilons.map { $0[1] } == expectedEpsilons)
        let late: [[Double]] = [[-1, -3.5]]
        #expect(scalars["late"].map { $0.map { [$0[0], $0[1]] } } == late)
    }

    /// A run killed in the middle of a write leaves a torn last record: TensorBoard still reads
    /// every record before it.
    @Test func aTornLastRecordLeavesTheRestReadable() throws {
        let folder = temporaryFolder("tensorboard-torn")
        let board = try TensorBoardWriter(logDirectory: folder, clock: { 1_000 }, hostName: "h")
        for step in 1...5 { try board.addScalar("loss", Double(step), step: step) }
        try board.close()
        let whole = tfRecord(TensorBoardEvent.scalarEvent(wallTime: 1_000, step: 6, scalars: [("loss", 6)]))
        let handle = try #require(FileHandle(forWritingAtPath: board.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(whole.prefix(whole.count - 3)))
        try handle.close()

        let scalars = try readWithTensorBoard(folder).scalars
        #expect(scalars["loss"]?.map { $0[1] } == [1, 2, 3, 4, 5])
    }

    @Test func aSecondWriterInTheSameSecondNeedsASuffix() throws {
        let folder = temporaryFolder("tensorboard-twice")
        let first = try TensorBoardWriter(logDirectory: folder, clock: { 5 }, hostName: "h")
        #expect(throws: ExperimentError.self) { try TensorBoardWriter(logDirectory: folder, clock: { 5 }, hostName: "h") }
        let second = try TensorBoardWriter(logDirectory: folder, clock: { 5 }, hostName: "h", suffix: ".2")
        #expect(first.path != second.path)
        #expect(throws: ExperimentError.self) { try first.addScalar("", 1, step: 0) }
        try first.close()
        #expect(throws: ExperimentError.self) { try first.addScalar("x", 1, step: 0) }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
