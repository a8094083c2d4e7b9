import Foundation
import RLCore

/// The folder of Gymnasium's dumped models, written by `scripts/gymnasium-golden`.
public let gymnasiumFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/gymnasium")

/// Reads one golden file, `Tests/Fixtures/gymnasium/<name>.json`.
public func loadFixture<Fixture: Decodable>(_ name: String, as type: Fixture.Type = Fixture.self) throws -> Fixture {
    let data = try Data(contentsOf: gymnasiumFixtures.appendingPathComponent("\(name).json"))
    return try JSONDecoder().decode(Fixture.self, from: data)
}

/// One entry of Gymnasium's `P[state][action]`, stored as `[probability, next_state, reward, terminated]`.
public struct GoldenOutcome: Decodable, Sendable {
    public let probability: Double
    public let nextState: Int
    public let reward: Double
    public let terminated: Bool

    public init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        probability = try fields.decode(Double.self)
        nextState = try fields.decode(Int.self)
        reward = try fields.decode(Double.self)
        terminated = try fields.decode(Bool.self)
    }
}

/// A world's model as Gymnasium built it.
public struct GoldenModel: Decodable, Sendable {
    /// Package versions of the dump (`gymnasium`, `numpy`).
    public let versions: [String: String]
    public let environment: String
    public let states: Int
    public let actions: Int
    /// `initial_state_distrib`.
    public let initial: [Double]
    /// `P[state][action]`, outcomes in Gymnasium's order.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // Gymnasium's own name for the model, kept so the two read alike.
    public let P: [[[GoldenOutcome]]]
}

/// The differences between our model and Gymnasium's, at most `limit` of them, one line each;
/// none means they agree.
///
/// Outcomes are compared entry by entry in Gymnasium's order (we list them as Gymnasium does,
/// duplicates not merged): the same next state, reward and termination, and probabilities
/// within `tolerance`. So is the initial distribution.
public func differences(between model: TabularModel, and golden: GoldenModel, tolerance: Double = 1e-12, limit: Int = 10) -> [String] {
    var found: [String] = []
    func note(_ line: String) { if found.count < limit { found.append(line) } }
    guard model.stateCount == golden.states, model.actionCount == golden.actions else {
        return ["\(model.stateCount) states and \(model.actionCount) actions; Gymnasium has \(golden.states) and \(golden.actions)"]
    }
    for (state, (ours, theirs)) in zip(model.initialDistribution, golden.initial).enumerated() where abs(ours - theirs) > tolerance {
        note("initial probability of state \(state): \(ours), Gymnasium \(theirs)")
    }
    for state in 0..<golden.states {
        for action in 0..<golden.actions {
            let ours = Array(model.outcomes(from: state, taking: action)), theirs = golden.P[state][action]
            guard ours.count == theirs.count else {
                note("state \(state), action \(action): \(ours.count) outcomes, Gymnasium \(theirs.count)")
                continue
            }
            for (index, (mine, gold)) in zip(ours, theirs).enumerated() {
                if mine.nextState != gold.nextState || mine.reward != gold.reward || mine.terminated != gold.terminated
                    || abs(mine.probability - gold.probability) > tolerance
                {
                    note(
                        "state \(state), action \(action), outcome \(index): \(mine), Gymnasium (\(gold.probability), \(gold.nextState), \(gold.reward), \(gold.terminated))"
                    )
                }
            }
        }
    }
    return found
}

/// Blackjack episodes replayed through Gymnasium from fixed cards.
public struct GoldenBlackjack: Decodable, Sendable {
    public struct Episode: Decodable, Sendable {
        public let natural: Bool
        public let sab: Bool
        /// The cards Gymnasium drew, in order (dealer, dealer, player, player, then hits and the dealer's draws).
        public let cards: [Int]
        public let actions: [Int]
        /// `[player_sum, dealer_card, usable_ace]` after reset and after each step.
        public let observations: [[Int]]
        public let rewards: [Double]
        public let terminated: [Bool]
    }
    public let versions: [String: String]
    public let episodes: [Episode]
}

/// Planning answers computed with NumPy by the golden script.
public struct GoldenPlanning: Decodable, Sendable {
    public struct Plan: Decodable, Sendable {
        public let name: String
        public let model: String
        public let discount: Double
        public let steps: Int
        /// Optimal discounted values (value iteration to a change below 1e-14).
        public let values: [Double]
        /// `actionValues[s][a]` under those values.
        public let actionValues: [[Double]]
        public let greedyPolicy: [Int]
        /// The greedy policy's expected undiscounted return within `steps` steps.
        public let greedyPolicyReturn: Double
        /// The always-action-0 policy's expected undiscounted return within `steps` steps.
        public let actionZeroReturn: Double
        /// The best expected undiscounted return within `steps` steps.
        public let optimalReturn: Double
    }
    public let versions: [String: String]
    public let plans: [Plan]
}
