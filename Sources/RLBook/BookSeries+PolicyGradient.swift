import RLCore
import RLExperiments

extension BookSeries {
    /// An episodic agent learning a world from scratch (chapter 13's REINFORCE): the total reward
    /// of each of `episodes` episodes, the agent learning after each (RLCore's
    /// `train(episodic:)`). Run `seed` seeds the agent with `derivedSeed(seed, purpose: agent)`
    /// and resets the world with `seed`.
    public static func episodicReturns<E: Environment & Sendable, A: EpisodicAgent>(
        _ label: String, world: E, episodes: Int, agent: @escaping @Sendable (_ seed: UInt64) -> A
    ) -> BookSeries where A.Observation == E.Observation, A.Action == E.Action {
        BookSeries(label: label, x: (1...episodes).map(Double.init)) { seeds, _, sums in
            var totals = Array(repeating: 0.0, count: episodes)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var environment = world
                var learner = agent(derivedSeed(seed, purpose: SeedPurpose.agent))
                _ = train(episodic: &learner, on: &environment, episodes: episodes, seed: seed) { record in
                    totals[record.episode] = record.totalReward
                    return .proceed
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(totals)
            }
        }
    }
}
