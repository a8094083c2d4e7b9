import RLCore
import Testing

@testable import RLCliffWalking

@Suite struct CliffWalkingExploringStartsTests {
    @Test func everyCellOffTheCliffAndTheGoalCanStartAnEpisodeUnderTheClock() {
        #expect(CliffWalking.startCells.count == 4 * 12 - 10 - 1)
        var walk = CliffWalking.capped(at: 5)
        for index in 0..<walk.startStateCount {
            let cell = walk.startState(at: index)
            #expect(walk.reset(from: cell, seed: nil) == cell && walk.elapsedSteps == 0)
        }
        // Above the goal, a move down ends the episode at once.
        _ = walk.reset(from: GridPosition(row: 2, column: 11), seed: 1)
        #expect(walk.step(.down).terminated)
    }
}
