import RLCore
import RLExperiments
import RLPlanning
import RLRandomTask

extension BookSeries {
    /// How Figure 8.8 distributes its expected updates.
    public enum UpdateDistribution: Sendable {
        case uniform
        case onPolicy
    }

    /// Figure 8.8: planning by expected updates on a random task of `states` states and
    /// `branches` branches (drawn from `derivedSeed(seed, purpose: training)`, so that both
    /// distributions of a run meet the same task), distributed uniformly or along ε-greedy
    /// trajectories (ε = 0.1, drawn from `derivedSeed(seed, purpose: agent)`); the value of the
    /// start state under the greedy policy, computed exactly, after every `every` updates up to
    /// `updates`. `--quick` plays tasks `quickScale` times smaller for `quickScale` times fewer
    /// updates, each point drawn at the full run's x (a debug build is too slow for the book's).
    public static func trajectorySampling(
        _ label: String, states fullStates: Int, branches: Int, distribution: UpdateDistribution, updates: Int, every: Int,
        quickScale: Int = 10
    ) -> BookSeries {
        let shown = Array(stride(from: 0, through: updates, by: every))
        return BookSeries(label: label, x: shown.map(Double.init)) { seeds, quick, sums in
            var points = Array(repeating: 0.0, count: shown.count)
            let states = quick ? fullStates / quickScale : fullStates
            let scale = quick ? quickScale : 1
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let task = RandomTask(states: states, branches: branches, seed: derivedSeed(seed, purpose: SeedPurpose.training))
                var planner = ExpectedUpdatePlanner(model: task.model)
                var uniform = UniformSweep()
                var trajectories = OnPolicyTrajectories(
                    start: RandomTask.start, epsilon: 0.1, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
                var evaluation = GreedyPolicyEvaluation(states: states)
                for (index, point) in shown.enumerated() {
                    while planner.updates < point / scale {
                        switch distribution {
                        case .uniform: uniform.update(&planner)
                        case .onPolicy: trajectories.update(&planner)
                        }
                    }
                    points[index] = evaluation.value(of: planner, from: RandomTask.start)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}
