import RLCore
import RLTabular
import Testing

@testable import RLPongDuel

@Suite struct PongDuelLearningTests {
    typealias Table = QLearningAgent<PongDuelObservationSpace, PongDuelActionSpace>

    /// The left side's share of the points over paired greedy games against `opponent`.
    func pointShare<A: Agent>(_ player: A, against opponent: PongDuelScript, world: PongDuel, games: Int) -> Double
    where A.Observation == PongDuelPositions, A.Action == PongDuelAction {
        var player = player, opponent = opponent, world = world
        let records = evaluateTwoAgents(&player, &opponent, on: &world, episodes: games, seed: 77)
        let won = records.reduce(0) { $0 + $1.counters.points.left }, lost = records.reduce(0) { $0 + $1.counters.points.right }
        return Double(won) / Double(won + lost)
    }

    /// A table on the left learns, through the bins, to take points off a random right side;
    /// the random side does not learn. Bins 6 pixels wide (10,368 states) so that 1000 games
    /// (335,000 steps) are enough; the reward is the score alone. Fixed seeds: a quality
    /// test, not a timing test. Measured: 52% of the points before, 85% after.
    @Test func aTableLearnsToBeatRandom() throws {
        var configuration = PongDuelConfiguration.classic
        configuration.binWidth = 6
        var world = try PongDuel(configuration: configuration)
        let bins = PongDuelObservationSpace(configuration: configuration)
        let hyperparameters = Hyperparameters(
            learningRate: .constant(0.2), discount: 0.95, epsilon: .linear(from: 0.2, to: 0.02, over: 0.8))
        var learner = MappedAgent(
            Table(observationSpace: bins, actionSpace: world.actionSpace, hyperparameters: hyperparameters, seed: 3),
            mapping: bins)
        var opponent = PongDuelScript(.random, configuration: configuration, seed: 4)
        let before = pointShare(learner, against: opponent, world: world, games: 30)
        let result = trainTwoAgents(
            &learner, &opponent, on: &world, modes: Pair(left: .training, right: .evaluation), episodes: 1000, seed: 5)
        let after = pointShare(learner, against: opponent, world: world, games: 30)
        #expect(result.episodes == 1000 && world.counters.points.left + world.counters.points.right > 0)
        #expect(after > before + 0.15)
        #expect(after > 0.7)
    }
}

@Suite struct PongDuelExampleTests {
    /// docs/PONG-DUEL.md's example, with fewer games.
    @Test func theDocumentedExampleRuns() throws {
        let configuration = PongDuelConfiguration.fast
        var world = try PongDuel(configuration: configuration)
        let bins = PongDuelObservationSpace(configuration: configuration)
        var table = MappedAgent(
            QLearningAgent(observationSpace: bins, actionSpace: world.actionSpace, hyperparameters: .tutorial, seed: 1),
            mapping: bins)
        var opponent = PongDuelScript(.predictor, configuration: configuration)
        _ = trainTwoAgents(
            &table, &opponent, on: &world, modes: Pair(left: .training, right: .evaluation),
            episodes: 20, seed: 1)
        let games = evaluateTwoAgents(&table, &opponent, on: &world, episodes: 5, seed: 2)
        let pointsWon = games.reduce(0) { $0 + $1.counters.points.left }
        #expect(games.count == 5 && pointsWon >= 0)
        #expect(table.base.table.values.contains { $0 != 0 })
        try checkTwoAgentEnvironment(world)
    }
}
