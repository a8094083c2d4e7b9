import Foundation
import RLCore
import RLTestSupport
import Testing

@testable import RLTabular

@Suite struct PolicyFileTests {
    static func samplePolicy() -> Policy {
        var table = QTable(stateShape: [2, 3], actionCount: 2)
        for state in 0..<6 { for action in 0..<2 { table[state, action] = Double(state) - 0.25 * Double(action) } }
        table.recordVisit(state: 4, action: 1)
        table.recordVisit(state: 4, action: 1)
        return Policy(
            table: table,
            metadata: PolicyMetadata(
                environment: "pong", configuration: "{\"a\":1}", observation: "markov", stateDimensions: ["row", "column"],
                actions: ["up", "down"], hyperparameters: .tutorial, seed: 42,
                summary: TrainingSummary(episodes: 10, steps: 100, finalMeanReturn: 1.5, window: 5, bestReturn: 20, interrupted: false)))
    }

    @Test func aPolicyRoundTripsExactly() throws {
        let policy = Self.samplePolicy()
        let bytes = policy.encoded()
        #expect(try Policy(decoding: bytes) == policy)
        #expect(policy.encoded() == bytes)
    }

    @Test func theLayoutIsSafetensors() throws {
        let bytes = Self.samplePolicy().encoded()
        let headerLength = Int(bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        #expect((8 + headerLength) % 8 == 0)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any])
        let q = try #require(header["q"] as? [String: Any])
        #expect(q["dtype"] as? String == "F64")
        #expect((q["shape"] as? [Int]) == [2, 3, 2])
        #expect((q["data_offsets"] as? [Int]) == [0, 96])
        let metadata = try #require(header["__metadata__"] as? [String: String])
        #expect(metadata["format_version"] == "2" && metadata["environment"] == "pong" && metadata["seed"] == "42")
        #expect(metadata["agent"] == "q-learning" && metadata["agent_settings"] == "{}")
        #expect(bytes.count == 8 + headerLength + 96 + 96)
    }

    /// Rewrites a file's header, keeping the data.
    func withHeader(_ bytes: [UInt8], _ edit: (inout [String: Any]) -> Void) -> [UInt8] {
        let headerLength = Int(bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        var header = try! JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as! [String: Any]
        edit(&header)
        let json = Array(try! JSONSerialization.data(withJSONObject: header))
        let length = UInt64(json.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + json + Array(bytes[(8 + headerLength)...])
    }

    func failure(_ bytes: [UInt8]) -> String? {
        do { _ = try Policy(decoding: bytes); return nil } catch { return error.message }
    }

    @Test func everyCorruptionIsNamedInOneLine() throws {
        let good = Self.samplePolicy().encoded()
        var nanTable = Self.samplePolicy()
        nanTable.table[1, 1] = .nan
        var newer = Self.samplePolicy().metadata
        newer.formatVersion = 3
        var cases: [(String, [UInt8], String)] = [
            ("empty", [], "truncated file"),
            ("short", Array(good[0..<5]), "truncated file"),
            ("huge header length", [255, 255, 255, 255, 0, 0, 0, 0] + Array(good[8...]), "header length"),
            ("truncated data", Array(good.dropLast(10)), "data offsets"),
            ("bad JSON", Array(good[0..<8]) + Array(repeating: UInt8(ascii: "{"), count: good.count - 8), "not valid JSON"),
            (
                "unknown dtype",
                withHeader(good) { header in
                    var q = header["q"] as! [String: Any]; q["dtype"] = "Q7"; header["q"] = q
                }, "unknown dtype"
            ),
            (
                "shape mismatch",
                withHeader(good) { header in
                    var q = header["q"] as! [String: Any]; q["shape"] = [2, 2, 2]; header["q"] = q
                }, "bytes of data"
            ),
            ("unnamed data", withHeader(good) { $0["q"] = nil }, "leaves gaps"),
            (
                "missing q",
                withHeader(good) { header in
                    header["weights"] = header["q"]; header["q"] = nil
                }, "no tensor 'q'"
            ),
            (
                "negative offset",
                withHeader(good) { header in
                    var q = header["q"] as! [String: Any]; q["data_offsets"] = [-8, 88]; header["q"] = q
                }, "data offsets"
            ),
            (
                "overlapping tensors",
                withHeader(good) { header in
                    var visits = header["visits"] as! [String: Any]; visits["data_offsets"] = [0, 96]; header["visits"] = visits
                }, "overlaps"
            ),
            ("non-finite", nanTable.encoded(), "non-finite"),
            ("newer version", Policy(table: Self.samplePolicy().table, metadata: newer).encoded(), "newer than this rl"),
            ("missing metadata", withHeader(good) { $0["__metadata__"] = nil }, "no 'format_version'"),
            ("metadata not strings", withHeader(good) { $0["__metadata__"] = ["a": 1] }, "strings to strings"),
            (
                "visits of another shape",
                withHeader(good) { header in
                    var visits = header["visits"] as! [String: Any]; visits["shape"] = [12]; header["visits"] = visits
                }, "'visits' has shape"
            ),
        ]
        for (field, value) in [("episodes", Int.min), ("steps", Int.min), ("episodes", -1), ("window", -5)] {
            var metadata = Self.samplePolicy().metadata
            switch field {
            case "episodes": metadata.summary.episodes = value
            case "steps": metadata.summary.steps = value
            default: metadata.summary.window = value
            }
            cases.append(
                ("negative \(field) \(value)", Policy(table: Self.samplePolicy().table, metadata: metadata).encoded(), "negative count"))
        }
        for (name, bytes, expected) in cases {
            let message = failure(bytes)
            #expect(message?.contains(expected) == true, "\(name): \(message ?? "accepted")")
            #expect(message?.contains("\n") == false, "\(name)")
        }
    }

    @Test func filesAreWrittenAtomicallyAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(UUID().uuidString)/nested").path
        let path = folder + "/policy.safetensors"
        let policy = Self.samplePolicy()
        try policy.save(to: path)
        #expect(try Policy.load(from: path) == policy)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["policy.safetensors"])
        #expect(throws: PolicyFileError.self) { try Policy.load(from: folder + "/missing.safetensors") }
        #expect(throws: PolicyFileError.self) { try Policy.load(from: folder) }
    }

    @Test func pythonReadsOurFilesWithSafetensorsAndNumpy() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(UUID().uuidString).safetensors").path
        try Self.samplePolicy().save(to: path)
        let script = """
            import sys
            from safetensors.numpy import load_file
            import numpy as np
            t = load_file(sys.argv[1])
            q, v = t["q"], t["visits"]
            assert q.shape == (2, 3, 2) and q.dtype == np.float64, (q.shape, q.dtype)
            assert v.shape == (2, 3, 2) and v.dtype == np.int64
            assert q[1, 2, 1] == 4.75 and q[0, 0, 1] == -0.25, q
            assert v[1, 1, 1] == 2 and v.sum() == 2
            print("ok")
            """
        let python = try runPython(script, arguments: [path])
        #expect(python.status == 0 && python.output.contains("ok"), "\(python.output)")
    }
}

/// The coverage rule for data offsets: sorted by (begin, end, name), each range begins where the
/// previous ended. Zero-length tensors may sit on any boundary, never inside another tensor.
@Suite struct SafetensorsCoverageTests {
    /// The sample policy plus tensors of the given names, dtypes F64, with the given offsets.
    func withExtraTensors(_ extra: [String: [Int]]) -> [UInt8] {
        PolicyFileTests().withHeader(PolicyFileTests.samplePolicy().encoded()) { header in
            for (name, offsets) in extra {
                header[name] = ["dtype": "F64", "shape": [(offsets[1] - offsets[0]) / 8], "data_offsets": offsets] as [String: Any]
            }
        }
    }

