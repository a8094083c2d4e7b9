import GymnasiumFixtures
import RLCore
import Testing

@testable import RLFrozenLake

@Suite struct FrozenLakeParityTests {
    @Test(arguments: [
        ("frozenlake-4x4", LakeMap.fourByFour, true),
        ("frozenlake-4x4-not-slippery", LakeMap.fourByFour, false),
        ("frozenlake-8x8", LakeMap.eightByEight, true),
        ("frozenlake-8x8-not-slippery", LakeMap.eightByEight, false),
    ])
    func theModelIsGymnasiumsP(fixture: String, map: LakeMap, slippery: Bool) throws {
        let golden: GoldenModel = try loadFixture(fixture)
        #expect(golden.versions["gymnasium"] == "1.4.0")
        #expect(differences(between: FrozenLake(map: map, isSlippery: slippery).model, and: golden, tolerance: 0) == [])
    }

    @Test func aCustomMapWithItsOwnRatesAndRewardsMatchesToo() throws {
        let golden: GoldenModel = try loadFixture("frozenlake-custom")
        let map = try LakeMap(rows: ["SFFH", "FHSG", "FFFF"])
        let lake = FrozenLake(map: map, successRate: 0.75, rewards: .init(goal: 2, hole: -1, frozen: -0.5))
        #expect(differences(between: lake.model, and: golden) == [])
    }
}

@Suite struct FrozenLakeTests {
    @Test func builtInMapsAndStepCapsAreGymnasiums() throws {
        #expect(LakeMap.fourByFour.description == "SFFF\nFHFH\nFFFH\nHFFG")
        #expect(try LakeMap("SFFF/FHFH/FFFH/HFFG") == .fourByFour)
        #expect(try LakeMap(LakeMap.eightByEight.description + "\n") == .eightByEight)
        #expect(FrozenLake.stepCapFourByFour == 100 && FrozenLake.stepCapEightByEight == 200)
        #expect(FrozenLake(map: .fourByFour).registeredStepCap == 100)
        #expect(FrozenLake(map: .eightByEight).registeredStepCap == 200)
        #expect(FrozenLake(map: try LakeMap("SG")).registeredStepCap == nil)
    }

    @Test(arguments: [
        ("", "the map is empty"),
        ("SFF/FG", "row 2 has 2 tiles, row 1 has 3: a map is a rectangle"),
        ("SFX/FFG", "row 1, column 3: 'X' is not a tile (S start, F frozen, H hole, G goal)"),
        ("FFF/FFG", "the map has no start S"),
        ("SFF/FFH", "the map has no goal G"),
    ])
    func badMapsAreOneClearLine(text: String, message: String) {
        #expect(throws: LakeMapError(message)) { try LakeMap(text) }
    }

    @Test func aSafeWalkOnStillIceReachesTheGoal() {
        var lake = FrozenLake(isSlippery: false)
        #expect(lake.reset(seed: 1) == 0)
        let moves: [LakeMove] = [.down, .down, .right, .right, .down]
        for move in moves {
            let step = lake.step(move)
            #expect(step.reward == 0 && !step.isLast)
        }
        #expect(!lake.counters.success)
        let last = lake.step(.right)
        #expect(last.observation == 15 && last.reward == 1 && last.terminated && !last.truncated)
        #expect(lake.counters.success)
        #expect(lake.reset(seed: nil) == 0 && !lake.counters.success)
    }

    @Test func fallingInAHoleEndsTheEpisodeWithoutSuccess() {
        var lake = FrozenLake(isSlippery: false)
        _ = lake.reset(seed: 1)
        _ = lake.step(.right)
        let fall = lake.step(.down)
        #expect(fall.observation == 5 && fall.reward == 0 && fall.terminated && !lake.counters.success)
    }

    @Test func aSlipperyLakeMovesAsIntendedAThirdOfTheTime() {
        // From the start, "down" slips right, goes down, or slips left (a wall: stays put).
        var lake = FrozenLake(seed: 7)
        var landed = [0: 0, 1: 0, 4: 0]
        let trials = 30_000
        for _ in 0..<trials {
            _ = lake.reset(seed: nil)
            landed[lake.step(.down).observation, default: 0] += 1
        }
        for (_, count) in landed { #expect(abs(Double(count) / Double(trials) - 1.0 / 3.0) < 0.015) }
        #expect(landed.count == 3)
    }

    @Test func severalStartsAreDrawnUniformly() throws {
        var lake = FrozenLake(map: try LakeMap("SFS/FFG"), seed: 3)
        var starts = [0: 0, 2: 0]
        for _ in 0..<10_000 { starts[lake.reset(seed: nil), default: 0] += 1 }
        #expect(starts.count == 2 && abs(Double(starts[0]!) / 10_000 - 0.5) < 0.02)
    }

    @Test(arguments: [true, false])
    func theWorldKeepsItsContractAndItsModel(slippery: Bool) throws {
        for map in [LakeMap.fourByFour, .eightByEight] {
            let lake = FrozenLake(map: map, isSlippery: slippery)
            try checkModel(of: lake, seed: 5, episodes: 300)
            try checkEnvironment(TimeLimit(lake, maxSteps: lake.registeredStepCap!))
        }
    }
}
