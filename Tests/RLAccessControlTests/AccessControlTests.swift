import RLAccessControl
import RLCore
import Testing

/// Example 10.2's queue: one step worked by hand, the model's binomial departures, the contract,
/// and the number of free servers a fixed policy leaves, sampled against the model's stationary
/// distribution.
@Suite struct AccessControlTests {
    @Test func anAcceptedCustomerPaysItsPriorityAndTakesAServer() {
        var queue = AccessControl()
        let start = AccessControlState(freeServers: 3, priority: .four)
        #expect(queue.reset(from: start, seed: 7) == start)
        let step = queue.step(.accept)
        // By hand: 3 − 1 = 2 free, so 8 busy servers each draw one uniform number and those
        // below p = 0.06 come free; then the next priority is drawn from four.
        var generator = Xoshiro256StarStar(seed: 7)
        var free = 2
        for _ in 0..<8 where generator.nextUnitDouble() < 0.06 { free += 1 }
        let priority = AccessControlPriority(rawValue: generator.nextIndex(below: 4))!
        #expect(step.reward == 4 && !step.terminated && !step.truncated)
        #expect(step.observation == AccessControlState(freeServers: free, priority: priority))
        #expect(queue.counters.accepted == 1 && queue.counters.turnedAway == 0)
    }

    @Test func withNoFreeServerEveryCustomerIsRejected() {
        var queue = AccessControl()
        _ = queue.reset(from: AccessControlState(freeServers: 0, priority: .eight), seed: 1)
        let step = queue.step(.accept)
        #expect(step.reward == 0 && queue.counters.accepted == 0 && queue.counters.turnedAway == 1)
        #expect(step.observation.freeServers <= 10)
        let rejected = queue.step(.reject)
        #expect(rejected.reward == 0)
    }

    @Test func aResetFreesEveryServer() {
        var queue = AccessControl(seed: 3)
        #expect(queue.reset(seed: 3).freeServers == 10)
        let priorities = Set((0..<200).map { _ in queue.reset().priority })
        #expect(priorities.count == 4)
    }

    /// Worked by hand: from 9 free servers, rejecting leaves 1 busy server, free again with
    /// p = 0.06; accepting a priority-8 customer leaves 2 busy, so 8, 9 or 10 free with
    /// 0.94², 2 × 0.06 × 0.94 and 0.06²; each next priority has a quarter of that.
    @Test func theModelsDeparturesAreBinomial() {
        let queue = AccessControl(), model = queue.model, space = queue.observationSpace
        func probability(from state: AccessControlState, _ action: AccessControlAction, to free: Int, reward: Double) -> Double {
            model.outcomes(from: space.index(of: state), taking: action.rawValue).filter {
                space.element(at: $0.nextState) == AccessControlState(freeServers: free, priority: .two) && $0.reward == reward
            }.map(\.probability).reduce(0, +)
        }
        let nine = AccessControlState(freeServers: 9, priority: .one)
        #expect(abs(probability(from: nine, .reject, to: 9, reward: 0) - 0.94 / 4) < 1e-15)
        #expect(abs(probability(from: nine, .reject, to: 10, reward: 0) - 0.06 / 4) < 1e-15)
        let eight = AccessControlState(freeServers: 9, priority: .eight)
        #expect(abs(probability(from: eight, .accept, to: 8, reward: 8) - 0.94 * 0.94 / 4) < 1e-15)
        #expect(abs(probability(from: eight, .accept, to: 9, reward: 8) - 2 * 0.06 * 0.94 / 4) < 1e-15)
        #expect(abs(probability(from: eight, .accept, to: 10, reward: 8) - 0.06 * 0.06 / 4) < 1e-15)
        // No free server: accepting is rejecting.
        let full = space.index(of: AccessControlState(freeServers: 0, priority: .eight))
        #expect(model.outcomes(from: full, taking: 1) == model.outcomes(from: full, taking: 0))
    }

    @Test func itKeepsTheContractAndItsModel() throws {
        // A continuing task: a TimeLimit gives the checker its episodes.
        try checkEnvironment(TimeLimit(AccessControl(), maxSteps: 500), seed: 3)
        try checkModel(of: AccessControl(), seed: 3, episodes: 20, maxSteps: 2_000)
    }

    /// The policy that accepts priorities 4 and 8 whenever a server is free: the share of steps
    /// spent with each number of free servers, over 400,000 steps, against the stationary
    /// distribution of the chain the model gives (by power iteration). The steps are correlated
    /// (a server stays busy about 17 steps), so the tolerance is wide: 0.01 on each share.
    @Test func theFreeServersFollowTheModelsStationaryDistribution() {
        var queue = AccessControl()
        let space = queue.observationSpace, model = queue.model
        func action(_ state: AccessControlState) -> AccessControlAction {
            state.priority.rawValue >= AccessControlPriority.four.rawValue ? .accept : .reject
        }
        var distribution = model.initialDistribution
        for _ in 0..<1_000 {
            var next = Array(repeating: 0.0, count: space.count)
            for state in 0..<space.count where distribution[state] > 0 {
                for outcome in model.outcomes(from: state, taking: action(space.element(at: state)).rawValue) {
                    next[outcome.nextState] += distribution[state] * outcome.probability
                }
            }
            distribution = next
        }
        let exact = (0...10).map { free in (0..<4).map { distribution[free * 4 + $0] }.reduce(0, +) }

        var counts = Array(repeating: 0, count: 11)
        var state = queue.reset(seed: 11)
        let steps = 400_000
        for _ in 0..<steps {
            counts[state.freeServers] += 1
            state = queue.step(action(state)).observation
        }
        for free in 0...10 {
            let sampled = Double(counts[free]) / Double(steps)
            #expect(abs(sampled - exact[free]) < 0.01, "\(free) free: sampled \(sampled), model \(exact[free])")
        }
        // Half the customers are accepted when a server is free; ten servers, each busy about
        // 1/0.06 steps, are rarely all free.
        #expect(exact[10] < 0.01 && abs(exact.reduce(0, +) - 1) < 1e-12)
    }
}
