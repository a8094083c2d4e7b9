import Foundation
import RLClassicControl
import RLCore
import Testing

@Suite struct ClassicControlContractTests {
    @Test func eachWorldPassesTheEnvironmentCheck() throws {
        try checkEnvironment(CartPole.capped(), seed: 3)
        try checkEnvironment(MountainCar.capped(), seed: 3)
        try checkEnvironment(Acrobot.capped(), seed: 3)
    }

    @Test func stepCapsAreGymnasiums() {
        #expect(CartPole.stepCap == 500 && MountainCar.stepCap == 200 && Acrobot.stepCap == 500)
        #expect(CartPole.capped().maxSteps == 500 && MountainCar.capped(at: 10).maxSteps == 10)
    }

    /// Episodes that never end inside the task are truncated at the cap, not terminated.
    @Test func theCapTruncates() {
        func run<World: ClassicControlWorld>(_ world: World.Type, from state: World.State, always action: World.Action) -> [Bool] {
            var world = World(seed: 0)
            _ = world.reset(from: state)
            var capped = TimeLimit(world, maxSteps: World.stepCap)
            var flags: [Bool] = []
            for _ in 0..<World.stepCap {
                let step = capped.step(action)
                flags.append(step.truncated)
                #expect(!step.terminated)
            }
            return flags
        }
        // Hanging at rest without torque, the Acrobot stays down; a car that never pushes stays in the valley.
        let acrobot = run(Acrobot.self, from: Acrobot(seed: 0).state, always: .zero)
        #expect(acrobot.last == true && acrobot.dropLast().allSatisfy { !$0 })
        let car = run(MountainCar.self, from: MountainCar(seed: 0).state, always: .none)
        #expect(car.last == true && car.dropLast().allSatisfy { !$0 })

        var cartPole = CartPole.capped()
        var agent = CartPoleLean()
        let record = playEpisode(&agent, on: &cartPole, mode: .evaluation, seed: 4)
        #expect(record.steps == 500 && record.truncated && !record.terminated)
    }

    @Test func boxesHaveGymnasiumsBounds() {
        let cartPole = CartPole().observationSpace
        #expect(cartPole.high == [4.8, .infinity, 0.41887902047863906, .infinity] && cartPole.low == cartPole.high.map { -$0 })
        #expect(CartPole.angleThreshold == 0.20943951023931953)
        let car = MountainCar().observationSpace
        #expect(car.low == [-1.2, -0.07] && car.high == [0.6, 0.07])
        let acrobot = Acrobot().observationSpace
        #expect(acrobot.high == [1, 1, 1, 1, 4 * .pi, 9 * .pi] && acrobot.low == acrobot.high.map { -$0 })
        #expect(!cartPole.contains(CartPoleObservation(cartPosition: 4.9, cartVelocity: 0, poleAngle: 0, poleAngularVelocity: 0)))
        #expect(
            cartPole.contains(CartPoleObservation(cartPosition: 4.8, cartVelocity: -1e300, poleAngle: -0.4, poleAngularVelocity: 1e300)))
        #expect(!car.contains(MountainCarObservation(position: 0, velocity: 0.0700001)))
    }

    @Test func actionsAreNumberedAndNamedAsGymnasiums() {
        #expect(CartPole().actionSpace.names == ["LEFT", "RIGHT"])
        #expect(MountainCar().actionSpace.names == ["LEFT", "NONE", "RIGHT"])
        #expect(Acrobot().actionSpace.names == ["NEGATIVE", "ZERO", "POSITIVE"])
        #expect(AcrobotAction.allCases.map(\.torque) == [-1, 0, 1])
    }

    @Test func observationsAreNamedPointsNotArrays() {
        #expect(CartPoleObservation.dimensionNames == ["cartPosition", "cartVelocity", "poleAngle", "poleAngularVelocity"])
        #expect(MountainCarObservation.dimensionCount == 2 && AcrobotState.dimensionCount == 4 && AcrobotObservation.dimensionCount == 6)
        // Stored Doubles inline: a step copies them and allocates nothing.
        #expect(MemoryLayout<CartPoleObservation>.size == 4 * 8 && MemoryLayout<AcrobotObservation>.size == 6 * 8)
        let state = AcrobotState(firstAngle: 0.3, secondAngle: -2, firstAngularVelocity: 1.5, secondAngularVelocity: -4)
        let observation = AcrobotObservation(state)
        #expect(observation.coordinates == [cos(0.3), sin(0.3), cos(-2), sin(-2), 1.5, -4])
    }
}

