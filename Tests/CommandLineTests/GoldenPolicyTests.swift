import Foundation
import RLApp
import RLNeural
import Testing

/// The renovation's guard: for every registered world and every agent (learners and planners),
/// `rl train` with a fixed seed writes the same bytes as the `rl` that made
/// `Tests/Fixtures/golden-policies.tsv`. The cases come from the registry, so a new world or
/// agent is covered (and asks for its digest) without anyone editing a list by hand.
///
/// To record the digests again after a change that is meant to change the files:
/// `RL_WRITE_GOLDEN=1 swift test --filter GoldenPolicyTests`, and say why in the commit.
@Suite(.serialized) struct GoldenPolicyTests {
    /// The manifest's line naming the BLAS kernels its deep runs were recorded with.
    static let blasCoreKey = "blas-core"
    static let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden-policies.tsv")

    /// One training run: the arguments after `rl train`, the same for every pair.
    struct Case: Hashable, CustomStringConvertible {
        var world: String
        var agent: String
        var extra: [String] = []
        var arguments: [String] {
            ["train", "--env", world, "--agent", agent, "--episodes", "40", "--seed", "7", "--quiet", "--out", "p.safetensors"] + extra
        }
        var key: String { ([world, agent] + extra).joined(separator: " ") }
        var description: String { key }
    }

    /// Every world with every agent, and a few variants where the defaults leave a path unused
    /// (self-play's snapshots; policy iteration, which needs γ below 1 on an undiscounted world).
    static var cases: [Case] {
        let agents = Registry.builtInAgents.map(\.id) + Registry.planners.map(\.id)
        // A deep agent's run is counted in steps: a short one with small networks, so that the
        // one-hot input of a large world stays quick in a debug build.
        func small(_ agent: String) -> [String] { DeepAgentCommandTests.small[agent] ?? [] }
        var cases = Registry.builtInWorlds.flatMap { world in agents.map { Case(world: world.id, agent: $0, extra: small($0)) } }
        cases.append(Case(world: "pong-duel", agent: "q-learning", extra: ["--snapshot-every", "10", "--rating-games", "2"]))
        cases.append(Case(world: "cliff-walking", agent: "policy-iteration", extra: ["--discount", "0.9"]))
        cases.append(Case(world: "pong", agent: "sarsa-lambda", extra: ["--preset", "tutorial"]))
        // Pong without bins: its own registration behind pong's id (table-only agents refused).
        cases += agents.map { Case(world: "pong", agent: $0, extra: ["--observation", "continuous", "--hash-size", "4096"] + small($0)) }
        return cases
    }

    /// What a run left: its exit status and, when it saved a policy, the file's size and digest.
    static func outcome(of run: Case) throws -> String {
        let folder = temporaryFolder()
        let result = try RL.run(run.arguments, in: folder)
        guard result.status == 0 else { return "exit \(result.status)" }
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/p.safetensors"))
        return "\(bytes.count) \(String(fnv1a64(bytes), radix: 16))"
    }

    static func readManifest() throws -> [String: String] {
        let text = try String(contentsOf: manifest, encoding: .utf8)
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count == 2 { entries[String(fields[0])] = String(fields[1]) }
        }
        return entries
    }

    @Test func everyWorldAndAgentWritesTheRecordedBytes() throws {
        if ProcessInfo.processInfo.environment["RL_WRITE_GOLDEN"] == "1" {
            var lines = [
                "# world agent [flags]\t(size digest) of `rl train <flags> --episodes 40 --seed 7`, or its exit status",
                "# made by RL_WRITE_GOLDEN=1 swift test --filter GoldenPolicyTests",
                "\(Self.blasCoreKey)\t\(blasCoreName)",
            ]
            for run in Self.cases { lines.append("\(run.key)\t\(try Self.outcome(of: run))") }
            try (lines.joined(separator: "\n") + "\n").write(to: Self.manifest, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try Self.readManifest()
        // A deep agent's networks are sums whose order OpenBLAS's kernels fix: its digests hold
        // where the same kernels run (the same seed twice is checked everywhere, in DeepAgentCommandTests).
        let sameKernels = recorded[Self.blasCoreKey] == blasCoreName
        for run in Self.cases where sameKernels || !Registry.isDeep(run.agent) {
            guard let expected = recorded[run.key] else {
                Issue.record("no recorded digest for '\(run.key)': record it with RL_WRITE_GOLDEN=1 swift test --filter GoldenPolicyTests")
                continue
            }
            #expect(try Self.outcome(of: run) == expected, "rl \(run.arguments.joined(separator: " "))")
        }
        #expect(recorded.count == Self.cases.count + 1, "the manifest lists cases the registry no longer has")
    }
}

/// FNV-1a, 64 bits: enough to tell two policy files apart, with no dependency.
func fnv1a64(_ bytes: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}
