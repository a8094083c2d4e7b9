import RLCore
import RLTabular
import Testing

@testable import RLPongDuel

@Suite struct AgainstFixedOpponentTests {
    typealias Table = QLearningAgent<PongDuelObservationSpace, PongDuelActionSpace>

    /// Training through the single-agent view is the two-agent trainer with a fixed side:
    /// the same games, step for step, and the same table at the end.
    @Test(arguments: [Side.left, .right])
    func theSingleAgentViewPlaysTheSameGames(side: Side) throws {
        let configuration = PongDuelConfiguration.fast
        let bins = PongDuelObservationSpace(configuration: configuration)
        let hyperparameters = Hyperparameters(learningRate: .constant(0.2), discount: 0.9, epsilon: .constant(0.1))
        let world = try PongDuel(configuration: configuration)
        let script = PongDuelScript(.random, configuration: configuration, seed: 8)

        var viewLearner = Table(observationSpace: bins, actionSpace: world.actionSpace, hyperparameters: hyperparameters, seed: 2)
        var view = AgainstFixedOpponent(world, opponent: script, side: side, observing: bins)
        var viewRecords: [EpisodeRecord<PongDuelCounters>] = []
        _ = train(&viewLearner, on: &view, episodes: 30, seed: 4) {
            viewRecords.append($0); return .proceed
        }

        var pairLearner = MappedAgent(
            Table(observationSpace: bins, actionSpace: world.actionSpace, hyperparameters: hyperparameters, seed: 2), mapping: bins)
        var opponent = script
        var pairWorld = world
        var pairRecords: [TwoAgentEpisodeRecord<PongDuelCounters>] = []
        if side == .left {
            _ = trainTwoAgents(
                &pairLearner, &opponent, on: &pairWorld, modes: Pair(left: .training, right: .evaluation),
                episodes: 30, seed: 4
            ) {
                pairRecords.append($0); return .proceed
            }
        } else {
            _ = trainTwoAgents(
                &opponent, &pairLearner, on: &pairWorld, modes: Pair(left: .evaluation, right: .training),
                episodes: 30, seed: 4
            ) {
                pairRecords.append($0); return .proceed
            }
        }
        #expect(viewRecords.map(\.counters) == pairRecords.map(\.counters))
        #expect(viewRecords.map(\.totalReward) == pairRecords.map { $0.returns[side] })
        #expect(viewRecords.map(\.steps) == pairRecords.map(\.steps))
        #expect(viewLearner.table == pairLearner.base.table)
        try checkEnvironment(view)
    }

    @Test func itResumesWithTheWorldsAndTheOpponentsGenerators() throws {
        let configuration = PongDuelConfiguration.classic
        let bins = PongDuelObservationSpace(configuration: configuration)
        var view = AgainstFixedOpponent(
            try PongDuel(configuration: configuration),
            opponent: PongDuelScript(.random, configuration: configuration, seed: 3), observing: bins)
        _ = view.reset(seed: 1)
        for _ in 0..<100 { _ = view.step(.up) }
        let saved = view.generatorState
        #expect(saved.count == 8)
        var copy = view
        copy.generatorState = saved
        let a = (0..<500).map { _ in view.step(.down).observation }
        let b = (0..<500).map { _ in copy.step(.down).observation }
        #expect(a == b)
    }
}
