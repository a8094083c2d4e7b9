import Foundation
import Testing

/// `rl predict` through the real binary: prediction of the random policy, measured against v_π
/// worked out by hand.
@Suite struct PredictCommandTests {
    /// The short corridor (Example 13.1) under the equiprobable policy, by hand: v₀ = −1 + ½v₁ + ½v₀,
    /// v₁ = −1 + ½v₀ + ½v₂ (its actions are switched), v₂ = −1 + ½v₁ (right reaches the goal),
    /// so v₁ = −10, v₀ = −12 (the book's −12 at p = ½), v₂ = −6.
    static let corridorValues = [-12.0, -10.0, -6.0]

    @Test(arguments: ["td", "n-step-td", "monte-carlo", "first-visit-monte-carlo"])
    func everyMethodLearnsTheCorridorsValues(method: String) throws {
        let run = try RL.run([
            "predict", "--env", "short-corridor", "--method", method, "--step-size", "0.01", "--episodes", "1000", "--runs", "20", "--json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(run.json)
        #expect(json["states"] as? [Int] == [0, 1, 2])
        let truth = try #require(json["true_values"] as? [Double])
        for (value, expected) in zip(truth, Self.corridorValues) { #expect(abs(value - expected) < 1e-9) }
        let values = try #require(json["values"] as? [Double])
        for (value, expected) in zip(values, Self.corridorValues) { #expect(abs(value - expected) < 1.0, "\(method): \(values)") }
        let errors = try #require(json["rms_error"] as? [Double])
        #expect(errors.count == 1000 && errors[999] < errors[0] / 4, "\(method): \(errors.first ?? 0) → \(errors.last ?? 0)")
    }

    @Test func theSameSeedGivesTheSameBytesAndTheTextSaysWhatRan() throws {
        let arguments = ["predict", "--env", "frozen-lake", "--method", "n-step-td", "--n", "3", "--episodes", "50", "--runs", "5"]
        let first = try RL.run(arguments), second = try RL.run(arguments)
        #expect(first.status == 0 && first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.contains("n-step-td, n 3, step size 0.1"))
        #expect(first.standardOutput.contains("after episode 50:"))
        let other = try RL.run(arguments + ["--seed", "2"])
        #expect(other.standardOutput != first.standardOutput)
    }

    @Test(arguments: [
        (["--method", "sarsa"], "--method"),
        (["--step-size", "0"], "--step-size"),
        (["--step-size", "nan"], "--step-size"),
        (["--n", "0"], "--n"),
        (["--discount", "1.5"], "--discount"),
        (["--episodes", "0"], "--episodes"),
        (["--runs", "100000", "--episodes", "100000"], "--episodes × --runs"),
        (["--initial-value", "inf"], "--initial-value"),
        (["--env", "cart-pole"], "no model"),
        (["--goal", "500"], "unknown option"),
    ])
    func badRequestsAreOneLineAndExit64(arguments: [String], says: String) throws {
        let run = try RL.run(["predict", "--env", "short-corridor"] + arguments)
        #expect(run.status == 64, "\(arguments): \(run.standardError)")
        #expect(run.errorLines.count == 1 && run.standardError.contains(says), "\(run.standardError)")
    }
}
