import RLCore
import RLFeatures
import RLPrediction
import RLRandomWalk
import Testing

/// The 1000-state walk of Example 9.1 and the linear value estimators of chapters 9 and 12, on
/// numbers worked out by hand.
@Suite struct LinearPredictionTests {
    typealias Move = RandomWalk.Move

    /// A transition between two numbered states (the estimators never look at the action).
    static func step(_ from: Int, _ to: Int, reward: Double = 0, terminal: Bool = false) -> Transition<Int, Move> {
        Transition(observation: from, action: .right, reward: reward, nextObservation: to, terminated: terminal, truncated: false)
    }

    /// States 1…4 in two groups, {1, 2} and {3, 4}; one feature per state for `tabular`.
    static let halves = GroupAggregation(states: 4, groups: 2)
    static let tabular = GroupAggregation(states: 4, groups: 4)
    /// One feature for every state: a single weight.
    static let single = GroupAggregation(states: 2, groups: 1)
    /// 2 → 3 → 4 → right end (+1), then 3 → 2 → 1 → left end (−1).
    static var rightwards: [Transition<Int, Move>] { [step(2, 3), step(3, 4), step(4, 5, reward: 1, terminal: true)] }
    static var leftwards: [Transition<Int, Move>] { [step(3, 2), step(2, 1), step(1, 0, reward: -1, terminal: true)] }
    /// On the single weight: 1 → 2 paying 1, 2 → 1, 1 → end.
    static var revisiting: [Transition<Int, Move>] { [step(1, 2, reward: 1), step(2, 1), step(1, 0, terminal: true)] }

    static func play<V: ValueEstimator>(_ estimator: inout V, _ episodes: [[Transition<Int, Move>]])
    where V.Observation == Int, V.Action == Move {
        for episode in episodes {
            for transition in episode { estimator.learn(from: transition) }
            estimator.endEpisode()
        }
    }

