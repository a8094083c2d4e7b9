import RLBlackjack
import RLCore
import RLPrediction

/// Figure 5.3 (p. 106, Example 5.4): off-policy estimation of the value of one Blackjack state
/// (the dealer shows a deuce, the player's sum is 13 with a usable ace) under the target policy
/// that sticks only on 20 or 21, from episodes of the random behaviour policy that start there:
/// the mean squared error of ordinary and weighted importance sampling after each of 10,000
/// episodes, over 100 runs. The true value, −0.27726, is the book's (the average of 100 million
/// episodes of the target policy); the plain rules' model, exact here as no natural can follow
/// this start, gives −0.277204, within the book's sampling error.
enum Figure5_3 {
    static let episodes = 10_000
    static let trueValue = -0.27726
    static let start = BlackjackObservation(playerSum: 13, dealerCard: 2, usableAce: true)

    /// The estimate after each episode of one run. Run `seed` deals from
    /// `derivedSeed(seed, purpose: training)` and draws the behaviour's actions from
    /// `derivedSeed(seed, purpose: agent)`, so both estimators see the same episodes.
    static func estimates(seed: UInt64, sampling: ImportanceSampling, into errors: inout [Double]) {
        var blackjack = Blackjack(sab: true)
        var behaviour = RandomBlackjackPolicy(seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        // π(a|s) / b(a|s): 2 for the target's action, 0 for the other.
        var estimator = OffPolicyMonteCarlo<BlackjackSpace, BlackjackAction>(space: BlackjackSpace(), sampling: sampling) {
            SticksOnTwentyOrTwentyOne.probability(of: $1, in: $0) / RandomBlackjackPolicy.probability
        }
        for episode in 0..<episodes {
            var observation = blackjack.reset(from: start, seed: episode == 0 ? derivedSeed(seed, purpose: SeedPurpose.training) : nil)
            while true {
                let action = behaviour.action(for: observation)
                let step = blackjack.step(action)
                estimator.learn(
                    from: Transition(
                        observation: observation, action: action, reward: step.reward, nextObservation: step.observation,
                        terminated: step.terminated, truncated: step.truncated))
                observation = step.observation
                if step.terminated || step.truncated { break }
            }
            estimator.endEpisode()
            let error = estimator.value(of: start) - trueValue
            errors[episode] = error * error
        }
    }

    static func series(_ label: String, _ sampling: ImportanceSampling) -> BookSeries {
        BookSeries(label: label, x: (1...episodes).map(Double.init)) { seeds, _, sums in
            let clock = ContinuousClock()
            var errors = Array(repeating: 0.0, count: episodes)
            for seed in seeds {
                let start = clock.now
                estimates(seed: seed, sampling: sampling, into: &errors)
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(errors)
            }
        }
    }

    static let ordinary = "Ordinary importance sampling", weighted = "Weighted importance sampling"

    static let figure = BookFigure(
        id: "5.3", title: "Weighted importance sampling produces lower error estimates of the value of a single blackjack state",
        section: "§5.5 Off-policy Prediction via Importance Sampling (Example 5.4)", page: 106, runs: 100, quickRuns: 20,
        settings:
            "Blackjack as in Figure 5.1, every episode from dealer 2, player 13 with a usable ace; target: stick on 20 or 21; behaviour: hit or stick at random; first-visit ordinary and weighted importance sampling; true value -0.27726; 100 runs of 10,000 episodes",
        series: [series(ordinary, .ordinary), series(weighted, .weighted)],
        panels: [
            BookPanel(
                title: "", xLabel: "Episodes (log scale)", yLabel: "Mean square error (average over 100 runs)", xScale: .logarithmic10,
                yRange: 0...5)
        ],
        checks: [
            BookCheck(
                "weighted below ordinary over episodes 1-1000 (\"much lower error at the beginning\")",
                .init(ordinary, x: 1...1000), .above(.init(weighted, x: 1...1000)), source: "text, p. 106"),
            BookCheck(
                "ordinary importance sampling's error approaches zero: episodes 9001-10,000",
                .init(ordinary, x: 9001...10_000), .value(0, reading: 0.02), source: "Figure 5.3 and text, p. 106"),
            BookCheck(
                "weighted importance sampling's error approaches zero: episodes 9001-10,000",
                .init(weighted, x: 9001...10_000), .value(0, reading: 0.01), source: "Figure 5.3 and text, p. 106"),
        ])
}
