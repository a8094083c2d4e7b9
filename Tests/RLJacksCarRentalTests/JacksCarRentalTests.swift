import Foundation
import RLCore
import RLJacksCarRental
import RLPlanning
import Testing

/// Jack's car rental (Example 4.2) as an exact model, on numbers worked out by hand.
@Suite struct JacksCarRentalTests {
    static let model = JacksCarRental.model()
    static func state(_ first: Int, _ second: Int) -> Int { first * 21 + second }
    /// The action that moves `cars` from the first location to the second.
    static func move(_ cars: Int) -> Int { cars + 5 }

    @Test func theModelIsAModelAndMovesOnlyTheCarsThatAreThere() throws {
        try checkModel(Self.model)
        let legal = Self.model.legalActions(in: Self.state(3, 0))
        #expect((0..<11).filter { legal.contains($0) } == [5, 6, 7, 8], "from (3, 0): move 0 to 3")
        let both = Self.model.legalActions(in: Self.state(20, 20))
        #expect((0..<11).allSatisfy { both.contains($0) })
    }

    @Test func oneCarRentsWithTheChanceOfARequest() {
        // (1, 0), no move: the first location rents its car unless there is no request,
        // P(0 requests) = e^−3; the second has none to rent. Expected reward 10 (1 − e^−3).
        let outcomes = Self.model.outcomes(from: Self.state(1, 0), taking: Self.move(0))
        let expected = outcomes.map { $0.probability * $0.reward }.reduce(0, +)
        #expect(abs(expected - 10 * (1 - exp(-3))) < 1e-12)
        // The second location ends with its returns, Poisson(2), the tail lumped at 20.
        let second = (0...20).map { cars in outcomes.filter { $0.nextState % 21 == cars }.map(\.probability).reduce(0, +) }
        #expect(abs(second[0] - exp(-2)) < 1e-12 && abs(second[1] - 2 * exp(-2)) < 1e-12)
        #expect(abs(second.reduce(0, +) - 1) < 1e-12)
    }

    @Test func movingCostsTwoACarAndCarsBeyondTwentyDisappear() {
        // (5, 0), move 5: $10 spent, nothing to rent at the first location; (0, 5)'s day after.
        let moved = Self.model.outcomes(from: Self.state(5, 0), taking: Self.move(5))
        let stayed = Self.model.outcomes(from: Self.state(0, 5), taking: Self.move(0))
        let reward = { (outcomes: ArraySlice<Outcome>) in outcomes.map { $0.probability * $0.reward }.reduce(0, +) }
        #expect(abs(reward(moved) - (reward(stayed) - 10)) < 1e-9)
        // (20, 20), move 5: the second location holds 20, the five moved are gone: as (15, 20), no move, less $10.
        let full = Self.model.outcomes(from: Self.state(20, 20), taking: Self.move(5))
        let fifteen = Self.model.outcomes(from: Self.state(15, 20), taking: Self.move(0))
        #expect(abs(reward(full) - (reward(fifteen) - 10)) < 1e-9)
        #expect(zip(full, fifteen).allSatisfy { $0.nextState == $1.nextState && abs($0.probability - $1.probability) < 1e-15 })
    }
}
