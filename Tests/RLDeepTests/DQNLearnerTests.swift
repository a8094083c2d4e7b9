import RLCore
import RLNeural
import Testing

@testable import RLDeep

/// The expected values come from PyTorch 2.13 (CPU, float32), SB3's `DQN.train` body on the same
/// networks and batch:
///
///     q = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 2))   # weights below
///     opt = torch.optim.Adam(q.parameters(), lr=0.01, eps=1e-8)
///     for _ in range(2):
///         with torch.no_grad():
///             target = rewards + (1 - dones) * 0.99 * q_target(next_obs).max(dim=1)[0].reshape(-1, 1)
///         loss = F.smooth_l1_loss(torch.gather(q(obs), 1, actions), target)
///         opt.zero_grad(); loss.backward()
///         torch.nn.utils.clip_grad_norm_(q.parameters(), max_norm); opt.step()
///
/// printed with `f"{v:.9g}"`.
@Suite struct DQNLearnerTests {
    static let online: [[Float]] = [
        [0.5, -0.3, 0.2, 0.8, -0.6, 0.1], [0.1, -0.2, 0.05], [0.7, -0.4, 0.3, -0.5, 0.6, 0.9], [0.02, -0.1],
    ]
    static let target: [[Float]] = [[0.4, -0.2, 0.3, 0.7, -0.5, 0.2], [0, -0.1, 0.1], [0.6, -0.3, 0.2, -0.4, 0.5, 0.8], [0.1, -0.05]]

    /// A 2 → 3 (ReLU) → 2 learner with the weights above, learning rate 0.01.
    func makeLearner(maxGradientNorm: Double, doubleQ: Bool = false) -> DQNLearner {
        let network = MLP<Float>(layers: [
            DenseLayer(inputSize: 2, outputSize: 3, activation: .relu), DenseLayer(inputSize: 3, outputSize: 2, activation: .identity),
        ])
        let learner = DQNLearner(
            online: network, learningRate: 0.01, adamEpsilon: 1e-8, maxGradientNorm: maxGradientNorm, doubleQ: doubleQ, batchSize: 2)
        set(learner.online, to: Self.online)
        set(learner.target, to: Self.target)
        return learner
    }

    func set(_ network: MLP<Float>, to values: [[Float]]) {
        for (parameter, values) in zip(network.parameters, values) {
            for index in values.indices { parameter.value[index] = values[index] }
        }
    }

    func makeBatch(dones: [Float] = [0, 1]) -> ReplayBatch {
        let batch = ReplayBatch(size: 2, observationWidth: 2)
        for (index, value) in [Float(1), 1.5, -1.5, 0.5].enumerated() { batch.observations[index] = value }
        for (index, value) in [Float(0.5), -1, 2, 1].enumerated() { batch.nextObservations[index] = value }
        batch.actions = [1, 0]
        batch.rewards = [3, 0.5]
        batch.dones = dones
        return batch
    }

    func expectParameters(of network: MLP<Float>, near expected: [[Float]], sourceLocation: SourceLocation = #_sourceLocation) {
        for (parameter, expected) in zip(network.parameters, expected) {
            for index in expected.indices {
                #expect(
                    abs(parameter.value[index] - expected[index]) < 3e-7, "\(parameter.value.values) vs \(expected)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test func theTargetBootstrapsUnlessTerminated() {
        let learner = makeLearner(maxGradientNorm: 10)
        learner.computeTargets(for: makeBatch(), discount: 0.99)
        // Row 0: 3 + 0.99 · max(0.34, −0.21); row 1 terminated: its reward alone.
        #expect(learner.targets.values == [3.3366000652313232, 0.5])
    }

    @Test func twoGradientStepsMatchPyTorch() {
        let learner = makeLearner(maxGradientNorm: 10)
        let batch = makeBatch()
        #expect(abs(learner.gradientStep(on: batch, discount: 0.99) - 1.15390003) < 1e-6)
        expectParameters(
            of: learner.online,
            near: [
                [0.49000001, -0.310000002, 0.210000008, 0.810000002, -0.610000014, 0.109999992],
                [0.0900000036, -0.189999998, 0.0599999987],
                [0.699999988, -0.400000006, 0.310000002, -0.49000001, 0.610000014, 0.899999976], [0.0299999975, -0.0900000036],
            ])
        #expect(abs(learner.gradientStep(on: batch, discount: 0.99) - 1.12047756) < 1e-6)
        expectParameters(
            of: learner.online,
            near: [
                [0.480005801, -0.319994241, 0.220003977, 0.820003986, -0.619936347, 0.11993634], [0.0800057799, -0.179996029, 0.06993635],
                [0.699999988, -0.400000006, 0.319934368, -0.480154395, 0.620006502, 0.899999976], [0.0399149619, -0.0800000057],
            ])
        // The target network does not move with a gradient step.
        expectParameters(of: learner.target, near: Self.target)
    }

    @Test func clippedGradientStepsMatchPyTorch() {
        // The gradients' norm is about 1.13: a maximum of 0.5 scales them.
        let learner = makeLearner(maxGradientNorm: 0.5)
        let batch = makeBatch()
        learner.gradientStep(on: batch, discount: 0.99)
        learner.gradientStep(on: batch, discount: 0.99)
        expectParameters(
            of: learner.online,
            near: [
                [0.480007797, -0.319992214, 0.220002547, 0.820002556, -0.619932473, 0.119932428],
                [0.0800077766, -0.179997459, 0.0699324459],
                [0.699999988, -0.400000006, 0.319930404, -0.480159938, 0.62000525, 0.899999976], [0.0399105884, -0.0800016895],
            ])
    }

    @Test func doubleDQNValuesTheOnlineNetworksChoice() {
        // On the second next state the online network prefers action 0 (0.18 > 0.10), the target
        // network action 1 (0.31 > 0.10): DQN bootstraps from 0.31, Double DQN from 0.10.
        let batch = makeBatch(dones: [0, 0])
        let plain = makeLearner(maxGradientNorm: 10)
        let double = makeLearner(maxGradientNorm: 10, doubleQ: true)
        plain.computeTargets(for: batch, discount: 0.99)
        double.computeTargets(for: batch, discount: 0.99)
        let onlineNext = double.online.forward(batch.nextObservations).values
        let targetNext = double.target.forward(batch.nextObservations).values
        #expect(onlineNext[2] > onlineNext[3] && targetNext[3] > targetNext[2])
        let gamma = Float(0.99)
        #expect(plain.targets[1] == 0.5 + (1 - 0) * gamma * targetNext[3])
        #expect(double.targets[1] == 0.5 + (1 - 0) * gamma * targetNext[2])
        // On the first, both networks prefer action 0: the same target.
        #expect(plain.targets[0] == double.targets[0])
        #expect(plain.targets[1] != double.targets[1])
    }

    @Test func theTargetFollowsByPolyak() {
        let learner = makeLearner(maxGradientNorm: 10)
        learner.updateTarget(tau: 0.25)
        let expected = zip(Self.target, Self.online).map { target, online in
            zip(target, online).map { $0 * Float(0.75) + Float(0.25) * $1 }
        }
        expectParameters(of: learner.target, near: expected)
        learner.updateTarget(tau: 1)
        expectParameters(of: learner.target, near: Self.online)
    }
}
