import Foundation
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
