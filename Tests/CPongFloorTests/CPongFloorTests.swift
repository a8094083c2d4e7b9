import CPongFloor
import RLApp
import RLCore
import RLPong
import RLTabular
import Testing

/// The C floor must be the loop `rl bench` times, not merely a loop like it: the same steps,
/// and the same learned table bit for bit, as the generic trainer with the real agent.
@Suite struct CPongFloorTests {
    /// `rl bench`'s training run (see `runBenchmark`), shortened to `episodes`.
    struct SwiftRun {
        var steps: Int
        var table: QTable
        var terminated = 0
        var truncated = 0
    }

    func swiftRun(seed: UInt64, episodes: Int) throws -> SwiftRun {
        var environment = try PongEnvironment()
        var agent = QLearningAgent(
            observationSpace: environment.observationSpace, actionSpace: environment.actionSpace,
            hyperparameters: .pongDefault, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        var terminated = 0, truncated = 0
        let result = train(&agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training)) { record in
            if record.terminated { terminated += 1 }
            if record.truncated { truncated += 1 }
            return .proceed
        }
        return SwiftRun(steps: result.steps, table: agent.table, terminated: terminated, truncated: truncated)
    }

    /// The first cell where two tables differ, with both entries (nil when they are equal),
    /// rather than two 27,648-element arrays in a failure message.
    func firstDifference<T: Equatable>(_ floor: [T], _ swift: [T]) -> (cell: Int, floor: T, swift: T)? {
        precondition(floor.count == swift.count)
        guard let cell = floor.indices.first(where: { floor[$0] != swift[$0] }) else { return nil }
        return (cell, floor[cell], swift[cell])
    }

    @Test func theTableHasTheDefaultPongShape() throws {
        let environment = try PongEnvironment()
        #expect(rl_floor_pong_table_count() == environment.observationSpace.count * environment.actionSpace.count)
    }

    /// Short runs for several seeds, and `rl bench`'s own run (seed 1, 6000 episodes: about
    /// 8.9 million steps, the longest test here, about 10 s in a debug build).
    @Test(arguments: [(UInt64(1), 500), (2, 500), (3, 300), (0xDEAD_BEEF, 500), (1, 40), (5, 1), (1, 6000)])
    func theFloorTakesTheTrainersStepsAndLearnsItsTable(seed: UInt64, episodes: Int) throws {
        let swift = try swiftRun(seed: seed, episodes: episodes)
        let count = rl_floor_pong_table_count()
        var values = [Double](repeating: .nan, count: count)
        var visits = [Int64](repeating: -1, count: count)
        let steps = rl_floor_train_pong_table(Int32(episodes), seed, &values, &visits)

        #expect(steps == UInt64(swift.steps))
        // Bit patterns, so that even a last-bit difference (a fused multiply-add, another
        // order of operations) fails; the first difference names the cell.
        #expect(firstDifference(values.map(\.bitPattern), swift.table.values.map(\.bitPattern)) == nil)
        #expect(firstDifference(visits, swift.table.visits) == nil)

        var checksum = Double.nan
        #expect(rl_floor_train_pong(Int32(episodes), seed, &checksum) == steps)
        #expect(checksum.bitPattern == swift.table.values.reduce(0, +).bitPattern)
    }

    /// A 500-episode run reaches both ends of an episode: a game over (the target is the
    /// reward alone) and the step cap (the target still bootstraps). (300 episodes do not reach
    /// the cap.) Each compared run of 40 or more episodes also plays its last 10% with ε = 0
    /// and α at its end value.
    @Test func theComparedRunsCoverBothWaysAnEpisodeEnds() throws {
        let swift = try swiftRun(seed: 1, episodes: 500)
        #expect(swift.terminated > 0)
        #expect(swift.truncated > 0)
    }

    @Test func aRunOfNoEpisodesTakesNoSteps() {
        var checksum = Double.nan
        #expect(rl_floor_train_pong(0, 1, &checksum) == 0)
        #expect(checksum == 0)
    }
}
