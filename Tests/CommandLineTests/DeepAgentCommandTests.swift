import Foundation
import RLTestSupport
import Testing

/// DQN and PPO through the `rl` binary: short runs by `--steps` on a continuous and a finite
/// world, files PyTorch's readers take as they are, every command that reads a policy, and
/// bad input refused in one line.
@Suite struct DeepAgentCommandTests {
    /// Short runs with small networks, for tests that train every agent on every world (a large
    /// world's one-hot input is slow in a debug build).
    static let small: [String: [String]] = [
        "dqn": [
            "--steps", "400", "--hidden", "8", "--buffer-size", "500", "--learning-starts", "100", "--train-frequency", "50",
            "--gradient-steps", "2",
        ],
        "ppo": ["--steps", "256", "--hidden", "8", "--envs", "2", "--n-steps", "32", "--batch-size", "32", "--epochs", "2"],
    ]

    /// A short PPO run: 8 rollouts of 8 copies × 32 steps.
    static let ppo = ["train", "--env", "cart-pole", "--agent", "ppo", "--steps", "2048", "--seed", "3", "--quiet"]
    /// A short DQN run that learns: small rounds soon after a short random start.
    static let dqn = [
        "train", "--env", "cart-pole", "--agent", "dqn", "--steps", "1500", "--seed", "3", "--quiet", "--learning-starts", "200",
        "--train-frequency", "50", "--gradient-steps", "5", "--hidden", "32,32",
    ]

    @Test func aRunOfStepsSavesNetworksAndTheSameSeedTheSameBytes() throws {
        let folder = temporaryFolder()
        for (arguments, name) in [(Self.ppo, "ppo"), (Self.dqn, "dqn")] {
            let first = try RL.run(arguments + ["--out", "\(name)-1.safetensors", "--json"], in: folder)
            #expect(first.status == 0, "\(name): \(first.standardError)")
            let json = try #require(first.json, "\(name): \(first.standardOutput)")
            #expect(json["steps"] as? Int == (name == "ppo" ? 2048 : 1500), "\(json)")
            #expect((json["episodes"] as? Int ?? 0) > 0)
            let second = try RL.run(arguments + ["--out", "\(name)-2.safetensors"], in: folder)
            #expect(second.status == 0, "\(name): \(second.standardError)")
            #expect(second.standardOutput.contains("steps ("), "\(second.standardOutput)")
            let one = try Data(contentsOf: URL(fileURLWithPath: folder + "/\(name)-1.safetensors"))
            let two = try Data(contentsOf: URL(fileURLWithPath: folder + "/\(name)-2.safetensors"))
            #expect(one == two, "\(name): the same seed gave different files")
        }
    }

