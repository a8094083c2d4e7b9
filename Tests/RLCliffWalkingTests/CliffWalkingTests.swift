import GymnasiumFixtures
import RLCliffWalking
import RLCore
import Testing

@Suite struct CliffWalkingTests {
    @Test(arguments: [("cliffwalking", false), ("cliffwalking-slippery", true)])
    func theModelIsGymnasiumsP(fixture: String, slippery: Bool) throws {
        let golden: GoldenModel = try loadFixture(fixture)
        #expect(golden.versions["gymnasium"] == "1.4.0")
        #expect(differences(between: CliffWalking(isSlippery: slippery).model, and: golden, tolerance: 0) == [])
    }

    @Test func theDefaultWalkIsStillDeterministic() {
        var walk = CliffWalking()
        #expect(!walk.isSlippery)
        for seed: UInt64 in [1, 2, 3] {
            #expect(walk.reset(seed: seed) == CliffWalking.start)
            #expect(walk.step(.up).observation == GridPosition(row: 2, column: 0))
            #expect(walk.step(.right).observation == GridPosition(row: 2, column: 1))
            let fall = walk.step(.down)
            #expect(fall.observation == CliffWalking.start && fall.reward == -100 && !fall.isLast)
        }
    }

    @Test func aSlipperyWalkTurnsAQuarterEitherWayAThirdOfTheTime() {
        var walk = CliffWalking(isSlippery: true, seed: 11)
        var landed: [GridPosition: Int] = [:]
        let trials = 30_000
        for _ in 0..<trials {
            _ = walk.reset(seed: nil)
            _ = walk.step(.up)  // to (2, 0), whatever happened: re-place the walker
            landed[walk.position, default: 0] += 1
        }
        // From the start, "up" goes up, slips left (a wall: stays) or slips right (the cliff: back to the start).
        #expect(abs(Double(landed[GridPosition(row: 2, column: 0)] ?? 0) / Double(trials) - 1.0 / 3.0) < 0.015)
        #expect(abs(Double(landed[CliffWalking.start] ?? 0) / Double(trials) - 2.0 / 3.0) < 0.015)
    }

    @Test(arguments: [false, true])
    func theWorldKeepsItsContractAndItsModel(slippery: Bool) throws {
        let walk = CliffWalking(isSlippery: slippery)
        try checkModel(of: walk, seed: 3, episodes: 50)
        try checkEnvironment(CliffWalking.capped(at: 200, isSlippery: slippery))
    }
}
