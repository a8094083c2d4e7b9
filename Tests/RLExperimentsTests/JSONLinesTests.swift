import Foundation
import Testing

@testable import RLExperiments

private struct RunResult: Codable, Equatable {
    var seed: Int
    var score: Double
    var note: String
}

@Suite struct JSONLinesTests {
    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func linesRoundTripOnePerValue() throws {
        let path = temporaryFolder("jsonl") + "/results/sweep.jsonl"  // the folder is created
        let writer = try JSONLinesWriter(path: path)
        let results = (1...4).map { RunResult(seed: $0, score: Double($0) / 3, note: "line\nbreak \"quoted\" é") }
        for result in results { try writer.append(result) }
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 5)  // 4 lines and the end
        #expect(text.hasPrefix(#"{"note":"line\nbreak \"quoted\" é","score":0.3333333333333333,"seed":1}"#))
        #expect(try JSONLines.read(RunResult.self, from: path) == JSONLinesContent(values: results, tornBytes: 0))
    }

    @Test func aTornLastLineIsSkippedAndCutByTheNextWriter() throws {
        let path = temporaryFolder("jsonl-torn") + "/sweep.jsonl"
        let first = try JSONLinesWriter(path: path, durability: .syncOnClose)
        try first.append(RunResult(seed: 1, score: 0.5, note: ""))
        try first.close()
        // What a writer killed in the middle of its write leaves behind.
        try append(#"{"note":"","score":0.7,"se"#, to: path)

        let read = try JSONLines.read(RunResult.self, from: path)
        #expect(read.values == [RunResult(seed: 1, score: 0.5, note: "")])
        #expect(read.tornBytes == 26)

        let second = try JSONLinesWriter(path: path)
        #expect(second.repairedBytes == 26)
        try second.append(RunResult(seed: 2, score: 0.75, note: "resumed"))
        try second.close()
        let resumed = try JSONLines.read(RunResult.self, from: path)
        #expect(resumed.values.map(\.seed) == [1, 2])
        #expect(resumed.tornBytes == 0)
    }

    @Test func aFileOfOnlyATornLineIsEmpty() throws {
        let path = temporaryFolder("jsonl-only-torn") + "/sweep.jsonl"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(#"{"seed":"#.utf8)))
        #expect(try JSONLines.read(RunResult.self, from: path) == JSONLinesContent(values: [], tornBytes: 8))
        let writer = try JSONLinesWriter(path: path)
        #expect(writer.repairedBytes == 8)
        try writer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    /// The writer looks for the last newline backwards a block at a time: a torn line longer than
    /// a block, and one after a long file, are both cut exactly.
    @Test func tornLinesAreFoundAcrossBlocks() throws {
        let path = temporaryFolder("jsonl-long") + "/sweep.jsonl"
        let long = String(repeating: "x", count: 100_000)
        let writer = try JSONLinesWriter(path: path, durability: .syncOnClose)
        for seed in 1...3 { try writer.append(RunResult(seed: seed, score: 1, note: long)) }
        try writer.close()
        let whole = try Data(contentsOf: URL(fileURLWithPath: path)).count
        try append(#"{"note":""# + long, to: path)
        let repaired = try JSONLinesWriter(path: path)
        #expect(repaired.repairedBytes == 100_009)
        try repaired.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == whole)
        try append("{}", to: path)
        let again = try JSONLinesWriter(path: path)
        #expect(again.repairedBytes == 2)
        try again.close()
        #expect(try JSONLines.read(RunResult.self, from: path).values.map(\.seed) == [1, 2, 3])
    }

    @Test func damageInsideTheFileIsAnErrorNamingTheLine() throws {
        let path = temporaryFolder("jsonl-damaged") + "/sweep.jsonl"
        #expect(
            FileManager.default.createFile(
                atPath: path,
                contents: Data(
                    """
                    {"seed":1,"score":1,"note":""}

                    {"seed":2,"score":oops}
                    {"seed":3,"score":1,"note":""}

                    """.utf8)))
        #expect(throws: ExperimentError.self) { try JSONLines.read(RunResult.self, from: path) }
        do {
            _ = try JSONLines.read(RunResult.self, from: path)
        } catch {
            #expect(error.message.hasPrefix("line 3 of \(path) is not a valid record"))
        }
        #expect(throws: ExperimentError("no such file: \(path).missing", kind: .missingInput)) {
            try JSONLines.read(RunResult.self, from: path + ".missing")
        }
    }

    @Test func valuesThatCannotBeOneLineAreRefused() throws {
        let path = temporaryFolder("jsonl-refused") + "/sweep.jsonl"
        let writer = try JSONLinesWriter(path: path)
        #expect(throws: ExperimentError.self) { try writer.append(jsonLine: Array("{\n}".utf8)) }
        #expect(throws: ExperimentError.self) { try writer.append(RunResult(seed: 1, score: .nan, note: "")) }
        try writer.close()
        #expect(throws: ExperimentError.self) { try writer.append(RunResult(seed: 1, score: 1, note: "")) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func pythonReadsTheLines() throws {
        let path = temporaryFolder("jsonl-python") + "/sweep.jsonl"
        let writer = try JSONLinesWriter(path: path)
        for seed in 1...3 { try writer.append(RunResult(seed: seed, score: 0.1 * Double(seed), note: "ü")) }
        try writer.close()
        let seeds = try referencePython(
            """
            import json, sys
            path = json.load(open(sys.argv[1]))
            print(json.dumps([json.loads(line)["seed"] for line in open(path, encoding="utf-8")]))
            """, input: path, output: [Int].self)
        #expect(seeds == [1, 2, 3])
    }
}
