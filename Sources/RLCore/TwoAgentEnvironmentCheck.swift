/// Checks that a two-agent world keeps the ``TwoAgentEnvironment`` contract, as
/// ``checkEnvironment(_:seed:steps:)`` does for one agent: every observation of either side
/// lies in the observation space and its index round-trips; the action space's indices
/// round-trip; the same seed gives the same episode; and episodes end within `steps` steps.
/// Both sides' actions are drawn at random from a generator seeded with `seed`.
public func checkTwoAgentEnvironment<E: TwoAgentEnvironment>(
    _ environment: E, seed: UInt64 = 0, steps: Int = 10_000
) throws(EnvironmentCheckFailure) where E.Observation: Equatable, E.Action: Equatable {
    let actions = environment.actionSpace
    for index in 0..<actions.count where actions.index(of: actions.element(at: index)) != index {
        throw EnvironmentCheckFailure("action index \(index) does not round-trip through the action space")
    }

    func rollout(_ environment: E) throws(EnvironmentCheckFailure) -> [Pair<E.Observation>] {
        var environment = environment
        var generator = Xoshiro256StarStar(seed: seed)
        var observations = [environment.reset(seed: seed)]
        var episodeEnded = false
        for _ in 0..<steps {
            let step = environment.step(
                Pair(
                    left: actions.randomElement(using: &generator), right: actions.randomElement(using: &generator)))
            observations.append(step.observations)
            if step.isLast { episodeEnded = true; break }
        }
        if !episodeEnded {
            throw EnvironmentCheckFailure("an episode of random actions did not end within \(steps) steps: add a step cap")
        }
        let space = environment.observationSpace
        for pair in observations {
            for side in Side.allCases {
                let observation = pair[side]
                guard space.contains(observation) else {
                    throw EnvironmentCheckFailure("the \(side) side's observation \(observation) is outside the observation space")
                }
                let index = space.index(of: observation)
                guard index >= 0, index < space.count, space.element(at: index) == observation else {
                    throw EnvironmentCheckFailure("the \(side) side's observation \(observation) does not round-trip through its index")
                }
            }
        }
        return observations
    }

    if try rollout(environment) != rollout(environment) {
        throw EnvironmentCheckFailure("the same seed gave two different episodes: is the world using its own seeded generator?")
    }
}
