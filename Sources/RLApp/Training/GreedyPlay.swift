import Foundation
import RLCore
import RLTabular

/// Plays greedy episodes of a table on a world, seeded as `rl eval` seeds them: evaluation
/// serves derived from `seed`, the tie-breaking generator from the agent purpose.
func playGreedy<E: Environment>(
    _ table: QTable, on environment: inout E, episodes: Int, seed: UInt64, shouldStop: () -> Bool
) -> [EpisodeRecord<E.Counters>] where E.ObservationSpace: FiniteSpace {
    var agent = QLearningAgent(
        observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
        hyperparameters: Hyperparameters(learningRate: .constant(1), discount: 1, epsilon: .constant(0)),
        table: table, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
    return evaluate(
        &agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation),
        until: shouldStop)
}
