import Foundation
import RLCore
import RLNeural
import RLTabular
import Testing

@testable import RLDeep

/// One PPO update against Stable-Baselines3 2.9.2 itself (PyTorch 2.13, CPU, on this machine):
/// the same weights, the same hand-made rollout, the same settings, and the weights after SB3's
/// `PPO.train()` hard-coded below. The script:
///
///     model = PPO("MlpPolicy", make_vec_env("CartPole-v1", n_envs=2, seed=0), n_steps=4,
///                 batch_size=8, n_epochs=2, gae_lambda=0.8, gamma=0.98, ent_coef=0.01,
///                 learning_rate=lambda p: 1e-3 * p, clip_range=lambda p: 0.2 * p,
///                 policy_kwargs=dict(net_arch=[8]), device="cpu")
///     # tensor t (policy_net.0, action_net, value_net.0, value_net in state-dict order),
///     # element k: 0.5 * sin(0.37 k + t); the buffer filled as `rollout` below, then
///     buf.compute_returns_and_advantage(last_values=th.tensor([0.5, -0.25]), dones=[False, True])
///     model._current_progress_remaining = 0.5; model.train()
///
/// One minibatch of the whole rollout per epoch, so SB3's shuffling changes only the order of
/// sums. Weights move by about 1e-3 here; they must agree to 1e-6 (on this machine they agree
/// to the bit).
@Suite struct PPOParityTests {
    static func formulaTensors(of agent: PPOAgent) -> [String: Tensor] {
        var tensors: [String: Tensor] = [:]
        for (t, (name, shape, _)) in agent.namedParameters.enumerated() {
            let count = shape.reduce(1, *)
            tensors[name] = Tensor(shape: shape, float32: (0..<count).map { Float(0.5 * sin(0.37 * Double($0) + Double(t))) })
        }
        return tensors
    }

    @Test func oneUpdateMatchesStableBaselines3() throws {
        var settings = PPOSettings()
        settings.environmentCount = 2
        settings.stepsPerRollout = 4
        settings.batchSize = 8
        settings.epochs = 2
        settings.entropyCoefficient = 0.01
        settings.hidden = [8]
        let hyperparameters = Hyperparameters(learningRate: .linear(from: 1e-3, to: 0, over: 1), discount: 0.98, epsilon: .constant(0))
        var agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: hyperparameters, settings: settings, seed: 0)
        try agent.restore(tensors: Self.formulaTensors(of: agent))
        for index in 0..<8 {
            for dimension in 0..<4 {
                agent.rollout.observations[index * 4 + dimension] = Float(cos(0.7 * Double(index) + Double(dimension)))
            }
            agent.rollout.actions[index] = index % 2
            agent.rollout.rewards[index] = Float(1 + 0.1 * Double(index))
            agent.rollout.episodeStarts[index] = [0, 1, 5].contains(index) ? 1 : 0
            agent.rollout.values[index] = Float(0.3 * sin(Double(index)))
            agent.rollout.logProbabilities[index] = Float(-0.69 + 0.05 * cos(Double(index)))
        }
        agent.rollout.computeReturnsAndAdvantages(lastValues: [0.5, -0.25], lastDones: [0, 1], discount: 0.98, gaeLambda: 0.8)
        for (ours, theirs) in zip(agent.rollout.advantages, Self.stableBaselinesAdvantages) { #expect(abs(ours - theirs) < 1e-6) }

        agent.update(timesteps: 8, of: 16)  // progress_remaining 0.5

        for (name, tensor) in agent.tensors where !name.hasPrefix("ppo.") {
            guard case .floats(let ours) = tensor.values, let theirs = Self.stableBaselines[name] else {
                Issue.record("no reference for \(name)")
                continue
            }
            #expect(ours.count == theirs.count)
            let worst = zip(ours, theirs).map { abs(Float($0) - $1) }.max() ?? 0
            #expect(worst < 1e-6, "\(name) differs by \(worst)")
        }
        for (name, value) in agent.diagnostics {
            guard let theirs = Self.stableBaselinesDiagnostics[name] else { continue }
            #expect(abs(value - theirs) <= 1e-5 * max(1, abs(theirs)), "\(name): \(value), SB3 \(theirs)")
        }
    }