@Suite struct ClassicControlStartTests {
    /// `count` start states from one seed, the generator kept going between resets.
    func starts<World: ClassicControlWorld>(_ world: World.Type, count: Int = 2_000, seed: UInt64 = 9) -> [World.State] {
        var world = World(seed: 0)
        _ = world.reset(seed: seed)
        var states = [world.state]
        for _ in 1..<count {
            _ = world.reset()
            states.append(world.state)
        }
        return states
    }

    /// Every coordinate of every start lies in `range`, and the starts spread over all of it.
    func expectUniform(_ values: [Double], in range: ClosedRange<Double>, _ name: String) {
        let width = range.upperBound - range.lowerBound
        #expect(values.allSatisfy { range.contains($0) }, "\(name) outside \(range)")
        #expect(values.min()! < range.lowerBound + 0.01 * width && values.max()! > range.upperBound - 0.01 * width, "\(name)")
        let mean = values.reduce(0, +) / Double(values.count)
        // The mean of 2,000 uniform draws is within 4 standard errors (width / √12 / √2000 each) of the centre.
        #expect(abs(mean - (range.lowerBound + range.upperBound) / 2) < 4 * width / (12.0 * 2_000).squareRoot(), "\(name): \(mean)")
    }

    @Test func cartPoleStartsUniformlyNearUpright() {
        let states = starts(CartPole.self)
        for dimension in 0..<4 { expectUniform(states.map { $0[dimension] }, in: -0.05...0.05, "cart pole \(dimension)") }
    }

    @Test func mountainCarStartsAtRestInTheValley() {
        let states = starts(MountainCar.self)
        expectUniform(states.map(\.position), in: -0.6...(-0.4), "position")
        #expect(states.allSatisfy { $0.velocity == 0 })
    }

    @Test func acrobotStartsNearHangingInFloat32() {
        let states = starts(Acrobot.self)
        // Rounded to float32 as Gymnasium rounds them: 0.1 itself becomes 0.100000001490116…
        let limit = Double(Float(0.1))
        for dimension in 0..<4 {
            expectUniform(states.map { $0[dimension] }, in: -limit...limit, "acrobot \(dimension)")
            #expect(states.allSatisfy { Double(Float($0[dimension])) == $0[dimension] })
        }
    }

    @Test func aSeedReplaysAnEpisodeAndNilKeepsGoing() {
        func episode<World: ClassicControlWorld>(_ world: inout World, seed: UInt64?) -> [World.Observation] {
            var generator = Xoshiro256StarStar(seed: 5)
            var observations = [world.reset(seed: seed)]
            for _ in 0..<50 { observations.append(world.step(world.actionSpace.randomElement(using: &generator)).observation) }
            return observations
        }
        func check<World: ClassicControlWorld>(_ type: World.Type) {
            var world = World(seed: 1)
            let first = episode(&world, seed: 42)
            let next = episode(&world, seed: nil)
            #expect(first != next, "\(World.self): a reset without a seed draws a new start")
            var again = World(seed: 2)
            #expect(episode(&again, seed: 42) == first && episode(&again, seed: nil) == next, "\(World.self)")
            // The generator's state saved and restored gives the same next start.
            let saved = again.generatorState
            let start = again.reset()
            again.generatorState = saved
            #expect(again.reset() == start, "\(World.self)")
            var a = World(seed: 7), b = World(seed: 7)
            #expect(a.reset(seed: 8) != b.reset(seed: 9), "\(World.self): different seeds, different starts")
        }
        check(CartPole.self)
        check(MountainCar.self)
        check(Acrobot.self)
    }

    @Test func resetFromAStateStartsThere() {
        var car = MountainCar()
        let start = MountainCarObservation(position: -1.2, velocity: -0.01)
        #expect(car.reset(from: start) == start && car.state == start)
        // At the left wall a leftward velocity stops, as in Gymnasium.
        let step = car.step(.left)
        #expect(step.observation == MountainCarObservation(position: -1.2, velocity: 0) && step.reward == -1 && !step.terminated)
        var acrobot = Acrobot()
        let up = AcrobotState(firstAngle: .pi, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0)
        #expect(acrobot.reset(from: up, seed: 3) == AcrobotObservation(up) && Acrobot.isAboveTheLine(up))
    }
}
