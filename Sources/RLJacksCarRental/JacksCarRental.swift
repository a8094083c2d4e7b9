import Foundation
import RLCore

/// The settings of Jack's car rental (Sutton & Barto, 2nd ed., Example 4.2, p. 81).
public struct JacksCarRentalConfiguration: Sendable, Equatable, Codable {
    /// Cars a location can hold: more are returned to the nationwide company.
    public var maxCars = 20
    /// Cars that can be moved overnight, either way.
    public var maxMove = 5
    /// Credit for each car rented.
    public var rentalCredit = 10.0
    /// Cost of each car moved.
    public var moveCost = 2.0
    /// λ of the requests and of the returns at the first and the second location.
    public var requests = [3.0, 4.0]
    public var returns = [3.0, 2.0]

    public init() {}
}

/// Jack's car rental as a model (Example 4.2): a state is the cars at each location at the end
/// of a day, `first × (maxCars + 1) + second`; an action moves `action − maxMove` cars from the
/// first location to the second overnight (negative: the other way), at `moveCost` each, and
/// only cars that are there can move. Cars beyond `maxCars` after the move or the returns
/// disappear. The next day each location rents min(requests, cars) at `rentalCredit` each and
/// then gets its returns, which can be rented the day after; requests and returns are Poisson.
///
/// The model is exact, with no truncation of the Poisson laws: every request count at least
/// the cars there rents them all, and every return count that fills the location fills it, so
/// the tails are lumped where they land. The two locations are independent given the move. A
/// next state's reward is the expected reward given the state, the move and that next state:
/// expected values (what the planners compute) are exact; the model does not give the spread
/// of the rental income within one next state. (The book's Python reproduction cuts the laws
/// at 11 instead, leaving out a probability of at most about 0.002 per variable.)
public enum JacksCarRental {
    /// The model of `configuration`; the episode never ends (the book's γ = 0.9 makes it finite).
    public static func model(_ configuration: JacksCarRentalConfiguration = JacksCarRentalConfiguration()) -> TabularModel {
        let size = configuration.maxCars + 1, moves = 2 * configuration.maxMove + 1
        let first = location(requests: configuration.requests[0], returns: configuration.returns[0], maxCars: configuration.maxCars)
        let second = location(requests: configuration.requests[1], returns: configuration.returns[1], maxCars: configuration.maxCars)
        let legal = (0..<(size * size)).map { state in
            LegalActions((0..<moves).filter { isLegal(state: state, action: $0, configuration) })
        }
        var initial = Array(repeating: 0.0, count: size * size)
        initial[0] = 1
        return TabularModel(stateCount: size * size, actionCount: moves, initialDistribution: initial, legalActions: legal) {
            state, action in
            guard isLegal(state: state, action: action, configuration) else { return [] }
            let move = action - configuration.maxMove
            let cars1 = min(state / size - move, configuration.maxCars), cars2 = min(state % size + move, configuration.maxCars)
            let cost = configuration.moveCost * Double(abs(move))
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(size * size)
            for next1 in 0..<size where first[cars1][next1].probability > 0 {
                for next2 in 0..<size where second[cars2][next2].probability > 0 {
                    let (p1, rented1) = first[cars1][next1], (p2, rented2) = second[cars2][next2]
                    outcomes.append(
                        Outcome(
                            probability: p1 * p2, nextState: next1 * size + next2,
                            reward: configuration.rentalCredit * (rented1 + rented2) - cost, terminated: false))
                }
            }
            return outcomes
        }
    }

    /// Whether the move of `action` is possible: the cars moved are there.
    public static func isLegal(state: Int, action: Int, _ configuration: JacksCarRentalConfiguration) -> Bool {
        let size = configuration.maxCars + 1, move = action - configuration.maxMove
        return move >= 0 ? move <= state / size : -move <= state % size
    }

    /// One location's day from each count of cars 0...maxCars after the move: for each count at
    /// the end of the day, its probability and the expected cars rented given it.
    static func location(requests: Double, returns: Double, maxCars: Int) -> [[(probability: Double, rented: Double)]] {
        (0...maxCars).map { cars in
            var probability = Array(repeating: 0.0, count: maxCars + 1), rentedMass = Array(repeating: 0.0, count: maxCars + 1)
            for rented in 0...cars {
                // Renting all of them takes every request count from `cars` up.
                let pRented = rented < cars ? poisson(rented, requests) : 1 - (0..<cars).map { poisson($0, requests) }.reduce(0, +)
                let left = cars - rented, room = maxCars - left
                for returned in 0...room {
                    let pReturned = returned < room ? poisson(returned, returns) : 1 - (0..<room).map { poisson($0, returns) }.reduce(0, +)
                    probability[left + returned] += pRented * pReturned
                    rentedMass[left + returned] += pRented * pReturned * Double(rented)
                }
            }
            return (0...maxCars).map { (probability[$0], probability[$0] > 0 ? rentedMass[$0] / probability[$0] : 0) }
        }
    }

    /// P(N = n) for N ~ Poisson(λ).
    static func poisson(_ n: Int, _ lambda: Double) -> Double { exp(-lambda + Double(n) * log(lambda) - lgamma(Double(n + 1))) }
}
