import Foundation
import RLCore
import RLExperiments
import RLMaze
import RLTabular

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

extension BookSeries {
    /// Example 8.4: for each grid resolution `factor` of `layout`, the Q updates an agent makes
    /// until its greedy path from the start (ties to the lowest action) reaches the goal within
    /// 1.2 times the shortest path (Zhang's relaxed test; the book says "optimal solution"),
    /// checked after every episode; drawn as log₁₀ of the updates. A run that has not found it
    /// after `maxEpisodes` episodes counts the updates made by then.
    /// - Parameters:
    ///   - updates: the agent's updates so far, given it and the real steps taken.
    public static func mazeUpdatesUntilOptimal<A: EpsilonGreedyAgent>(
        _ label: String, layout: Maze.Layout, factors: [Int], shortest: Int, maxEpisodes: Int = 10_000,
        agent: @escaping @Sendable (_ maze: Maze, _ seed: UInt64) -> A, updates: @escaping @Sendable (_ agent: A, _ steps: Int) -> Int
    ) -> BookSeries where A.Observation == Int, A.Action == MazeMove {
        let mazes = factors.map { Maze(layout.scaled(by: $0)) }
        let x = mazes.map { Double($0.layout.walls.count { !$0 }) }
        return BookSeries(label: label, x: x) { seeds, _, sums in
            var points = Array(repeating: 0.0, count: mazes.count)
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                for (index, maze) in mazes.enumerated() {
                    var world = maze
                    var learner = agent(maze, derivedSeed(seed, purpose: SeedPurpose.agent))
                    var steps = 0
                    let limit = Int(1.2 * Double(shortest * factors[index]))
                    _ = train(&learner, on: &world, episodes: maxEpisodes, seed: seed) { record, trained in
                        steps += record.steps
                        return greedyPathReaches(trained.table, maze, within: limit) ? .stop : .proceed
                    }
                    points[index] = log10(Double(max(1, updates(learner, steps))))
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}

/// Whether the greedy policy of `table` (ties to the lowest action) walks from the maze's start to
/// its goal within `limit` steps.
func greedyPathReaches(_ table: QTable, _ maze: Maze, within limit: Int) -> Bool {
    var cell = maze.layout.start
    for _ in 0..<limit {
        let best = table.maxValue(in: cell)
        let action = (0..<4).first { table[cell, $0] == best }!
        let (next, _, terminated) = Maze.result(of: MazeMove(rawValue: action)!, from: cell, in: maze.layout, walls: maze.walls)
        if terminated { return true }
        cell = next
    }
    return false
}
