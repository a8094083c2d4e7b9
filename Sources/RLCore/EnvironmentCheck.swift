/// A broken promise of the ``Environment`` contract, found by ``checkEnvironment(_:seed:steps:)``.
public struct EnvironmentCheckFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Checks that an environment keeps the ``Environment`` contract, like Gymnasium's
/// `check_env`: run it on your own environment before training on it.
///
/// It checks that every observation lies in the observation space (a ``Box``'s points: finite
/// and within the bounds) and, for a finite space, that its index round-trips; that the action space's indices round-trip; that the same seed gives the
/// same episode; and that episodes end (terminated or truncated) within `steps` steps.
/// Actions are drawn at random from a generator seeded with `seed`.
public func checkEnvironment<E: Environment>(
    _ environment: E, seed: UInt64 = 0, steps: Int = 10_000
) throws(EnvironmentCheckFailure) where E.Observation: Equatable, E.Action: Equatable {
    let actions = environment.actionSpace
    for index in 0..<actions.count where actions.index(of: actions.element(at: index)) != index {
        throw EnvironmentCheckFailure("action index \(index) does not round-trip through the action space")
    }

    func rollout(_ environment: E) throws(EnvironmentCheckFailure) -> [E.Observation] {
        var environment = environment
        var generator = Xoshiro256StarStar(seed: seed)
        var observations = [environment.reset(seed: seed)]
        var episodeEnded = false
        for _ in 0..<steps {
            let step = environment.step(actions.randomElement(using: &generator))
            observations.append(step.observation)
            if step.terminated || step.truncated { episodeEnded = true; break }
        }
        if !episodeEnded {
            throw EnvironmentCheckFailure("an episode of random actions did not end within \(steps) steps: add a TimeLimit")
        }
        let space = environment.observationSpace
        for observation in observations {
            guard space.contains(observation) else {
                throw EnvironmentCheckFailure("observation \(observation) is outside the observation space")
            }
            if let failure = space.indexRoundTripFailure(of: observation) { throw EnvironmentCheckFailure(failure) }
        }
        return observations
    }

    if try rollout(environment) != rollout(environment) {
        throw EnvironmentCheckFailure("the same seed gave two different episodes: is the environment using its own seeded generator?")
    }
}
