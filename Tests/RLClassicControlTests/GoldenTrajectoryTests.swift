import GymnasiumFixtures
import RLClassicControl
import RLCore
import Testing

/// How far a replay strayed from Gymnasium's trajectories.
struct ReplayComparison {
    /// The largest absolute difference between our state and Gymnasium's, over every step.
    var stateDifference = 0.0
    /// The largest absolute difference between our observation rounded to float32 and
    /// Gymnasium's float32 observation.
    var observationDifference = 0.0
    /// Steps whose reward or termination differ, one line each.
    var mismatches: [String] = []
    var steps = 0
}

/// Replays every trajectory of a golden file through `World`: from its start state, the same
/// actions, comparing the state, observation, reward and termination after every step.
func replay<World: ClassicControlWorld>(
    _ fixture: GoldenTrajectories, in world: World.Type, state: ([Double]) -> World.State
) -> ReplayComparison {
    var comparison = ReplayComparison()
    for (number, trajectory) in fixture.trajectories.enumerated() {
        var world = World(seed: 0)
        _ = world.reset(from: state(trajectory.start))
        for (index, action) in trajectory.actions.enumerated() {
            let step = world.step(world.actionSpace.element(at: action))
            for dimension in 0..<World.State.dimensionCount {
                let difference = abs(world.state[dimension] - trajectory.states[index][dimension])
                comparison.stateDifference = max(comparison.stateDifference, difference.isNaN ? .infinity : difference)
            }
            for dimension in 0..<World.Observation.dimensionCount {
                let ours = Double(Float(step.observation[dimension]))
                comparison.observationDifference = max(
                    comparison.observationDifference, abs(ours - trajectory.observations[index][dimension]))
            }
            if step.reward != trajectory.rewards[index] || step.terminated != trajectory.terminated[index] || step.truncated {
                comparison.mismatches.append(
                    "trajectory \(number), step \(index): reward \(step.reward), terminated \(step.terminated); "
                        + "Gymnasium \(trajectory.rewards[index]), \(trajectory.terminated[index])")
            }
            comparison.steps += 1
        }
    }
    return comparison
}

@Suite struct GoldenTrajectoryTests {
    /// Our float64 states stay within 1e-9 of Gymnasium's at every step (on Linux they agree to
    /// the last bit: the same operations in the same order, and the same C library), and so do
    /// rewards and terminations; our observations rounded to float32 are Gymnasium's.
    func check<World: ClassicControlWorld>(
        _ name: String, _ world: World.Type, environment: String, state: ([Double]) -> World.State
    ) throws {
        let fixture: GoldenTrajectories = try loadFixture(name)
        #expect(fixture.versions["gymnasium"] == "1.4.0" && fixture.environment == environment)
        #expect(fixture.trajectories.count >= 5)
        let comparison = replay(fixture, in: world, state: state)
        #expect(comparison.steps == fixture.trajectories.map(\.actions.count).reduce(0, +))
        #expect(comparison.stateDifference <= 1e-9, "\(name): states differ by up to \(comparison.stateDifference)")
        #expect(comparison.observationDifference <= 1e-6, "\(name): observations differ by up to \(comparison.observationDifference)")
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(5))")
    }

    @Test func cartPoleFollowsGymnasium() throws {
        try check("cartpole", CartPole.self, environment: "CartPole-v1") {
            CartPoleObservation(cartPosition: $0[0], cartVelocity: $0[1], poleAngle: $0[2], poleAngularVelocity: $0[3])
        }
    }

    @Test func mountainCarFollowsGymnasium() throws {
        try check("mountaincar", MountainCar.self, environment: "MountainCar-v0") {
            MountainCarObservation(position: $0[0], velocity: $0[1])
        }
    }

    @Test func acrobotFollowsGymnasium() throws {
        try check("acrobot", Acrobot.self, environment: "Acrobot-v1") {
            AcrobotState(firstAngle: $0[0], secondAngle: $0[1], firstAngularVelocity: $0[2], secondAngularVelocity: $0[3])
        }
    }

    /// The fixtures reach what they are meant to: both ways to fail at Cart Pole, Mountain Car's
    /// goal and left wall, the Acrobot's swing-up, angle wraps and velocity bounds.
    @Test func theFixturesCoverTheRules() throws {
        let cartPole: GoldenTrajectories = try loadFixture("cartpole")
        let ends = cartPole.trajectories.filter { $0.terminated.last == true }.map { $0.states.last! }
        #expect(ends.contains { abs($0[0]) > CartPole.positionThreshold })
        #expect(ends.contains { abs($0[2]) > CartPole.angleThreshold })
        #expect(cartPole.trajectories.contains { $0.actions.count == CartPole.stepCap && $0.terminated.last == false })

        let mountainCar: GoldenTrajectories = try loadFixture("mountaincar")
        #expect(mountainCar.trajectories.contains { $0.terminated.last == true })
        #expect(mountainCar.trajectories.flatMap(\.states).contains { $0 == [MountainCar.minimumPosition, 0] })
        #expect(mountainCar.trajectories.flatMap(\.states).contains { abs($0[1]) == MountainCar.maximumSpeed })

        let acrobot: GoldenTrajectories = try loadFixture("acrobot")
        #expect(acrobot.trajectories.contains { $0.policy == "AcrobotEnergy" && $0.terminated.last == true })
        #expect(acrobot.trajectories.flatMap(\.states).contains { abs($0[3]) == Acrobot.maximumSecondAngularVelocity })
        let wraps = acrobot.trajectories.contains { trajectory in
            zip([trajectory.start] + trajectory.states, trajectory.states).contains { abs($1[0] - $0[0]) > .pi }
        }
        #expect(wraps)
    }

    /// A state one part in 1e8 away is caught: the comparison is not vacuous.
    @Test func theReplaySeesADifference() throws {
        let fixture: GoldenTrajectories = try loadFixture("cartpole")
        let comparison = replay(fixture, in: CartPole.self) {
            CartPoleObservation(cartPosition: $0[0] + 1e-8, cartVelocity: $0[1], poleAngle: $0[2], poleAngularVelocity: $0[3])
        }
        #expect(comparison.stateDifference > 1e-9)
    }
}
