import Foundation
import RLClassicControl
import RLCore
import RLNeural
import RLTabular
import Testing

@testable import RLDeep

/// rl-zoo3's DQN on CartPole-v1, 50,000 steps with its tuned settings, then 100 greedy
/// episodes: the zoo's agent averages 500. Minutes in a release build, so only when asked:
/// `RL_SOLVE_TESTS=1 swift test -c release --filter DQNSolvesCartPoleTests`.
///
/// Measured on 2026-12-05 (2 shared cores, about 19–22 s a run when not contended): seeds 1, 3
/// and 5 reach 500 and 6 490.5; 11, 12, 13 end near it (468, 462, 473); 2, 4, 7, 8, 9, 10 end
/// at 24.6, 49.7, 239, 262, 232, 318. So this suite fails on seed 2. DQN's last snapshot on
/// Cart Pole is unstable in Stable-Baselines3 2.9.2 too, with the same settings
/// (`DQN("MlpPolicy", ...)`, 100 deterministic episodes): seeds 1, 2, 4, 5, 8, 9, 10 reach 500
/// and 7 485.4, but 3 ends at 191.4 and 6 at 303.9. Its training curve (mean return per 5,000
/// steps, seed 11: 36 69 77 101 70 114 339 411 389 241) is shaped like ours (the first line this
/// suite prints for each seed).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["RL_SOLVE_TESTS"] == "1"))
struct DQNSolvesCartPoleTests {
    static let hyperparameters = Hyperparameters(
        learningRate: .constant(2.3e-3), discount: 0.99, epsilon: .linear(from: 1, to: 0.04, over: 0.16))

    /// Seeds 1–3, or those `RL_DQN_SEEDS` lists (`4,5,6`).
    static var seeds: [UInt64] {
        ProcessInfo.processInfo.environment["RL_DQN_SEEDS"]?.split(separator: ",").compactMap { UInt64($0) } ?? [1, 2, 3]
    }

    @Test(arguments: seeds)
    func theZoosSettingsSolveCartPole(seed: UInt64) {
        let encoder = CoordinateEncoder<CartPoleObservation>()
        var settings = DQNSettings()
        // `RL_DQN_DOUBLE=1` tries Double DQN with the same settings.
        settings.doubleQ = ProcessInfo.processInfo.environment["RL_DQN_DOUBLE"] == "1"
        var agent = DQNAgent(inputWidth: 4, actionCount: 2, hyperparameters: Self.hyperparameters, settings: settings, seed: seed)
        let start = ContinuousClock.now
        // The training curve: the mean return of the episodes that ended in each 5,000 steps.
        var windows = [(sum: Double, count: Int)](repeating: (0, 0), count: 10)
        var stepsSoFar = 0
        // Heap allocations from the first episode to end after step 5,000 (learning has run by
        // then) to the last, when a preloaded counter is there to ask.
        let countAllocations = allocationCounter()
        var warm: (steps: Int, allocations: UInt64)?
        var last: (steps: Int, allocations: UInt64)?
        let result = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: seed) }, encoder: encoder, totalSteps: 50_000, seed: seed,
            onEpisode: { record, _ in
                stepsSoFar += record.steps
                let window = min(stepsSoFar / 5000, windows.count - 1)
                windows[window].sum += record.totalReward
                windows[window].count += 1
                if let countAllocations, stepsSoFar > 5000 {
                    last = (stepsSoFar, countAllocations())
                    if warm == nil { warm = last }
                }
                return .proceed
            })
        let elapsed = ContinuousClock.now - start
        #expect(result.steps == 50_000 && !result.stoppedEarly)
        var environment = CartPole.capped(at: 500, seed: seed)
        var player = GreedyNetworkAgent(network: agent.policyNetwork, encoder: encoder, actionSpace: environment.actionSpace)
        let records = evaluate(&player, on: &environment, episodes: 100, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation))
        let mean = records.reduce(0) { $0 + $1.totalReward } / Double(records.count)
        let curve = windows.map { $0.count == 0 ? "-" : String(Int($0.sum / Double($0.count))) }.joined(separator: " ")
        if let warm, let last, last.steps > warm.steps {
            let perStep = Double(last.allocations - warm.allocations) / Double(last.steps - warm.steps)
            print("DQN CartPole seed \(seed): \(perStep) heap allocations per step over steps \(warm.steps)...\(last.steps)")
        }
        if let countAllocations { reportAllocations(of: &agent, count: countAllocations) }
        print(
            "DQN CartPole seed \(seed): training curve [\(curve)] in \(elapsed), greedy mean \(mean) over 100 episodes, loss \(agent.lastLoss ?? .nan)"
        )
        #expect(mean >= 475)
    }
}

/// Allocations per call of each piece of a step, once warm.
private func reportAllocations(of agent: inout DQNAgent, count: () -> UInt64) {
    var environment = CartPole.capped(at: 500, seed: 0)
    let encoder = CoordinateEncoder<CartPoleObservation>()
    let row = Matrix<Float>(rows: 1, columns: 4)
    func measure(_ name: String, _ body: () -> Void) {
        body()
        let before = count()
        for _ in 0..<1000 { body() }
        print("allocations per call, \(name): \(Double(count() - before) / 1000)")
    }
    _ = environment.reset(seed: 1)
    measure("environment step and encode") {
        let step = environment.step(.right)
        encoder.encode(step.observation, into: row.pointer)
        if step.isLast { encoder.encode(environment.reset(seed: nil), into: row.pointer) }
    }
    measure("acting") { _ = agent.chooseAction(for: row) }
    measure("replay add") {
        agent.replayBuffer.add(observation: row.pointer, action: 1, reward: 1, nextObservation: row.pointer, terminated: false)
    }
    measure("sample") { agent.replayBuffer.sample(into: agent.batch, using: &agent.samplingGenerator) }
    measure("gradient step") { agent.learner.gradientStep(on: agent.batch, discount: 0.99) }
    measure("target update") { agent.learner.updateTarget(tau: 1) }
}

/// `rl_allocation_count`, when a library that counts heap allocations is preloaded
/// (`LD_PRELOAD`; benchmarks/CAllocationCounter's counter built as a shared library).
private func allocationCounter() -> (() -> UInt64)? {
    typealias Count = @convention(c) () -> UInt64
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "rl_allocation_count") else { return nil }
    let count = unsafeBitCast(symbol, to: Count.self)
    return { count() }
}
