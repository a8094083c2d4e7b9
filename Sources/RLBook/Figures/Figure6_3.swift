import RLCore
import RLPlanning
import RLTabular
import RLWindyGridworld

/// Example 6.5's figure (p. 130), the Figure 6.3: Sarsa on the windy gridworld, ε = 0.1,
/// α = 0.5, γ = 1, Q0 = 0, the episodes completed against the time steps taken, to 8000 steps.
/// The book shows one run. A second panel, not in the book, shows the length of the episode
/// under way at each step, and beside it the exact expected length of ε-greedy episodes around
/// an optimal policy: the text's "about 17 steps". Sarsa's runs here are not all there by step
/// 8000 (200 runs: 23.5 steps an episode over the last 1000 steps; the book's one run was).
enum Figure6_3 {
    static let steps = 8000
    static let settings = Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.1))

    /// Episodes completed by each time step 0...steps, then the length of the episode each step belongs to.
    static func run(seed: UInt64) -> [Double] {
        var world = WindyGridworld()
        var agent = SarsaAgent(
            observationSpace: world.observationSpace, actionSpace: world.actionSpace, hyperparameters: settings,
            settings: NoAgentSettings(), seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        var ends: [Int] = []
        var taken = 0
        _ = train(&agent, on: &world, episodes: Int.max, seed: derivedSeed(seed, purpose: SeedPurpose.training)) { record in
            taken += record.steps
            ends.append(taken)
            return taken >= steps ? .stop : .proceed
        }
        var completed = Array(repeating: 0.0, count: steps + 1), length = Array(repeating: 0.0, count: steps + 1)
        var episode = 0
        for step in 0...steps {
            while episode < ends.count && ends[episode] <= step { episode += 1 }
            completed[step] = Double(episode)
            // Step t (from 1) belongs to the first episode ending at t or later.
            let owner = ends.firstIndex { $0 >= max(step, 1) } ?? ends.count - 1
            length[step] = Double(ends[owner] - (owner == 0 ? 0 : ends[owner - 1]))
        }
        return completed + length
    }

    static let sarsa = "Sarsa, ε = 0.1, α = 0.5"
    static let exploring = "ε-greedy around the optimal policy (exact)"

    /// The expected steps from the start of the ε-greedy policy around an optimal one (ties
    /// among greedy moves shared): what "continued ε-greedy exploration" costs once the greedy
    /// policy is optimal. From the model: value iteration, then the policy's expected episode
    /// length swept to convergence.
    static let exploringLength: Double = {
        let model = WindyGridworld().model, epsilon = 0.1
        let optimal = valueIteration(model, discount: 1).values
        let actions = 0..<model.actionCount
        let probabilities = (0..<model.stateCount).map { state -> [Double] in
            let values = actions.map { model.actionValue(state: state, action: $0, values: optimal, discount: 1) }
            let best = values.max()!
            let greedy = actions.filter { values[$0] >= best - 1e-9 }
            return actions.map { epsilon / Double(actions.count) + (greedy.contains($0) ? (1 - epsilon) / Double(greedy.count) : 0) }
        }
        var length = Array(repeating: 0.0, count: model.stateCount)
        for _ in 0..<100_000 {
            var change = 0.0
            for state in 0..<model.stateCount where state != WindyGridworld.goal {
                var expected = 1.0
                for action in actions {
                    for outcome in model.outcomes(from: state, taking: action) where !outcome.terminated {
                        expected += probabilities[state][action] * outcome.probability * length[outcome.nextState]
                    }
                }
                change = max(change, abs(expected - length[state]))
                length[state] = expected
            }
            if change < 1e-12 { break }
        }
        return length[WindyGridworld.start]
    }()

    static let figure = BookFigure(
        id: "6.3", printedAs: "Example 6.5's figure",
        title: "Results of Sarsa applied to a gridworld in which movement is altered by a crosswind",
        section: "§6.4 Sarsa: On-policy TD Control (Example 6.5)", page: 130, runs: 1, quickRuns: 1,
        settings:
            "7 × 10 grid, wind 0 0 0 1 1 1 2 2 1 0 upward, -1 a step, four moves; Sarsa ε = 0.1, α = 0.5, γ = 1, Q0 = 0; one run of 8000 steps",
        series: [
            BookSeries(label: sarsa, x: (0...steps).map(Double.init), measures: 2) { seeds, _, sums in
                let clock = ContinuousClock()
                for seed in seeds {
                    let start = clock.now
                    let values = run(seed: seed)
                    sums.secondsInRuns += seconds(clock.now - start)
                    sums.add(values)
                }
            },
            // Both measures alike, so that it can stand in the second panel.
            BookSeries(label: exploring, x: (0...steps).map(Double.init), measures: 2) { seeds, _, sums in
                for _ in seeds { sums.add(Array(repeating: exploringLength, count: 2 * (steps + 1))) }
            },
        ],
        panels: [
            BookPanel(title: "", xLabel: "Time steps", yLabel: "Episodes", series: [sarsa], yRange: 0...200),
            BookPanel(
                title: "Not in the book: the length of the episode under way (cut at 100)", xLabel: "Time steps",
                yLabel: "Steps in the episode",
                measure: 1, yRange: 0...100),
        ],
        checks: [
            BookCheck(
                "episodes completed by step 8000, about 170 as the figure's one run ends (200 runs here: 160.6 on average, standard deviation 10)",
                .init(sarsa, x: 8000...8000), .value(170, reading: 30), source: "Example 6.5's figure, p. 130"),
            BookCheck(
                "ε-greedy exploration around the optimal policy averages about 17 steps an episode, \"two more than the minimum of 15\"",
                .init(exploring, panel: 1, x: 0...0), .value(17, reading: 0.5), source: "text, p. 130"),
            BookCheck(
                "Sarsa's episodes shorten: the last 1000 steps' episodes shorter than the first 1000 steps'",
                .init(sarsa, panel: 1, x: 1...1000), .above(.init(sarsa, panel: 1, x: 7001...8000)), source: "Example 6.5's figure, p. 130"),
        ])
}
