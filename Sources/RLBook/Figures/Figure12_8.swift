import RLFeatures
import RLPrediction
import RLRandomWalk

/// Figure 12.8 (p. 300): true online TD(λ) (the box on p. 300) on the 19-state random walk, as
/// Figure 12.3 shows the offline λ-return algorithm.
enum Figure12_8 {
    static let figure = LambdaStudy.figure(
        id: "12.8", title: "Performance of true online TD(λ) on the 19-state random walk",
        section: "§12.5 True Online TD(λ)", page: 300,
        alphas: [
            0: LambdaStudy.grid(1, by: 0.1), 0.4: LambdaStudy.grid(1, by: 0.1), 0.8: LambdaStudy.grid(1, by: 0.1),
            0.9: LambdaStudy.grid(1, by: 0.1), 0.95: LambdaStudy.grid(1, by: 0.1), 0.975: LambdaStudy.grid(0.8, by: 0.08),
            0.99: LambdaStudy.grid(0.4, by: 0.04), 1: LambdaStudy.grid(0.1, by: 0.01),
        ],
        source: "text, p. 300"
    ) { lambda, alpha in
        TrueOnlineTDLambda<GroupAggregation, RandomWalk.Move>(features: LambdaStudy.tabular, lambda: lambda, stepSize: alpha)
    }
}
