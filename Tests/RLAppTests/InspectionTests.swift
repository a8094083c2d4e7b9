import Foundation
import RLCore
import RLPong
import RLTabular
import RLTestSupport
import Testing

@testable import RLApp

@Suite struct InspectionTests {
    /// A tiny classic court: shape (paddle 4, ball y 6, ball x 5, actions 2).
    static let court: PongConfiguration = {
        var configuration = PongConfiguration(observation: .classic)
        configuration.courtWidth = 12
        configuration.courtHeight = 9
        configuration.paddleHeight = 3
        configuration.serveTopMargin = 3
        return configuration
    }()

    /// A hand-made table: three visited states of paddle bin 1.
    static func handMadePolicy(in folder: String) throws -> LoadedPolicy {
        let space = PongObservationSpace(configuration: court)
        #expect(space.shape == [4, 6, 5])
        var values = Array(repeating: 0.0, count: space.count * 2)
        var visits = Array(repeating: Int64(0), count: space.count * 2)
        func set(_ observation: PongObservation, up: Double, down: Double, upVisits: Int64, downVisits: Int64) {
            let state = space.index(of: observation)
            values[2 * state] = up; values[2 * state + 1] = down
            visits[2 * state] = upVisits; visits[2 * state + 1] = downVisits
        }
        set(PongObservation(paddle: 1, ballY: 5, ballX: 0), up: 1.9, down: -9, upVisits: 3, downVisits: 1)
        set(PongObservation(paddle: 1, ballY: 0, ballX: 4), up: -1, down: 12.25, upVisits: 0, downVisits: 2)
        set(PongObservation(paddle: 1, ballY: 2, ballX: 2), up: 0, down: 0, upVisits: 1, downVisits: 1)
        let policy = Policy(
            table: QTable(stateShape: space.shape, actionCount: 2, values: values, visits: visits),
            metadata: PolicyMetadata(
                environment: "pong", configuration: JSONText.encode(court), observation: "classic",
                stateDimensions: space.dimensionNames, actions: ["up", "down"], hyperparameters: .tutorial, seed: 7,
                summary: TrainingSummary(episodes: 10, steps: 123, finalMeanReturn: -5, window: 10, bestReturn: 20, interrupted: false)))
        try policy.save(to: folder + "/tiny.safetensors")
        return try LoadedPolicy(path: folder + "/tiny.safetensors", expecting: "pong")
    }