    static func close(_ left: [Double], _ right: [Double]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test func theLongJumpsTrueValuesSolveTheBellmanEquations() {
        // 3 states, jumps of 1 or 2, −1 at the left: by symmetry v(2) = 0, and
        // v(1) = ¼ (−1) + ¼ (−1) + ¼ v(2) + ¼ v(3) with v(3) = −v(1), so v(1) = −0.4.
        #expect(Self.close(RandomWalk(states: 3, leftReward: -1, maximumJump: 2).trueValues, [-0.4, 0, 0.4]))
        // Example 9.1's walk: each value is the mean of its 200 jumps' outcomes, and v(s) = −v(1001 − s).
        let walk = RandomWalk(states: 1000, leftReward: -1, maximumJump: 100)
        let values = [-1.0] + walk.trueValues + [1.0]
        for state in [1, 50, 100, 101, 500, 900, 1000] {
            let jumps = (1...100).flatMap { [max(state - $0, 0), min(state + $0, 1001)] }
            #expect(abs(values[state] - jumps.map { values[$0] }.reduce(0, +) / 200) < 1e-12)
            #expect(abs(values[state] + values[1001 - state]) < 1e-12)
        }
        #expect(values[1] < -0.9 && values[500] < 0 && values[500] > -0.01)
    }

    @Test func theOnPolicyDistributionSolvesEquations9_2And9_3() {
        // 3 states, jumps of 1 or 2, starting in 2: η(1) = η(2)/4 + η(3)/4, η(2) = 1 + η(1)/4 + η(3)/4,
        // η(1) = η(3): η = (2/5, 6/5, 2/5), two steps an episode, μ = (0.2, 0.6, 0.2).
        #expect(Self.close(RandomWalk(states: 3, leftReward: -1, maximumJump: 2).onPolicyDistribution, [0.2, 0.6, 0.2]))
        let mu = RandomWalk(states: 1000, leftReward: -1, maximumJump: 100).onPolicyDistribution
        #expect(abs(mu.reduce(0, +) - 1) < 1e-12 && mu.max() == mu[499])
        // Figure 9.1's marks: about 0.0137 at the start state, 0.0017 beside it.
        #expect(abs(mu[499] - 0.0137) < 0.0005 && abs(mu[450] - 0.0017) < 0.0002)
    }

    @Test func theLongJumpsLandOnTheEndsAndFollowTheSeed() {
        var walk = RandomWalk(states: 1000, leftReward: -1, maximumJump: 100)
        #expect(walk.reset(seed: 7) == 500)
        var positions: [Int] = []
        var step = walk.step(.left)
        positions.append(step.observation)
        while !step.terminated {
            step = walk.step(.left)
            positions.append(step.observation)
        }
        #expect(zip([500] + positions, positions).allSatisfy { (1...100).contains($0 - $1) || $1 == 0 })
        #expect(positions.last == 0 && step.reward == -1)
        var again = RandomWalk(states: 1000, leftReward: -1, maximumJump: 100)
        _ = again.reset(seed: 7)
        #expect(again.step(.left).observation == positions[0])
    }

    @Test func groupsAreRunsOfConsecutiveStates() {
        let groups = GroupAggregation(states: 1000, groups: 10)
        #expect([1, 100, 101, 500, 501, 1000].map(groups.group(of:)) == [0, 0, 1, 4, 5, 9])
        #expect(groups.activeFeatures(of: 250).indices.prefix(1) == [2])
    }

    @Test func tilingsAreShiftedGroups() {
        // 50 tilings of 200-state tiles shifted by 4 states, 6 tiles each: state 1 is in tile 0 of
        // every tiling; state 200 (position 199) in tile 0 of tiling 0, tile 1 of tilings 1...49.
        let tiling = IntervalTiling(states: 1000, tilings: 50, tileWidth: 200, offset: 4)
        #expect(tiling.tilesPerTiling == 6 && tiling.featureCount == 300 && tiling.stepSizeDivisor == 50)
        #expect(Array(tiling.activeFeatures(of: 1).indices.prefix(50)) == (0..<50).map { $0 * 6 })
        #expect(Array(tiling.activeFeatures(of: 200).indices.prefix(50)) == [0] + (1..<50).map { $0 * 6 + 1 })
        // The last state, position 999: tile 999 / 200 = 4 of tiling 0, 1003 / 200 = 5 of tiling 1.
        #expect(Array(tiling.activeFeatures(of: 1000).indices.prefix(2)) == [4, 11])
        // One tiling is aggregation.
        #expect(IntervalTiling(states: 1000, tilings: 1, tileWidth: 100, offset: 0).activeFeatures(of: 101).indices.prefix(1) == [1])
    }

    @Test func gradientMonteCarloIsTheBoxOnPage202() {
        // 1 → 2 → 3 → end (+1), α = 0.5, groups {1, 2} and {3, 4}; every G_t = 1, updates in order:
        // w₀ = 0 + 0.5 (1 − 0) = 0.5, then w₀ = 0.5 + 0.5 (1 − 0.5) = 0.75; w₁ = 0.5.
        var mc = GradientMonteCarlo<GroupAggregation, Move>(features: Self.halves, stepSize: 0.5)
        for transition in [Self.step(1, 2), Self.step(2, 3), Self.step(3, 5, reward: 1, terminal: true)] {
            mc.learn(from: transition)
        }
        #expect(mc.weights == [0, 0], "nothing moves before the episode ends")
        mc.endEpisode()
        #expect(mc.weights == [0.75, 0.5])
        #expect(mc.value(of: 2) == 0.75 && mc.value(of: 4) == 0.5)
    }

    @Test func semiGradientTDIsTheBoxesOnPages203And209() {
        // TD(0), α = 0.5, groups {1, 2}, {3, 4}: 1 → 2 → 3 → end (+1) twice.
        // First: only the last step moves, w₁ = 0.5. Second: 2 → 3 gives w₀ = 0.5 × 0.5 = 0.25, the
        // last step w₁ = 0.5 + 0.5 (1 − 0.5) = 0.75.
        let episode = [Self.step(1, 2), Self.step(2, 3), Self.step(3, 5, reward: 1, terminal: true)]
        var td = SemiGradientTemporalDifference<GroupAggregation, Move>(features: Self.halves, stepSize: 0.5)
        Self.play(&td, [episode])
        #expect(td.weights == [0, 0.5])
        Self.play(&td, [episode])
        #expect(td.weights == [0.25, 0.75])
        // n = 2: τ = 0: G = 0 + 0 + v̂(3) = 0; τ = 1 (T = 3): G = R₂ + R₃ = 1, w₀ = 0.5; after the
        // end, τ = 2: G = 1, w₁ = 0.5.
        var twoStep = SemiGradientTemporalDifference<GroupAggregation, Move>(features: Self.halves, steps: 2, stepSize: 0.5)
        Self.play(&twoStep, [episode])
        #expect(twoStep.weights == [0.5, 0.5])
    }

    @Test func offlineLambdaReturnIsEquations12_3And12_4() {
        // λ = 0.5, α = 0.5, one weight per state. 2 → 3 → 4 → end (+1), all values 0:
        // G^λ₂ = 1, G^λ₁ = ½ × 1 = 0.5, G^λ₀ = 0.25; w = (0, 0.125, 0.25, 0.5).
        var offline = OfflineLambdaReturn<GroupAggregation, Move>(features: Self.tabular, lambda: 0.5, stepSize: 0.5)
        Self.play(&offline, [Self.rightwards])
        #expect(offline.weights == [0, 0.125, 0.25, 0.5])
        // 3 → 2 → 1 → end (−1), bootstrapping from those weights: G^λ₂ = −1,
        // G^λ₁ = ½ v̂(1) + ½ (−1) = −0.5, G^λ₀ = ½ v̂(2) + ½ (−0.5) = −0.1875;
        // w₃ = 0.25 + 0.5 (−0.1875 − 0.25), w₂ = 0.125 + 0.5 (−0.5 − 0.125), w₁ = 0.5 × (−1).
        Self.play(&offline, [Self.leftwards])
        #expect(Self.close(offline.weights, [-0.5, -0.1875, 0.03125, 0.5]))
        // On one weight, revisited: G^λ = (1, 0, 0); w = 0.5, then 0.25, then 0.125.
        var single = OfflineLambdaReturn<GroupAggregation, Move>(features: Self.single, lambda: 0.5, stepSize: 0.5)
        Self.play(&single, [Self.revisiting])
        #expect(single.weights == [0.125])
    }

    @Test func offlineLambdaReturnWithLambdaOneIsGradientMonteCarlo() {
        var offline = OfflineLambdaReturn<GroupAggregation, Move>(features: Self.halves, lambda: 1, stepSize: 0.3)
        var mc = GradientMonteCarlo<GroupAggregation, Move>(features: Self.halves, stepSize: 0.3)
        let episodes = [Self.rightwards, Self.leftwards, Self.revisiting, Self.rightwards, Self.leftwards]
        Self.play(&offline, episodes)
        Self.play(&mc, episodes)
        #expect(offline.weights == mc.weights)
    }

    @Test func tdLambdaIsTheBoxOnPage293() {
        // One weight, λ = 0.5, α = 0.5: z = 1, δ = 1, w = 0.5; z = 1.5, δ = 0 + 0.5 − 0.5 = 0;
        // z = 1.75, δ = 0 − 0.5, w = 0.5 + 0.5 (−0.5) 1.75 = 0.0625.
        var td = TDLambda<GroupAggregation, Move>(features: Self.single, lambda: 0.5, stepSize: 0.5)
        for transition in Self.revisiting { td.learn(from: transition) }
        #expect(td.weights == [0.0625] && td.trace == [1.75])
        td.endEpisode()
        #expect(td.trace == [0], "the trace starts each episode at 0")
        // One weight per state: the first episode moves every state by its trace at the last δ = 1.
        var tabular = TDLambda<GroupAggregation, Move>(features: Self.tabular, lambda: 0.5, stepSize: 0.5)
        Self.play(&tabular, [Self.rightwards])
        #expect(tabular.weights == [0, 0.125, 0.25, 0.5])
    }

    @Test func trueOnlineTDLambdaIsTheBoxOnPage300() {
        // One weight, λ = 0.5, α = 0.5 (αγλ = 0.25):
        // step 1: V = 0, V′ = 0, δ = 1, z = 1, w = 0.5 (δ + V − V_old = 1), V_old = 0;
        // step 2: V = V′ = 0.5, δ = 0, z = 0.5 + (1 − 0.25 × 1) = 1.25,
        //         w = 0.5 + 0.5 (0 + 0.5) 1.25 − 0.5 × 0.5 = 0.5625, V_old = 0.5;
        // step 3: V = 0.5625, V′ = 0, δ = −0.5625, z = 0.625 + (1 − 0.25 × 1.25) = 1.3125,
        //         w = 0.5625 + 0.5 (−0.5625 + 0.0625) 1.3125 − 0.5 × 0.0625 = 0.203125.
        var online = TrueOnlineTDLambda<GroupAggregation, Move>(features: Self.single, lambda: 0.5, stepSize: 0.5)
        for transition in Self.revisiting { online.learn(from: transition) }
        #expect(Self.close(online.weights, [0.203125]) && Self.close(online.trace, [1.3125]))
        online.endEpisode()
        #expect(online.trace == [0])
    }

    @Test func withLambdaZeroTheTraceMethodsAreTDZero() {
        let walk = RandomWalk(states: 19, leftReward: -1)
        let oneHot = GroupAggregation(first: 0, states: 21, groups: 21)
        var tabular = TemporalDifference<Move>(initialValues: Array(repeating: 0, count: 21), stepSize: 0.3)
        var semiGradient = SemiGradientTemporalDifference<GroupAggregation, Move>(features: oneHot, stepSize: 0.3)
        var traces = TDLambda<GroupAggregation, Move>(features: oneHot, lambda: 0, stepSize: 0.3)
        var online = TrueOnlineTDLambda<GroupAggregation, Move>(features: oneHot, lambda: 0, stepSize: 0.3)
        for seed in UInt64(1)...5 {
            var world = walk, policy = EquiprobableWalk(seed: seed)
            var state = world.reset(seed: nil)
            while true {
                let move = policy.action(for: state)
                let step = world.step(move)
                let transition = Transition(
                    observation: state, action: move, reward: step.reward, nextObservation: step.observation,
                    terminated: step.terminated, truncated: false)
                tabular.learn(from: transition)
                semiGradient.learn(from: transition)
                traces.learn(from: transition)
                online.learn(from: transition)
                state = step.observation
                if step.terminated { break }
            }
            semiGradient.endEpisode()
            traces.endEpisode()
            online.endEpisode()
        }
        #expect(semiGradient.weights == tabular.values && traces.weights == tabular.values)
        #expect(Self.close(online.weights, tabular.values))
    }
}
