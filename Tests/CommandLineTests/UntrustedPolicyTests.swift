import Foundation
import RLApp
import RLCliffWalking
import Testing

/// Policy files are untrusted input: a bad one gives one line on stderr and a non-zero exit,
/// never a trap, a hang or a stack trace.
@Suite struct UntrustedPolicyTests {
    static func expectOneLineError(
        _ run: RLRun, status: Int32? = nil, containing text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.status != 0, "exit 0; stdout: \(run.standardOutput.prefix(200))", sourceLocation: sourceLocation)
        if let status { #expect(run.status == status, "\(run.standardError)", sourceLocation: sourceLocation) }
        #expect(run.errorLines.count == 1, "\(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.errorLines.first?.hasPrefix("error: ") == true, "\(run.standardError)", sourceLocation: sourceLocation)
        if let text { #expect(run.standardError.contains(text), "\(run.standardError)", sourceLocation: sourceLocation) }
    }

    @Test(arguments: [
        "paddle_height", "court_height", "court_width", "movement_step", "paddle_line_x", "serve_top_margin", "lives", "step_cap",
    ])
    func hugeConfigurationNumbersAreRefused(key: String) throws {
        for value in [1 << 62, Int.max, Int.min] {
            let folder = PolicyFixtures.folder(with: PolicyFixtures.settingMetadataJSON("configuration", key, to: value))
            for arguments in [["inspect", "p.safetensors"], ["eval", "p.safetensors", "--episodes", "1"]] {
                Self.expectOneLineError(try RL.run(arguments, in: folder), containing: "configuration is invalid")
            }
        }
    }

    /// A discount out of range used to reach an agent's initialiser in `rl watch` and stop on a
    /// precondition (exit 132), while `rl eval` and `rl inspect` accepted the file: every command
    /// now refuses it when it loads, in one line.
    @Test(arguments: [2.0, -1.0])
    func hyperparametersOutOfRangeAreRefusedByEveryCommand(discount: Double) throws {
        let folder = PolicyFixtures.folder(with: PolicyFixtures.settingMetadataJSON("hyperparameters", "discount", to: discount))
        for arguments in [
            ["watch", "p.safetensors", "--screenshot", "shot.png"], ["eval", "p.safetensors", "--episodes", "1"],
            ["inspect", "p.safetensors"],
        ] {
            Self.expectOneLineError(try RL.run(arguments, in: folder), status: 65, containing: "hyperparameters are out of range")
        }
    }

    /// A learning rate of 2 stopped `rl watch` on a precondition (exit 132).
    @Test func aLearningRateOutOfRangeIsRefusedByWatch() throws {
        let folder = PolicyFixtures.folder(
            with: PolicyFixtures.settingMetadataJSON("hyperparameters", "learning_rate", to: ["start": 2, "end": 2, "decay_fraction": 0]))
        for arguments in [
            ["watch", "p.safetensors", "--renderer", "terminal", "--frames", "2"], ["eval", "p.safetensors", "--episodes", "1"],
            ["inspect", "p.safetensors"],
        ] {
            Self.expectOneLineError(try RL.run(arguments, in: folder), status: 65, containing: "hyperparameters are out of range")
        }
    }

    /// A tensor's entry and data edited: `edit` gets the tensor's header entry and its bytes.
    static func editingTensor(_ bytes: [UInt8], _ name: String, _ edit: (inout [String: Any], inout [UInt8]) -> Void) -> [UInt8] {
        var (header, data) = PolicyFixtures.split(bytes)
        var entry = header[name] as! [String: Any]
        let offsets = entry["data_offsets"] as! [Int]
        var values = Array(data[(data.startIndex + offsets[0])..<(data.startIndex + offsets[1])])
        edit(&entry, &values)
        precondition(values.count == offsets[1] - offsets[0])
        data.replaceSubrange((data.startIndex + offsets[0])..<(data.startIndex + offsets[1]), with: values)
        header[name] = entry
        return PolicyFixtures.join(header, data)
    }

    static func int64(_ value: Int64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * Int64($0))) } }

    /// What only `--resume` used to read (an agent's model, a self-play league) is checked when
    /// any command loads the file: `rl eval` and `rl inspect` accepted these.
    @Test func savedAgentAndLeagueTensorsAreCheckedByEveryCommand() throws {
        let folder = temporaryFolder()
        #expect(
            try RL.run(["train", "--env", "cliff-walking", "--agent", "dyna-q", "--episodes", "20", "--out", "dq.safetensors"], in: folder)
                .status == 0)
        let dynaQ = Array(FileManager.default.contents(atPath: folder + "/dq.safetensors")!)
        let duelPath = URL(fileURLWithPath: PolicyFixtures.shippedPath).deletingLastPathComponent().appendingPathComponent(
            "pong-duel.safetensors"
        ).path
        let duel = Array(FileManager.default.contents(atPath: duelPath)!)
        let cases: [(String, [UInt8])] = [
            // The same bytes as [4, 12, 4], seen as [48, 4].
            ("Dyna-Q model of the wrong shape", Self.editingTensor(dynaQ, "model_next_state") { entry, _ in entry["shape"] = [48, 4] }),
            (
                "Dyna-Q model outcome out of range",
                Self.editingTensor(dynaQ, "model_next_state") { _, data in
                    data.replaceSubrange(0..<8, with: Self.int64(9_999))
                }
            ),
            ("league pick 99", Self.editingTensor(duel, "league.current") { _, data in data = Self.int64(99) }),
            (
                "league snapshot at episode -5",
                Self.editingTensor(duel, "league.episodes") { _, data in
                    data.replaceSubrange(data.count - 8..<data.count, with: Self.int64(-5))
                }
            ),
        ]
        for (name, bytes) in cases {
            let folder = PolicyFixtures.folder(with: bytes)
            for arguments in [["eval", "p.safetensors", "--episodes", "1"], ["inspect", "p.safetensors", "--summary-only"]] {
                let run = try RL.run(arguments, in: folder)
                Self.expectOneLineError(run, status: 65)
                #expect(run.status == 65, "\(name), rl \(arguments[0])")
            }
        }
        // The files as written still load.
        #expect(try RL.run(["eval", "dq.safetensors", "--episodes", "1"], in: folder).status == 0)
        #expect(try RL.run(["inspect", duelPath, "--summary-only"]).status == 0)
    }

    /// Every value of `name` (an F64 or I64 tensor) set to the 8 bytes given.
    static func fillingTensor(_ bytes: [UInt8], _ name: String, with word: [UInt8]) -> [UInt8] {
        editingTensor(bytes, name) { _, data in data = Array((0..<(data.count / 8)).map { _ in word }.joined()) }
    }

    /// `rl train --resume` of visit counts of Int64.max or values of -1e308 wrapped a count or
    /// made a NaN, and wrote a file every command then refused. Past the bounds a file is refused
    /// when read; at them, a resumed run saturates and writes a file that loads.
    @Test func resumingNeverWritesAFileRlRefuses() throws {
        let folder = temporaryFolder()
        let options = TrainingOptions(CliffWalkingWorld.self, episodes: 100, seed: 1, outputPath: folder + "/run.safetensors")
        var played = 0
        _ = try runTraining(
            options,
            shouldStop: {
                played += 1; return played == 20
            })
        let interrupted = Array(FileManager.default.contents(atPath: folder + "/run.safetensors")!)
        let cases: [(String, String, [UInt8], Int32)] = [
            ("visits 2^62", "visits", Self.int64(1 << 62), 0), ("visits Int64.max", "visits", Self.int64(.max), 65),
            ("q -1e300", "q", Self.int64(Int64(bitPattern: (-1e300).bitPattern)), 0),
            ("q -1e308", "q", Self.int64(Int64(bitPattern: (-1e308).bitPattern)), 65),
        ]
        for (name, tensor, word, status) in cases {
            let folder = PolicyFixtures.folder(with: Self.fillingTensor(interrupted, tensor, with: word))
            let resumed = try RL.run(["train", "--resume", "p.safetensors", "--out", "out.safetensors"], in: folder)
            #expect(resumed.status == status, "\(name): \(resumed.standardError)")
            if status == 0 {
                let inspected = try RL.run(["inspect", "out.safetensors", "--summary-only"], in: folder)
                #expect(inspected.status == 0, "\(name): the resumed file is refused: \(inspected.standardError)")
            } else {
                Self.expectOneLineError(resumed, status: status)
                #expect(!FileManager.default.fileExists(atPath: folder + "/out.safetensors"))
            }
        }
    }

    @Test(arguments: ["episodes", "steps"])
    func negativeSummaryCountsAreRefused(key: String) throws {
        for value in [Int.min, -1] {
            let folder = PolicyFixtures.folder(with: PolicyFixtures.settingMetadataJSON("summary", key, to: value))
            Self.expectOneLineError(try RL.run(["inspect", "p.safetensors"], in: folder), containing: "negative count")
        }
    }

    /// Swift seeds its hashing per process, so a verdict that hung on a dictionary's order
    /// changed from run to run. Several processes, each with its own seed, must agree.
    @Test func aZeroLengthTensorGetsTheSameVerdictInEveryProcess() throws {
        let empty: [String: Any] = ["dtype": "F64", "shape": [0], "data_offsets": [0, 0]]
        let inside: [String: Any] = ["dtype": "F64", "shape": [0], "data_offsets": [8, 8]]
        let accepted = PolicyFixtures.folder(with: PolicyFixtures.editingHeader { $0["empty"] = empty })
        let refused = PolicyFixtures.folder(with: PolicyFixtures.editingHeader { $0["inside"] = inside })
        let randomHashing: [String: String?] = ["SWIFT_DETERMINISTIC_HASHING": nil]
        var refusals: Set<String> = []
        for _ in 0..<8 {
            let good = try RL.run(["inspect", "p.safetensors", "--summary-only"], in: accepted, environment: randomHashing)
            #expect(good.status == 0, "\(good.standardError)")
            let bad = try RL.run(["inspect", "p.safetensors", "--summary-only"], in: refused, environment: randomHashing)
            Self.expectOneLineError(bad, containing: "tensor 'inside' at data offsets [8, 8] overlaps")
            refusals.insert(bad.standardError)
        }
        #expect(refusals.count == 1)
    }
}
