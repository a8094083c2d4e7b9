import Foundation
import RLCore
import RLMaze
import RLPlanning
import Testing

/// The mazes of chapter 8: their models, their shortest paths, and their change at a time step.
@Suite struct MazeTests {
    /// The steps of the shortest path from the start: with γ = 0.95 and +1 at the goal alone,
    /// v(start) = 0.95^(steps − 1).
    static func shortestPath(_ maze: Maze) throws -> Int {
        try checkModel(maze.model)
        let values = valueIteration(maze.model, discount: 0.95, tolerance: 1e-14).values
        return Int((log(values[maze.layout.start]) / log(0.95)).rounded()) + 1
    }

    @Test func theShortestPathsAreTheBooks() throws {
        // Example 8.1: "the shortest path ... 14 steps" (Figure 8.2's axis).
        #expect(try Self.shortestPath(Maze(Maze.dyna)) == 14)
        // Example 8.2: the right-hand gap gives 10 steps; after the change the path round the
        // left end takes 16. Example 8.3: the shortcut is 10 again.
        #expect(try Self.shortestPath(Maze(Maze.blockingBefore)) == 10)
        #expect(try Self.shortestPath(Maze(Maze.blockingAfter)) == 16)
        #expect(try Self.shortestPath(Maze(Maze.shortcutAfter)) == 10)
        // Example 8.4: twice the resolution, twice the path (one goal cell).
        #expect(try Self.shortestPath(Maze(Maze.dyna.scaled(by: 2))) == 28)
        #expect(Maze.dyna.scaled(by: 2).walls.count { $0 } == 28)
    }

    @Test func aStepIntoAWallOrOffTheGridStays() {
        var maze = Maze(Maze.dyna)
        #expect(maze.reset(seed: 1) == 18)  // (2, 0)
        #expect(maze.step(.left).observation == 18)
        #expect(maze.step(.right).observation == 19)
        #expect(maze.step(.right).observation == 19)  // (2, 2) is a wall
        let last = maze.step(.up)
        #expect(last.observation == 10 && last.reward == 0 && !last.terminated)
    }

    @Test func theWallsChangeAfterTheGivenStepAcrossEpisodes() {
        // Right five times, then up twice: the seventh step enters (3, 8), the blocking maze's gap
        // before its change, which the change closes.
        let moves: [MazeMove] = Array(repeating: .right, count: 5) + [.up, .up]
        for (changeAt, last) in [(7, 3 * 9 + 8), (6, 4 * 9 + 8)] {
            var maze = Maze(Maze.blockingBefore, changingTo: Maze.blockingAfter, after: changeAt)
            _ = maze.reset(seed: nil)
            var position = 0
            for move in moves { position = maze.step(move).observation }
            #expect(position == last)
        }
        // A reset keeps the count: three steps, a reset, four more, and the change has happened.
        var maze = Maze(Maze.blockingBefore, changingTo: Maze.blockingAfter, after: 6)
        _ = maze.reset(seed: nil)
        for move in moves.prefix(3) { _ = maze.step(move) }
        _ = maze.reset(seed: nil)
        #expect(maze.stepsTaken == 3 && maze.walls == Maze.blockingBefore.walls)
        for move in moves.prefix(4) { _ = maze.step(move) }
        #expect(maze.walls == Maze.blockingAfter.walls)
    }

    @Test func theGoalEndsTheEpisodeWithOne() {
        var maze = Maze(Maze.dyna)
        _ = maze.reset(seed: nil)
        // (2, 0) → up twice to (0, 0), right to (0, 6), down to (3, 6), right to (3, 8), up to (0, 8).
        let path: [MazeMove] = [.up, .up] + Array(repeating: .right, count: 6) + [.down, .down, .down, .right, .right, .up, .up, .up]
        var total = 0.0
        var last: Step<Int>?
        for move in path { last = maze.step(move); total += last!.reward }
        #expect(last?.terminated == true && last?.observation == 8 && total == 1)
    }
}