    @Test func theDumpOfAHandMadeTableIsGolden() throws {
        let loaded = try Self.handMadePolicy(in: temporaryFolder())
        let panels = try loaded.panels(PanelSelection(paddle: 1))
        let text = PolicyDump.render(panels, table: loaded.policy.table, actions: ["up", "down"], options: DumpOptions())
        #expect(
            text == """
                Greedy action: ↑ up  ↓ down  ? tie  · never visited
                Rows: ball y (top of the court first).
                Columns: ball x (lowest x of the bin; the paddle is on the left).

                paddle 1 (bottom edge at y 0..2)
                          1  4  7 10 13
                    y 12  ↑  ·  ·  ·  ·
                 y 9..11  ·  ·  ·  ·  ·
                  y 6..8  ·  ·  ·  ·  ·
                  y 3..5  ·  ·  ?  ·  ·
                  y 0..2  ·  ·  ·  ·  ·
                y -3..-1  ·  ·  ·  ·  ↓

                """)
        let withValues = PolicyDump.render(
            panels, table: loaded.policy.table, actions: ["up", "down"], options: DumpOptions(showsValues: true, width: 50))
        #expect(
            withValues == """
                Greedy action: ↑ up  ↓ down  ? tie  · never visited
                Rows: ball y (top of the court first).
                Columns: ball x (lowest x of the bin; the paddle is on the left).
                Each cell: the greedy action, then the value of up, down.

                paddle 1 (bottom edge at y 0..2)
                                   1           4           7
                    y 12 ↑  1.9 -9.0 ·           ·          
                 y 9..11 ·           ·           ·          
                  y 6..8 ·           ·           ·          
                  y 3..5 ·           ·           ?  0.0  0.0
                  y 0..2 ·           ·           ·          
                y -3..-1 ·           ·           ·          

                                  10          13
                    y 12 ·           ·          
                 y 9..11 ·           ·          
                  y 6..8 ·           ·          
                  y 3..5 ·           ·          
                  y 0..2 ·           ·          
                y -3..-1 ·           ↓ -1.0 12.3

                """)
        let gridLines: [Substring] = withValues.split(separator: "\n")
        #expect(gridLines.dropFirst(4).allSatisfy { $0.count <= 50 })
        // Colour only when asked, and it never changes the visible text.
        let coloured = PolicyDump.render(
            panels, table: loaded.policy.table, actions: ["up", "down"], options: DumpOptions(usesColour: true))
        #expect(coloured.contains("\u{1B}[38;5;46m") && !text.contains("\u{1B}"))
        #expect(coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "") == text)
    }

    @Test func everyPanelOfADefaultMarkovTableFitsOneHundredTwentyColumns() throws {
        let panels = try PongWorld.panels(PongConfiguration(), PanelSelection())
        #expect(panels.count == 12 * 4)
        let space = PongObservationSpace(configuration: PongConfiguration())
        let table = QTable(
            stateShape: space.shape, actionCount: 2,
            values: (0..<(space.count * 2)).map { Double($0 % 41) - 20.5 },
            visits: Array(repeating: 1, count: space.count * 2))
        for showsValues in [false, true] {
            let text = PolicyDump.render(panels, table: table, actions: ["up", "down"], options: DumpOptions(showsValues: showsValues))
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 })
        }
        // Every state appears in exactly one panel.
        #expect(Set(panels.flatMap { $0.states.flatMap { $0 } }).count == space.count)
    }

    @Test func theSummaryCountsCoverageAndGreedyActions() throws {
        let loaded = try Self.handMadePolicy(in: temporaryFolder())
        let summary = PolicySummary(loaded)
        #expect(summary.shape == [4, 6, 5, 2] && summary.valueCount == 240)
        #expect(summary.pairCoverage == 5.0 / 240 && summary.stateCoverage == 3.0 / 120)
        #expect(summary.greedyShares == ["up": 1.0 / 3, "down": 1.0 / 3] && summary.tieShare == 1.0 / 3)
        #expect(summary.minimumValue == -9 && summary.maximumValue == 12.25)
        let text = PolicySummaryText.render(summary, loaded: loaded)
        #expect(text.contains("2.1% of state-action pairs visited, 2.5% of states"))
        #expect(text.contains("greedy action    up 33.3%, down 33.3%, tie 33.3%"))
    }

    @Test func jsonRoundTripsThePolicy() throws {
        let loaded = try Self.handMadePolicy(in: temporaryFolder())
        let text = JSONText.encode(PolicyDocument(loaded))
        let document = try #require(JSONText.decode(PolicyDocument.self, from: text))
        #expect(document.policy == loaded.policy)
        #expect(document.shape == [4, 6, 5, 2] && document.configuration == JSONValue(parsing: loaded.policy.metadata.configuration))
        guard case .object(let configuration) = document.configuration else { Issue.record("the configuration is not an object"); return }
        #expect(configuration["court_width"] == .number(12) && configuration["observation"] == .string("classic"))
    }

    @Test func csvRoundTripsTheTable() throws {
        let loaded = try Self.handMadePolicy(in: temporaryFolder())
        let lines = PolicyCSV.render(loaded.policy).split(separator: "\n")
        #expect(lines.first == "paddle,ball_y,ball_x,action,value,visits")
        #expect(lines.count == 1 + 240)
        var table = QTable(stateShape: [4, 6, 5], actionCount: 2)
        var visits = Array(repeating: Int64(0), count: 240)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            let state = (Int(fields[0])! * 6 + Int(fields[1])!) * 5 + Int(fields[2])!
            let action = ["up": 0, "down": 1][String(fields[3])]!
            table[state, action] = Double(fields[4])!
            visits[state * 2 + action] = Int64(fields[5])!
        }
        #expect(table.values == loaded.policy.table.values && visits == loaded.policy.table.visits)
    }

    @Test func aStateIsExplainedInWordsAndBadStatesAreOneLine() throws {
        let loaded = try Self.handMadePolicy(in: temporaryFolder())
        let explanation = try StateExplanation(parsing: "1,5,0", policy: loaded.policy)
        #expect(
            explanation.render(loaded) == """
                State (paddle 1, ball_y 5, ball_x 0)
                  The paddle's bottom edge is at y 0 to 2, the ball at x 1 to 3, y 12.
                  up     1.900  (learned from 3 visits)
                  down  -9.000  (learned from 1 visit)
                The value of going up is 1.900 and of going down is -9.000: the agent goes up.

                """)
        let never = try StateExplanation(parsing: " 0, 0 ,0", policy: loaded.policy)
        #expect(never.render(loaded).contains("Never visited in training"))
        for (text, message) in [
            ("1,5", "needs 3 comma-separated numbers"), ("1,5,0,0,1", "got 5"), ("4,0,0", "paddle must be in 0...3, got 4"),
            ("0,-1,0", "ball_y must be in 0...5"), ("0,x,0", "must be an integer"), ("", "got 1"),
        ] {
            #expect(throws: InspectionError.self) { try StateExplanation(parsing: text, policy: loaded.policy) }
            do { _ = try StateExplanation(parsing: text, policy: loaded.policy) } catch {
                #expect(error.message.contains(message), "\(text): \(error.message)")
            }
        }
        #expect(throws: InspectionError("--paddle must be in 0...3 for this policy, got 4")) {
            try loaded.panels(PanelSelection(paddle: 4))
        }
        #expect(throws: InspectionError.self) { try loaded.panels(PanelSelection(direction: .leftUp)) }
    }

    @Test func numpyReadsTheExportedTable() throws {
        let loaded = try Self.handMadePolicy(in: temporaryFolder())
        let path = temporaryFolder() + "/q.npy"
        try AtomicFile.write(NumPyFile.encode(shape: loaded.policy.table.shape, values: loaded.policy.table.values), to: path)
        let bytes = try AtomicFile.read(path)
        #expect(Array(bytes[0..<8]) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        #expect((10 + Int(bytes[8]) + Int(bytes[9]) << 8) % 64 == 0)
        let script = """
            import sys, numpy as np
            q = np.load(sys.argv[1])
            assert q.shape == (4, 6, 5, 2) and q.dtype == np.float64, (q.shape, q.dtype)
            assert q[1, 5, 0, 0] == 1.9 and q[1, 5, 0, 1] == -9 and q[1, 0, 4, 1] == 12.25, q[1]
            assert abs(q.sum() - (1.9 - 9 - 1 + 12.25)) < 1e-12
            print("ok")
            """
        let python = try runPython(script, arguments: [path])
        #expect(python.status == 0 && python.output.contains("ok"), "\(python.output)")
    }
}

@Suite struct TickTests {
    @Test func fractionalStepsDoNotAccumulateRoundingError() {
        #expect(niceTicks(from: 0, to: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(niceTicks(from: 0.1, to: 0.7, count: 6).map { formatNumber($0) } == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(niceTicks(from: 1, to: 3, count: 5, minimumStep: 1) == [1, 2, 3])
    }
}
