import GymnasiumFixtures
import RLClassicControl
import RLCore
import Testing

@Suite struct BaselineTests {
    /// Along the golden trajectories a baseline chose in Python, ours chooses the same actions
    /// (the rule evaluated on Gymnasium's float64 state, which our observations carry).
    func expectSameChoices<World: ClassicControlWorld, Baseline: ScriptedAgent>(
        _ fixture: String, _ world: World.Type, _ baseline: Baseline, state: ([Double]) -> World.State
    ) throws where Baseline.Observation == World.Observation, Baseline.Action == World.Action {
        let golden: GoldenTrajectories = try loadFixture(fixture)
        let trajectories = golden.trajectories.filter { $0.policy == "\(Baseline.self)" }
        #expect(trajectories.count >= 2)
        for trajectory in trajectories {
            var world = World(seed: 0)
            var agent = baseline
            var observation = world.reset(from: state(trajectory.start))
            var actions: [Int] = []
            for _ in trajectory.actions {
                let action = agent.action(for: observation, mode: .evaluation)
                actions.append(world.actionSpace.index(of: action))
                observation = world.step(action).observation
            }
            #expect(actions == trajectory.actions, "\(Baseline.self) from \(trajectory.start)")
        }
    }

    @Test func baselinesChooseAsTheirRulesDoInPython() throws {
        try expectSameChoices("cartpole", CartPole.self, CartPoleLean()) {
            CartPoleObservation(cartPosition: $0[0], cartVelocity: $0[1], poleAngle: $0[2], poleAngularVelocity: $0[3])
        }
        try expectSameChoices("mountaincar", MountainCar.self, MountainCarEnergy()) {
            MountainCarObservation(position: $0[0], velocity: $0[1])
        }
        try expectSameChoices("acrobot", Acrobot.self, AcrobotEnergy()) {
            AcrobotState(firstAngle: $0[0], secondAngle: $0[1], firstAngularVelocity: $0[2], secondAngularVelocity: $0[3])
        }
    }

    /// 100 evaluation episodes of a baseline on the capped world.
    func returns<World: ClassicControlWorld, Baseline: ScriptedAgent>(
        of baseline: Baseline, on world: World.Type
    ) -> [EpisodeRecord<World.Counters>] where Baseline.Observation == World.Observation, Baseline.Action == World.Action {
        var agent = baseline
        var environment = World.capped()
        return evaluate(&agent, on: &environment, episodes: 100, seed: 2026)
    }

    func mean(_ records: [EpisodeRecord<NoCounters>]) -> Double { records.map(\.totalReward).reduce(0, +) / Double(records.count) }

    /// Measured over these 100 episodes: Cart Pole 500 every time; Mountain Car −119.65
    /// (−125 to −113); Acrobot −81.54 (−155 to −70). Gymnasium's own starts give the same
    /// picture (500, −120.0, −85.1 over its seeds 0–99).
    @Test func baselinesReachTheirGoals() {
        let cartPole = returns(of: CartPoleLean(), on: CartPole.self)
        #expect(cartPole.filter { $0.steps == CartPole.stepCap && $0.truncated }.count >= 95 && mean(cartPole) >= 495, "\(mean(cartPole))")
        let car = returns(of: MountainCarEnergy(), on: MountainCar.self)
        #expect(car.allSatisfy(\.terminated) && (-130 ... -110).contains(mean(car)), "\(mean(car))")
        let acrobot = returns(of: AcrobotEnergy(), on: Acrobot.self)
        #expect(acrobot.allSatisfy(\.terminated) && (-100 ... -65).contains(mean(acrobot)), "\(mean(acrobot))")
    }

    /// Why ``AcrobotEnergy`` torques against θ̇1: torquing with it brakes the first link, and the
    /// Acrobot never swings up.
    @Test func torquingWithTheFirstLinkNeverSwingsUp() {
        struct WithFirstLink: ScriptedAgent {
            mutating func action(for observation: AcrobotObservation, mode: AgentMode) -> AcrobotAction {
                observation.firstAngularVelocity >= 0 ? .positive : .negative
            }
        }
        let records = returns(of: WithFirstLink(), on: Acrobot.self)
        #expect(records.allSatisfy { $0.truncated && $0.totalReward == -500 })
    }
}
