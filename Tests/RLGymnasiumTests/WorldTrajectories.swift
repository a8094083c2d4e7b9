import Foundation
import RLApp
import RLCore

/// One world's trajectory as `rl` plays it, the world driven directly (no batch, no C
/// interface): what the Python package must reproduce for the same seed and actions.
struct Trajectory: Codable {
    var world: String
    var seed: UInt64
    var actions: [Int]
    /// The observations in order: the reset's, then each step's, then after a step that ends an
    /// episode the next reset's. A finite world's are state indices, a continuous one's coordinates.
    var states: [Int]?
    var coordinates: [[Double]]?
    var rewards: [Double]
    var terminated: [Bool]
    var truncated: [Bool]
}

/// Plays `steps` steps of `W` under its defaults from `seed`, with actions drawn uniformly among
/// those each state allows; an episode that ends is followed by `reset(seed: nil)`, as
/// Gymnasium's `reset()` without a seed.
func trajectory<W: WorldRegistration>(of world: W.Type, seed: UInt64, steps: Int) -> Trajectory
where W.World.ObservationSpace: FiniteSpace {
    var record = Trajectory(world: W.id, seed: seed, actions: [], states: [], rewards: [], terminated: [], truncated: [])
    play(W.self, seed: seed, steps: steps, into: &record) { observation, space, record in
        record.states!.append(space.index(of: observation))
        return space.legalActions(inState: space.index(of: observation))
    }
    return record
}

func trajectory<W: ContinuousWorld>(of world: W.Type, seed: UInt64, steps: Int) -> Trajectory {
    var record = Trajectory(world: W.id, seed: seed, actions: [], coordinates: [], rewards: [], terminated: [], truncated: [])
    play(W.self, seed: seed, steps: steps, into: &record) { observation, _, record in
        record.coordinates!.append(observation.coordinates)
        return .all
    }
    return record
}

private func play<W: WorldRegistration>(
    _ world: W.Type, seed: UInt64, steps: Int, into record: inout Trajectory,
    observe: (W.World.Observation, W.World.ObservationSpace, inout Trajectory) -> LegalActions
) {
    var environment = W.makeWorld(W.defaultConfiguration)
    var actionGenerator = Xoshiro256StarStar(seed: seed ^ 0xA5A5)
    var legal = observe(environment.reset(seed: seed), environment.observationSpace, &record)
    let actionCount = environment.actionSpace.count
    for _ in 0..<steps {
        let allowed = legal.actions(of: actionCount)
        let action = allowed[actionGenerator.nextIndex(below: allowed.count)]
        let step = environment.step(environment.actionSpace.element(at: action))
        record.actions.append(action)
        record.rewards.append(step.reward)
        record.terminated.append(step.terminated)
        record.truncated.append(step.truncated)
        legal = observe(step.observation, environment.observationSpace, &record)
        if step.isLast { legal = observe(environment.reset(seed: nil), environment.observationSpace, &record) }
    }
}
