import RLCore
import Testing

@testable import RLApp

/// The book's worlds registered from `rl book`'s modules: their models keep their worlds'
/// promises, and the bandit plays one problem in every episode.
@Suite struct BookWorldsTests {
    /// Each world's steps are outcomes of its model (sampled, `checkModel(of:)`), at the
    /// defaults and on the book's other walks.
    @Test func theModelsAreTheWorlds() throws {
        var walk = RandomWalkWorld.Configuration()
        try checkModel(of: RandomWalkWorld.makeWorld(walk).base)
        walk.states = 5
        try checkModel(of: RandomWalkWorld.makeWorld(walk).base)
        #expect(RandomWalkWorld.model(walk)?.model.outcomes(from: 1, taking: 0).first?.reward == 0, "Example 6.2 pays 0 on the left")
        walk.states = 1000
        walk.jump = 100
        try checkModel(of: RandomWalkWorld.makeWorld(walk).base, episodes: 20)
        // From state 50 a left jump of 50 to 100 lands on the left end: one outcome, half the chance.
        let left = try #require(RandomWalkWorld.model(walk)?.model.outcomes(from: 50, taking: 0))
        #expect(left.count == 50 && abs(left.last!.probability - 0.51) < 1e-12 && left.last!.reward == -1 && left.last!.terminated)
        try checkModel(of: GridworldWorld.makeWorld(GridworldWorld.Configuration()).base)
        try checkModel(of: BairdWorld.makeWorld(BairdWorld.Configuration()).base)
        try checkModel(of: JacksCarRentalWorld.makeWorld(JacksCarRentalWorld.Configuration()).base, episodes: 10)
        var queue = AccessControlWorld.Configuration()
        try checkModel(of: AccessControlWorld.makeWorld(queue).base, episodes: 10)
        queue.payments = [0, 1, 10, 100]
        try checkModel(of: AccessControlWorld.makeWorld(queue).base, episodes: 10)
        #expect(
            AccessControlWorld.model(queue)?.model.outcomes(from: 4 * 3 + 2, taking: 1).first?.reward == 10,
            "priority 4 pays the third payment")
    }

    /// Every episode and every run play the same problem; the run's seed draws only the noise.
    @Test func theBanditPlaysOneProblem() throws {
        let configuration = BanditWorld.Configuration()
        var first = BanditWorld.makeWorld(configuration), second = BanditWorld.makeWorld(configuration)
        let values = first.base.problem.values
        _ = first.reset(seed: 1)
        _ = second.reset(seed: 2)
        let rewards = (0..<5).map { _ in first.step(3).reward }
        #expect(rewards != (0..<5).map { _ in second.step(3).reward })
        _ = first.reset(seed: nil)
        #expect(first.base.testbed.values == values && second.base.testbed.values == values)
        #expect((0..<5).map { _ in first.step(3).reward } != rewards, "no seed: the noise goes on")
        var other = configuration
        other.problem = 2
        #expect(BanditWorld.makeWorld(other).base.problem.values != values)
        // The model pays each arm's true value; the best arm earns the optimum.
        let model = try #require(BanditWorld.model(configuration))
        #expect(model.model.outcomes(from: 0, taking: 3).first?.reward == values[3] && model.stepCap == 1000)
        #expect(first.counters.pulls == 5, "the pulls of this episode")
    }

    /// Nonstationary, each episode starts the values equal again; there is no model.
    @Test func theNonstationaryBanditWalksAnewEachEpisode() {
        var configuration = BanditWorld.Configuration()
        configuration.nonstationary = true
        var world = BanditWorld.makeWorld(configuration)
        _ = world.reset(seed: 1)
        for _ in 0..<100 { _ = world.step(0) }
        #expect(Set(world.base.testbed.values).count == 10)
        _ = world.reset(seed: nil)
        #expect(Set(world.base.testbed.values) == [0])
        #expect(BanditWorld.model(configuration) == nil)
    }
}
