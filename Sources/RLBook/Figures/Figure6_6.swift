import RLApp
import RLTabular

/// Figure 6.6, printed as Figure 6.3 (p. 133): interim and asymptotic performance of Sarsa, Expected Sarsa and
/// Q-learning on Cliff Walking as a function of α, ε = 0.1. Interim: the mean sum of rewards of
/// the first 100 episodes, over 50,000 runs; asymptotic: of 100,000 episodes, over 10 runs.
enum Figure6_6 {
    static let alphas = (1...10).map { Double($0) / 10 }
    static let interimEpisodes = 100
    static let asymptoticEpisodes = 100_000
    /// `--quick`'s asymptotic runs: long enough to leave the first episodes behind.
    static let quickAsymptoticEpisodes = 2_000
    static let methods = [("Sarsa", "sarsa"), ("Expected Sarsa", "expected-sarsa"), ("Q-learning", "q-learning")]

    static func settings(_ alpha: Double) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(alpha), discount: 1, epsilon: .constant(0.1))
    }

    static func request(_ agent: String, episodes: Int) -> EpisodeCurveRequest {
        EpisodeCurveRequest(
            agent: agent, hyperparameters: alphas.map(settings), episodes: episodes, summary: .mean(over: 0..<episodes))
    }

    static func series(_ label: String, _ agent: String, asymptotic: Bool) -> BookSeries {
        asymptotic
            ? .world(
                "Asymptotic \(label)", world: "cliff-walking", flags: [("max-steps", "100000")], x: alphas,
                request(agent, episodes: asymptoticEpisodes), quick: request(agent, episodes: quickAsymptoticEpisodes),
                runDivisor: 5_000)
            : .world(
                "Interim \(label)", world: "cliff-walking", flags: [("max-steps", "100000")], x: alphas,
                request(agent, episodes: interimEpisodes))
    }

    static let figure = BookFigure(
        id: "6.6", printedAs: "Figure 6.3",
        title: "Interim and asymptotic performance of TD control methods on the cliff-walking task as a function of α",
        section: "§6.6 Expected Sarsa", page: 133, runs: 50_000, quickRuns: 40,
        settings:
            "Cliff Walking, no step cap, ε = 0.1, γ = 1, α 0.1-1.0; interim: the first 100 episodes, 50,000 runs; asymptotic: 100,000 episodes, 10 runs (--quick: 2,000 episodes, 2 runs)",
        series: [false, true].flatMap { asymptotic in methods.map { series($0.0, $0.1, asymptotic: asymptotic) } },
        panels: [BookPanel(title: "", xLabel: "α", yLabel: "Sum of rewards per episode", yRange: -160...0)],
        checks: [
            BookCheck(
                "asymptotic: Expected Sarsa above Sarsa at α = 1 (\"Expected Sarsa can safely set α = 1\")",
                .init("Asymptotic Expected Sarsa", x: 1...1), .above(.init("Asymptotic Sarsa", x: 1...1)), source: "text, p. 133"),
            BookCheck(
                "interim: Expected Sarsa above Sarsa over α = 0.1-1 (\"a significant improvement over Sarsa over a wide range of values for the step-size parameter α\")",
                .init("Interim Expected Sarsa", x: 0.1...1), .above(.init("Interim Sarsa", x: 0.1...1)), source: "text, p. 133"),
            BookCheck(
                "interim: Sarsa above Q-learning over α = 0.1-1 (Q-learning walks the edge and falls)",
                .init("Interim Sarsa", x: 0.1...1), .above(.init("Interim Q-learning", x: 0.1...1)), source: "Figure 6.3, p. 133"),
            BookCheck(
                "asymptotic: Expected Sarsa above Q-learning over α = 0.1-1",
                .init("Asymptotic Expected Sarsa", x: 0.1...1), .above(.init("Asymptotic Q-learning", x: 0.1...1)),
                source: "Figure 6.3, p. 133"),
        ])
}
