import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 12.6 (p. 295): TD(λ) with accumulating traces (the box on p. 293) on the 19-state
/// random walk, as Figure 12.3 shows the offline λ-return algorithm.
enum Figure12_6 {
    static let figure = LambdaStudy.figure(
        id: "12.6", title: "Performance of TD(λ) on the 19-state random walk", section: "§12.2 TD(λ)", page: 295,
        // TD(λ) is unstable at large α and λ: each λ's α stop where its curve leaves the plot.
        alphas: [
            0: LambdaStudy.grid(1, by: 0.1), 0.4: LambdaStudy.grid(1, by: 0.1), 0.8: LambdaStudy.grid(0.9, by: 0.09),
            0.9: LambdaStudy.grid(0.5, by: 0.05), 0.95: LambdaStudy.grid(0.3, by: 0.03), 0.975: LambdaStudy.grid(0.2, by: 0.02),
            0.99: LambdaStudy.grid(0.1, by: 0.01), 1: LambdaStudy.grid(0.04, by: 0.004),
        ],
        source: "text, p. 295"
    ) { lambda, alpha in
        TDLambda<GroupAggregation, RandomWalk.Move>(features: LambdaStudy.tabular, lambda: lambda, stepSize: alpha)
    }
}