    func verdicts(_ bytes: [UInt8], times: Int = 200) -> Set<String> {
        // Every decode builds fresh dictionaries, whose order varies with their storage; many
        // runs would catch a verdict that hangs on the order.
        Set(
            (0..<times).map { _ in
                do throws(PolicyFileError) { _ = try Policy(decoding: bytes); return "accepted" } catch { return error.message }
            })
    }

    @Test(arguments: [
        ["empty": [0, 0]],  // at the start, before 'q'
        ["empty": [96, 96]],  // between 'q' and 'visits'
        ["empty": [192, 192]],  // at the end
        ["a": [0, 0], "b": [0, 0], "zz": [96, 96]],  // several, two at one place
    ])
    func zeroLengthTensorsOnABoundaryAreAlwaysAccepted(extra: [String: [Int]]) {
        #expect(verdicts(withExtraTensors(extra)) == ["accepted"])
    }

    @Test func aZeroLengthTensorInsideAnotherIsAlwaysRefusedWithTheSameMessage() {
        let result = verdicts(withExtraTensors(["inside": [40, 40]]))
        #expect(result.count == 1)
        #expect(result.first?.contains("tensor 'inside' at data offsets [40, 40] overlaps") == true, "\(result)")
    }

    @Test func severalProblemsAlwaysReportTheSameOne() {
        let bytes = PolicyFileTests().withHeader(PolicyFileTests.samplePolicy().encoded()) { header in
            header["bad1"] = ["dtype": "Q7", "shape": [0], "data_offsets": [0, 0]] as [String: Any]
            header["bad2"] = ["dtype": "F64", "shape": "x", "data_offsets": [0, 0]] as [String: Any]
            header["bad3"] = ["dtype": "F64", "shape": [0]] as [String: Any]
        }
        #expect(
            verdicts(bytes) == ["tensor 'bad1' has unknown dtype 'Q7' (expected one of F32, F64, I16, I32, I64, I8, U16, U32, U64, U8)"])
    }
}

