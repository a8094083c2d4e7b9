import CPongFloor
import RLApp
import RLClassicControl
import RLCore
import RLFeatures
import RLLinear
import RLTabular
import Testing

/// The linear floor must be the loop `rl bench --env mountain-car --agent sarsa` times: the same
/// steps, and the same weights and update counts bit for bit, as the generic trainer with the
/// real linear Sarsa agent over the world's default features.
@Suite struct MountainCarFloorTests {
    func swiftRun(seed: UInt64, episodes: Int) throws -> (steps: Int, weights: QTable) {
        let configuration = MountainCarWorld.defaultConfiguration
        var world = MountainCarWorld.makeWorld(configuration)
        var agent = LinearSarsaAgent(
            features: try MountainCarWorld.features(configuration), actionSpace: world.actionSpace,
            hyperparameters: MountainCarWorld.defaultHyperparameters(forAgent: "sarsa"), settings: NoAgentSettings(),
            seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        let result = train(&agent, on: &world, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training))
        return (result.steps, agent.weights)
    }

    @Test func theFloorHasTheDefaultFeaturesShape() throws {
        let features = try MountainCarWorld.features(MountainCarWorld.defaultConfiguration)
        #expect(rl_floor_mountain_car_weight_count() == features.featureCount * 3)
    }

    @Test(arguments: [(UInt64(1), 50), (2, 120), (0xDEAD_BEEF, 30), (5, 1)])
    func theFloorTakesTheTrainersStepsAndLearnsItsWeights(seed: UInt64, episodes: Int) throws {
        let swift = try swiftRun(seed: seed, episodes: episodes)
        let count = rl_floor_mountain_car_weight_count()
        var weights = [Double](repeating: .nan, count: count)
        var visits = [Int64](repeating: -1, count: count)
        let steps = rl_floor_train_mountain_car_sarsa(Int32(episodes), seed, &weights, &visits)
        #expect(steps == UInt64(swift.steps))
        let first = weights.indices.first { weights[$0].bitPattern != swift.weights.values[$0].bitPattern }
        #expect(first == nil, "first difference at \(first ?? -1)")
        #expect(visits == swift.weights.visits)
    }
}