    /// The file is a PyTorch state dictionary under `policy.` (and `value.`), single precision,
    /// with the network described; NumPy's forward pass of it chooses what `rl eval` chooses.
    @Test func pythonRebuildsTheNetworksFromTheFile() throws {
        let folder = temporaryFolder()
        let train = try RL.run(Self.ppo + ["--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let script = """
            import json, sys
            import numpy as np
            from safetensors import safe_open
            with safe_open(sys.argv[1], "np") as f:
                meta = f.metadata()
                t = {k: f.get_tensor(k) for k in f.keys()}
            net = json.loads(meta["network"])
            assert net == {"activation": "tanh", "policy": [4, 64, 64, 2], "value": [4, 64, 64, 1]}, net
            assert sorted(k for k in t if k.startswith("policy.")) == ["policy.0.bias", "policy.0.weight", "policy.2.bias", "policy.2.weight", "policy.4.bias", "policy.4.weight"]
            assert t["policy.0.weight"].shape == (64, 4) and t["policy.0.weight"].dtype == np.float32
            assert t["policy.4.weight"].shape == (2, 64) and t["value.4.weight"].shape == (1, 64)
            assert "q" not in t and "visits" not in t
            assert meta["agent"] == "ppo" and meta["environment"] == "cart-pole"
            print("ok")
            """
        let python = try runPython(script, arguments: [folder + "/p.safetensors"])
        #expect(python.status == 0 && python.output.contains("ok"), "\(python.output)")
    }

    /// The example plays Gymnasium's own CartPole-v1 with the file (NumPy's forward pass, and
    /// PyTorch's `load_state_dict` where PyTorch is installed: the same returns).
    @Test func theExamplePlaysGymnasiumsCartPoleWithTheFile() throws {
        let folder = temporaryFolder()
        let train = try RL.run(Self.ppo + ["--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/python/play_cartpole.py").path
        let launcher = "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
        let numpy = try runPython(
            launcher, arguments: [example, folder + "/p.safetensors", "--episodes", "3", "--backend", "numpy", "--json"])
        #expect(numpy.status == 0, "\(numpy.output)")
        let returns = try #require(
            (try? JSONSerialization.jsonObject(with: Data(numpy.output.utf8)) as? [String: Any])?["returns"] as? [Double],
            "\(numpy.output)")
        #expect(returns.count == 3 && returns.allSatisfy { (1...500).contains($0) })
        let hasTorch = try runPython("import torch", arguments: []).status == 0
        if hasTorch {
            let torch = try runPython(launcher, arguments: [example, folder + "/p.safetensors", "--episodes", "3", "--json"])
            #expect(torch.status == 0, "\(torch.output)")
            let torchReturns = (try? JSONSerialization.jsonObject(with: Data(torch.output.utf8)) as? [String: Any])?["returns"] as? [Double]
            #expect(torchReturns == returns, "\(torch.output)")
        }
    }

    @Test func evalInspectAndWatchReadTheFile() throws {
        let folder = temporaryFolder()
        let train = try RL.run(Self.ppo + ["--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let eval = try RL.run(["eval", "p.safetensors", "--episodes", "5", "--json"], in: folder)
        #expect(eval.status == 0, "\(eval.standardError)")
        #expect(eval.json?["episodes"] as? Int == 5)
        let summary = try RL.run(["inspect", "p.safetensors", "--summary-only"], in: folder)
        #expect(summary.status == 0, "\(summary.standardError)")
        #expect(
            summary.standardOutput.contains("network          4 → 64 → 64 → 2 (tanh), critic 4 → 64 → 64 → 1"), "\(summary.standardOutput)")
        let heatmap = try RL.run(["inspect", "p.safetensors", "--heatmap", "h.png"], in: folder)
        #expect(heatmap.status == 0, "\(heatmap.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/h.png"))
        let video = try RL.run(["watch", "p.safetensors", "--video", "v.gif", "--episodes", "1", "--seed", "2"], in: folder)
        #expect(video.status == 0, "\(video.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/v.gif"))
    }

    /// On a finite world the network reads the state one-hot, and the file is evaluated exactly
    /// as a table is: the network's greedy action in every state.
    @Test func onAFiniteWorldTheNetworkIsEvaluatedExactly() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            [
                "train", "--env", "cliff-walking", "--agent", "dqn", "--steps", "3000", "--seed", "1", "--quiet", "--learning-starts",
                "500",
                "--train-frequency", "16", "--gradient-steps", "4", "--hidden", "32", "--out", "c.safetensors",
            ], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let eval = try RL.run(["eval", "c.safetensors", "--episodes", "3"], in: folder)
        #expect(eval.status == 0, "\(eval.standardError)")
        #expect(eval.standardOutput.contains("exact"), "\(eval.standardOutput)")
        let inspect = try RL.run(["inspect", "c.safetensors"], in: folder)
        #expect(inspect.status == 0, "\(inspect.standardError)")
        #expect(inspect.standardOutput.contains("network          48 → 32 → 4 (relu)"), "\(inspect.standardOutput.prefix(600))")
    }

    /// `--keep-best` saves the networks of the best evaluation: `rl eval` of the file, seeded as
    /// the evaluations were, gives that evaluation's mean exactly.
    @Test func keepBestSavesTheBestEvaluatedNetworks() throws {
        let folder = temporaryFolder()
        let loud = Self.dqn.filter { $0 != "--quiet" }
        let train = try RL.run(loud + ["--eval-every", "5", "--eval-episodes", "3", "--keep-best", "--out", "k.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let means = train.standardOutput.split(separator: "\n").compactMap { line -> Double? in
            guard let range = line.range(of: "average return ") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "," })
        }
        let kept = try #require(means.max(), "\(train.standardOutput)")
        #expect(train.standardOutput.contains("Kept the networks of the best evaluation"), "\(train.standardOutput)")
        let eval = try RL.run(["eval", "k.safetensors", "--episodes", "3", "--seed", "3", "--json"], in: folder)
        #expect(eval.status == 0, "\(eval.standardError)")
        let mean = try #require(eval.json?["mean_return"] as? Double)
        #expect(abs(mean - kept) < 0.05, "kept \(kept), eval \(mean)")
        for (arguments, words) in [
            (["--agent", "dqn", "--keep-best"], "--keep-best"), (["--agent", "sarsa", "--keep-best"], "--eval-every"),
        ] {
            let run = try RL.run(["train", "--env", "cart-pole"] + arguments, in: folder)
            #expect(run.status == 64 && run.errorLines.count == 1 && run.standardError.contains(words), "\(run.standardError)")
        }
    }

    @Test func badInputIsRefusedInOneLine() throws {
        let folder = temporaryFolder()
        for (arguments, status, words) in [
            (["train", "--env", "cart-pole", "--agent", "ppo", "--steps", "0"], Int32(64), "--steps"),
            (["train", "--env", "cart-pole", "--agent", "sarsa", "--steps", "0"], 64, "--steps must be in 1...1000000000"),
            (["train", "--env", "cart-pole", "--agent", "dqn", "--hidden", "100000"], 64, "--hidden"),
            (["train", "--env", "cart-pole", "--agent", "dqn", "--epsilon", "2"], 64, "--epsilon"),
            (["train", "--env", "cart-pole", "--agent", "ppo", "--epsilon", "0.1"], 64, "not a setting of agent ppo"),
            (["train", "--env", "cart-pole", "--agent", "ppo", "--lambda", "0.1"], 64, "--lambda"),
        ] {
            let run = try RL.run(arguments, in: folder)
            #expect(run.status == status, "\(arguments): \(run.standardError)")
            #expect(run.errorLines.count == 1 && run.standardError.contains(words), "\(arguments): \(run.standardError)")
        }
    }

    /// A file whose weights do not fit its network, or are not numbers, is refused by every
    /// command that reads it; a deep run's file says why it cannot be resumed.
    @Test func damagedNetworkFilesAreRefused() throws {
        let folder = temporaryFolder()
        let train = try RL.run(Self.ppo + ["--out", "p.safetensors"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let damage = """
            import sys, numpy as np
            from safetensors.numpy import load_file, save_file
            from safetensors import safe_open
            with safe_open(sys.argv[1], "np") as f:
                meta = f.metadata()
            t = load_file(sys.argv[1])
            if sys.argv[3] == "shape":
                t["policy.2.weight"] = np.zeros((3, 3), dtype=np.float32)
            else:
                t["policy.0.bias"][0] = np.nan
            save_file(t, sys.argv[2], metadata=meta)
            print("ok")
            """
        for kind in ["shape", "nan"] {
            let python = try runPython(damage, arguments: [folder + "/p.safetensors", folder + "/\(kind).safetensors", kind])
            #expect(python.status == 0, "\(python.output)")
            for command in [["eval", "\(kind).safetensors"], ["inspect", "\(kind).safetensors"]] {
                let run = try RL.run(command, in: folder)
                #expect(run.status == 65, "\(command): \(run.standardError)")
                #expect(run.errorLines.count == 1 && run.standardError.contains("policy."), "\(command): \(run.standardError)")
            }
        }
        let resume = try RL.run(["train", "--resume", "p.safetensors"], in: folder)
        #expect(
            resume.status == 65 && resume.errorLines.count == 1 && resume.standardError.contains("complete"), "\(resume.standardError)")
    }

    /// Ctrl-C in the middle of a deep run keeps what it learned, and `--resume` finishes it into
    /// the very file the run left alone writes: DQN's replay buffer and optimiser, PPO's rollout
    /// and its copies of the world mid-episode.
    @Test(arguments: [
        ["--agent", "ppo", "--steps", "30000", "--hidden", "16"],
        [
            "--agent", "dqn", "--steps", "8000", "--learning-starts", "200", "--train-frequency", "50", "--gradient-steps", "5", "--hidden",
            "32,32",
        ],
    ])
    func ctrlCThenResumeGivesTheRunLeftAlone(arguments: [String]) throws {
        let folder = temporaryFolder()
        let (aloneStatus, stoppedStatus, resumed) = try RL.trainStoppedAndResumed(
            ["train", "--env", "cart-pole", "--seed", "4"] + arguments, in: folder, by: SIGINT, after: "episodes 100:")
        #expect(aloneStatus == 0 && stoppedStatus == 130 && resumed.status == 0, "\(resumed.standardError)")
        let bytes = { (name: String) in FileManager.default.contents(atPath: folder + "/" + name) }
        #expect(bytes("alone.safetensors") != nil && bytes("alone.safetensors") == bytes("stopped.safetensors"))
    }
}
