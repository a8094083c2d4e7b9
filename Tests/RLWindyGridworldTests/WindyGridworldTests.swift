import RLCore
import RLPlanning
import RLWindyGridworld
import Testing

/// The windy gridworld of Example 6.5 and its variants (Exercises 6.9 and 6.10).
@Suite struct WindyGridworldTests {
    static func cell(_ row: Int, _ column: Int) -> Int { row * WindyGridworld.columns + column }

    @Test func theWindBlowsUpFromTheColumnMovedFrom() {
        var world = WindyGridworld()
        #expect(world.reset(seed: 1) == Self.cell(3, 0))
        // Right three times: no wind in columns 0-2.
        for column in 1...3 { #expect(world.step(2).observation == Self.cell(3, column)) }
        // Right from column 3 (wind 1): one row up.
        #expect(world.step(2).observation == Self.cell(2, 4))
        // Down from column 4 (wind 1): down one, up one.
        #expect(world.step(1).observation == Self.cell(2, 4))
        // Up against the top: at most row 0. From (0, 6) right, wind 2: stays in row 0.
        #expect(WindyGridworld.next(from: Self.cell(0, 6), action: 2, moves: .standard) == Self.cell(0, 7))
        // Left at the left edge stays in column 0; every step costs −1 and the goal ends.
        #expect(WindyGridworld.next(from: Self.cell(5, 0), action: 3, moves: .standard) == Self.cell(5, 0))
        let toGoal = WindyGridworld.next(from: Self.cell(4, 7), action: 3, moves: .standard)
        #expect(toGoal == Self.cell(2, 6), "left from (4, 7): column 7's wind of 2")
    }

    @Test func theShortestPathsAreFifteenStepsAndSevenWithKingsMoves() throws {
        // "the minimum of 15" (p. 130); with king's moves the goal is 7 steps away (Exercise 6.9).
        for (moves, steps) in [(WindyMoves.standard, 15.0), (.king, 7), (.kingAndStay, 7)] {
            let world = WindyGridworld(configuration: WindyGridworldConfiguration(moves: moves))
            try checkModel(world.model)
            let result = valueIteration(world.model, discount: 1)
            #expect(result.values[WindyGridworld.start] == -steps, "\(moves)")
        }
    }

    @Test func theStochasticWindVariesByOneAThirdOfTheTimeEachWay() throws {
        let world = WindyGridworld(configuration: WindyGridworldConfiguration(stochasticWind: true))
        try checkModel(world.model)
        // Right from (3, 6), wind 2: rows 2, 1 or 0, a third each.
        let outcomes = world.model.outcomes(from: Self.cell(3, 6), taking: 2)
        #expect(Set(outcomes.map(\.nextState)) == [Self.cell(2, 7), Self.cell(1, 7), Self.cell(0, 7)])
        #expect(outcomes.allSatisfy { abs($0.probability - 1.0 / 3) < 1e-12 })
        // No wind, no chance: column 0.
        #expect(world.model.outcomes(from: Self.cell(3, 0), taking: 2).count == 1)
        // Played: right six times from the start ends in more than one row.
        var rows: [Int: Int] = [:]
        var playing = WindyGridworld(configuration: world.configuration, seed: 8)
        for _ in 0..<3000 {
            _ = playing.reset(seed: nil)
            for _ in 0..<6 { _ = playing.step(2) }
            rows[playing.state / WindyGridworld.columns, default: 0] += 1
        }
        #expect(rows.count > 1, "the wind varies: \(rows)")
    }
}
