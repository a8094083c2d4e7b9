import RLCore
import RLExperiments
import RLMaze

extension BookSeries {
    /// An agent learning a maze (chapter 8): the steps of each of episodes `shown` (Figure 8.2
    /// leaves out the first episode), out of `shown.upperBound` episodes. Run `seed` seeds the
    /// agent with `derivedSeed(seed, purpose: agent)`; the maze itself draws nothing.
    public static func mazeEpisodes<A: Agent>(
        _ label: String, maze: Maze, shown: ClosedRange<Int>, agent: @escaping @Sendable (_ seed: UInt64) -> A
    ) -> BookSeries where A.Observation == Int, A.Action == MazeMove {
        BookSeries(label: label, x: shown.map(Double.init)) { seeds, _, sums in
            var steps = Array(repeating: 0.0, count: shown.count)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var world = maze
                var learner = agent(derivedSeed(seed, purpose: SeedPurpose.agent))
                _ = train(&learner, on: &world, episodes: shown.upperBound, seed: seed) { record in
                    if shown.contains(record.episode + 1) { steps[record.episode + 1 - shown.lowerBound] = Double(record.steps) }
                    return .proceed
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(steps)
            }
        }
    }

    /// An agent learning a maze for `steps` time steps, episode after episode (the last one cut
    /// where the steps end): the cumulative reward after each step (Figures 8.4 and 8.5). `quick`
    /// steps are played instead under `--quick`.
    public static func mazeRewards<A: Agent>(
        _ label: String, maze: Maze, steps: Int, agent: @escaping @Sendable (_ seed: UInt64) -> A
    ) -> BookSeries where A.Observation == Int, A.Action == MazeMove {
        BookSeries(label: label, x: (1...steps).map(Double.init)) { seeds, _, sums in
            var cumulative = Array(repeating: 0.0, count: steps)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var world = maze
                var learner = agent(derivedSeed(seed, purpose: SeedPurpose.agent))
                var total = 0.0, episode = 0, step = 0
                // The trainer's loop (`playEpisode`), with the run's time steps counted across
                // episodes and cut at `steps`.
                while step < steps {
                    learner.beginEpisode(step, of: steps)  // as `train(steps:)` does
                    learner.ownStorageForEpisode()
                    var observation = world.reset(seed: episode == 0 ? seed : nil)
                    var chosen: MazeMove?
                    while step < steps {
                        let action = chosen ?? learner.action(for: observation, mode: .training)
                        let outcome = world.step(action)
                        chosen = learner.learn(
                            from: Transition(
                                observation: observation, action: action, reward: outcome.reward, nextObservation: outcome.observation,
                                terminated: outcome.terminated, truncated: outcome.truncated))
                        total += outcome.reward
                        cumulative[step] = total
                        step += 1
                        observation = outcome.observation
                        if outcome.isLast { break }
                    }
                    episode += 1
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(cumulative)
            }
        }
    }
}