    static let stableBaselines: [String: [Float]] = [
        "policy.0.weight": [
            0.0009987459052354097, 0.17980919778347015, 0.3361446261405945, 0.44685035943984985, 0.4989390969276428, 0.47963958978652954,
            0.39728352427482605, 0.26102325320243835, 0.09129507839679718, -0.09464091062545776, -0.26591604948043823, -0.40133076906204224,
            -0.48057621717453003, -0.4985882043838501, -0.4473159611225128, -0.3356104791164398, -0.1786222606897354, 0.004401898477226496,
            0.18497790396213531, 0.3406486213207245, 0.4483558237552643, 0.49923399090766907, 0.4806862473487854, 0.39721205830574036,
            0.25811541080474854, 0.08794310688972473, -0.09599286317825317, -0.26680272817611694, -0.4033643305301666, -0.4814731180667877,
            -0.49627700448036194, -0.44377854466438293,
        ],
        "policy.0.bias": [
            0.42173469066619873, 0.49095284938812256, 0.49383464455604553, 0.43000587821006775, 0.30619028210639954, 0.14274127781391144,
            -0.0401623509824276, -0.2177642434835434,
        ],
        "policy.2.weight": [
            0.45364996790885925, 0.34764179587364197, 0.1964416652917862, 0.01679285801947117, -0.16699104011058807, -0.3263116478919983,
            -0.4396044909954071, -0.4952608048915863, -0.4837516248226166, -0.406635046005249, -0.2763420343399048, -0.10678624361753464,
            0.0790848508477211, 0.2523903250694275, 0.3896729350090027, 0.47607704997062683,
        ],
        "policy.2.bias": [0.07155903428792953, -0.11421229690313339],
        "value.0.weight": [
            -0.3793933093547821, -0.46997854113578796, -0.49881017208099365, -0.4599975645542145, -0.3607814610004425, -0.21087899804115295,
            -0.032564494758844376, 0.1520066112279892, 0.3121586740016937, 0.431919127702713, 0.4931128919124603, 0.489376962184906,
            0.417572021484375, 0.28738924860954285, 0.12017098069190979, -0.06344598531723022, -0.23861224949359894, -0.38161903619766235,
            -0.4731096625328064, -0.4987054467201233, -0.4586649239063263, -0.358409583568573, -0.2077840268611908, -0.029169784858822823,
            0.15525583922863007, 0.31480586528778076, 0.4336118996143341, 0.493595689535141, 0.48663830757141113, 0.4136808514595032,
            0.28459885716438293, 0.11886093765497208,
        ],
        "value.0.bias": [
            -0.4804619252681732, -0.3947283625602722, -0.2574329376220703, -0.08516056090593338, 0.09877317398786545, 0.26947373151779175,
            0.4038375914096832, 0.48367926478385925,
        ],
        "value.2.weight": [
            -0.14070765674114227, 0.042352985590696335, 0.21954596042633057, 0.36688923835754395, 0.4664399325847626, 0.500995934009552,
            0.4678797423839569, 0.37157365679740906,
        ],
        "value.2.bias": [0.32949328422546387],
    ]
    static let stableBaselinesAdvantages: [Float] = [
        3.8169491291046143, 1.875056505203247, 3.252060890197754, 1.2576639652252197, 3.249171257019043, 3.1591081619262695,
        2.1738247871398926, 1.5029040575027466,
    ]
    static let stableBaselinesDiagnostics: [String: Double] = [
        "train/entropy_loss": -0.5554466247558594,
        "train/policy_gradient_loss": 0.02495727688074112,
        "train/value_loss": 4.259855508804321,
        "train/approx_kl": 0.17684878,
        "train/clip_fraction": 0.75,
        "train/loss": 2.1459357738494873,
        "train/explained_variance": -0.13739323616027832,
        "train/clip_range": 0.1,
        "train/learning_rate": 0.0005,
    ]
}