@Suite struct AtomicFileTests {
    func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-atomic-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writingThroughASymbolicLinkReplacesItsTarget() throws {
        let base = folder()
        try AtomicFile.write(Array("old".utf8), to: base + "/target")
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/target")
        try AtomicFile.write(Array("new".utf8), to: base + "/link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base + "/link") == base + "/target")
        #expect(try AtomicFile.read(base + "/target") == Array("new".utf8))
    }

    @Test func aDanglingLinkIsWrittenThroughCreatingItsTarget() throws {
        let base = folder()
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: "sub/target")
        try AtomicFile.write(Array("new".utf8), to: base + "/link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base + "/link") == "sub/target")
        #expect(try AtomicFile.read(base + "/sub/target") == Array("new".utf8))
        // A chain of links, the last one dangling, is followed to its end.
        try FileManager.default.createSymbolicLink(atPath: base + "/first", withDestinationPath: base + "/second")
        try FileManager.default.createSymbolicLink(atPath: base + "/second", withDestinationPath: base + "/end")
        try AtomicFile.write(Array("chain".utf8), to: base + "/first")
        #expect(try AtomicFile.read(base + "/end") == Array("chain".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base + "/first") == base + "/second")
        // A loop is one line, not a hang.
        try FileManager.default.createSymbolicLink(atPath: base + "/loop", withDestinationPath: base + "/loop")
        #expect(throws: PolicyFileError.self) { try AtomicFile.write(Array("x".utf8), to: base + "/loop") }
    }

    @Test func rewritingKeepsTheDestinationsPermissions() throws {
        let path = folder() + "/secret"
        try AtomicFile.write(Array("one".utf8), to: path)
        chmod(path, 0o600)
        try AtomicFile.write(Array("two".utf8), to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try AtomicFile.read(path) == Array("two".utf8))
    }

    /// A writer killed before its rename leaves `.NAME.<pid>.tmp`; the next write of NAME removes
    /// it once that process is gone, and leaves everything else alone.
    @Test func staleTemporariesOfDeadWritersAreRemoved() throws {
        let base = folder()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let names = [
            ".file.\(dead).tmp",  // ours, dead writer: removed
            ".file.1.tmp",  // ours, but pid 1 is alive: kept
            ".other.\(dead).tmp",  // another destination's: kept
            ".file.x.\(dead).tmp",  // not our naming: kept
            ".file.\(dead).tmp.bak",  // not our naming: kept
        ]
        for name in names { precondition(FileManager.default.createFile(atPath: base + "/" + name, contents: Data("half".utf8))) }
        try AtomicFile.write(Array("whole".utf8), to: base + "/file")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: base))
        #expect(left == Set(names.dropFirst() + ["file"]))
    }

    @Test func devicesFoldersAndTrailingSlashesAreRefused() {
        #expect(throws: PolicyFileError.self) { try AtomicFile.checkWritable("/dev/null") }
        #expect(throws: PolicyFileError.self) { try AtomicFile.checkWritable(folder()) }
        #expect(throws: PolicyFileError.self) { try AtomicFile.checkWritable(folder() + "/new/") }
        #expect(throws: PolicyFileError.self) { try AtomicFile.checkWritable("") }
    }

    @Test func anAbandonedWriterLeavesTheOldContent() throws {
        let path = folder() + "/file"
        try AtomicFile.write(Array("kept".utf8), to: path)
        let writer = try AtomicFileWriter(path: path)
        try writer.append("half of something new")
        writer.abandon()
        #expect(try AtomicFile.read(path) == Array("kept".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        #expect(leftovers == ["file"])
    }
}
