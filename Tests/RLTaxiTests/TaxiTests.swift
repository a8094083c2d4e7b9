import GymnasiumFixtures
import RLCore
import RLTaxi
import Testing

@Suite struct TaxiParityTests {
    @Test(arguments: [("taxi", false), ("taxi-rainy", true)])
    func theModelIsGymnasiumsP(fixture: String, rainy: Bool) throws {
        let golden: GoldenModel = try loadFixture(fixture)
        #expect(golden.versions["gymnasium"] == "1.4.0")
        #expect(differences(between: Taxi(isRainy: rainy).model, and: golden) == [])
        // The fickle passenger acts in step(), not in the model (the golden script checks the same of Gymnasium).
        #expect(differences(between: Taxi(isRainy: rainy, ficklePassenger: true).model, and: golden) == [])
        // Written as Gymnasium writes it, the model agrees to the last bit, not just within 1e-12.
        #expect(differences(between: Taxi(isRainy: rainy).model, and: golden, tolerance: 0) == [])
    }

    @Test func theComparisonSeesADifference() throws {
        let rainy: GoldenModel = try loadFixture("taxi-rainy")
        let found = differences(between: Taxi(isRainy: false).model, and: rainy, limit: 2)
        #expect(found.count == 2)
        #expect(found.first == "state 0, action 0: 1 outcomes, Gymnasium 3")
        let lateral = differences(between: Taxi(isRainy: true, rainyProbability: 0.8 + 1e-11).model, and: rainy, limit: 1)
        #expect(lateral.first?.hasPrefix("state 0, action 0, outcome 0:") == true)
    }
}

@Suite struct TaxiTests {
    let red = 0, green = 1, yellow = 2, blue = 3

    @Test func statesAreNumberedAsGymnasiumEncodesThem() {
        let state = TaxiState(taxiRow: 3, taxiColumn: 1, passenger: 2, destination: 0)
        #expect(state.index == ((3 * 5 + 1) * 5 + 2) * 4 + 0)
        for index in 0..<500 { #expect(TaxiState(index: index).index == index) }
        #expect(TaxiSpace().shape == [5, 5, 5, 4] && Taxi.stepCap == 200)
        #expect(TaxiAction.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
        #expect(Taxi().model.initialDistribution.filter { $0 > 0 }.count == 300)
    }

    @Test func aDeliveryWithMistakesAlongTheWay() {
        var taxi = Taxi()
        _ = taxi.reset(to: TaxiState(taxiRow: 0, taxiColumn: 0, passenger: red, destination: green))
        #expect(taxi.step(.dropOff).reward == Taxi.illegalReward)
        #expect(taxi.step(.pickUp).reward == Taxi.stepReward)
        #expect(taxi.state.passenger == TaxiState.inTaxi)
        #expect(taxi.step(.pickUp).reward == Taxi.illegalReward)
        #expect(taxi.step(.east).observation.taxiColumn == 1)
        #expect(taxi.step(.east).observation.taxiColumn == 1, "a wall stands between columns 1 and 2 on row 0")
        for action: TaxiAction in [.south, .south, .east, .east, .east, .north, .north] {
            #expect(taxi.step(action).reward == Taxi.stepReward)
        }
        #expect(taxi.state == TaxiState(taxiRow: 0, taxiColumn: 4, passenger: TaxiState.inTaxi, destination: green))
        let delivery = taxi.step(.dropOff)
        #expect(delivery.reward == Taxi.deliveryReward && delivery.terminated && !delivery.truncated)
        #expect(delivery.observation.passenger == green)
        #expect(taxi.counters.deliveries == 1 && taxi.counters.illegalActions == 2)
    }

    @Test func droppingAtAnotherStandLeavesThePassengerThere() {
        var taxi = Taxi()
        _ = taxi.reset(to: TaxiState(taxiRow: 4, taxiColumn: 0, passenger: TaxiState.inTaxi, destination: blue))
        let step = taxi.step(.dropOff)
        #expect(step.reward == Taxi.stepReward && !step.terminated && step.observation.passenger == yellow)
    }

    @Test func aFicklePassengerChangesTheirMindOnTheFirstMoveAboard() {
        var taxi = Taxi(ficklePassenger: true, fickleProbability: 1)
        _ = taxi.reset(to: TaxiState(taxiRow: 0, taxiColumn: 0, passenger: red, destination: green))
        #expect(taxi.passengerIsFickle)
        _ = taxi.step(.south)  // a move without the passenger: no change
        _ = taxi.step(.north)
        #expect(taxi.state.destination == green && taxi.passengerIsFickle)
        _ = taxi.step(.pickUp)  // aboard, but the taxi has not moved
        #expect(taxi.state.destination == green && taxi.passengerIsFickle)
        _ = taxi.step(.west)  // into the edge: still not moved
        #expect(taxi.state.destination == green && taxi.passengerIsFickle)
        let moved = taxi.step(.south)
        #expect(moved.observation.destination != green && !taxi.passengerIsFickle)
        let destination = moved.observation.destination
        for action: TaxiAction in [.north, .south, .north] { _ = taxi.step(action) }
        #expect(taxi.state.destination == destination, "a passenger changes their mind once")
    }

    @Test func fickleOddsAndNewDestinationsFollowTheRule() {
        var taxi = Taxi(ficklePassenger: true, seed: 9)
        var fickle = 0
        var newDestinations = [0: 0, 2: 0, 3: 0]
        let trials = 20_000
        for _ in 0..<trials {
            _ = taxi.reset(to: TaxiState(taxiRow: 0, taxiColumn: 0, passenger: TaxiState.inTaxi, destination: green))
            guard taxi.passengerIsFickle else { continue }
            fickle += 1
            newDestinations[taxi.step(.south).observation.destination, default: 0] += 1
        }
        #expect(abs(Double(fickle) / Double(trials) - 0.3) < 0.015)
        #expect(newDestinations.count == 3, "never the old destination")
        for (_, count) in newDestinations { #expect(abs(Double(count) / Double(fickle) - 1.0 / 3.0) < 0.03) }
        var steady = Taxi(seed: 9)
        for _ in 0..<100 { _ = steady.reset(seed: nil); #expect(!steady.passengerIsFickle) }
    }

    @Test func rainDriftsSidewaysButNeverThroughWalls() {
        // At (2, 1) heading north: 0.8 to (1, 1), 0.1 drifting west to (2, 0), 0.1 east to (2, 2).
        var taxi = Taxi(isRainy: true, seed: 4)
        var landed: [Int: Int] = [:]
        let trials = 30_000
        for _ in 0..<trials {
            _ = taxi.reset(to: TaxiState(taxiRow: 2, taxiColumn: 1, passenger: red, destination: blue))
            landed[taxi.step(.north).observation.taxiColumn * 10 + taxi.state.taxiRow, default: 0] += 1
        }
        #expect(abs(Double(landed[11] ?? 0) / Double(trials) - 0.8) < 0.015)
        #expect(abs(Double(landed[2] ?? 0) / Double(trials) - 0.1) < 0.01)
        #expect(abs(Double(landed[22] ?? 0) / Double(trials) - 0.1) < 0.01)
    }

    @Test(arguments: [false, true])
    func theWorldKeepsItsContractAndItsModel(rainy: Bool) throws {
        let taxi = Taxi(isRainy: rainy)
        try checkModel(of: taxi, seed: 2, episodes: 200, maxSteps: Taxi.stepCap)
        try checkEnvironment(TimeLimit(taxi, maxSteps: Taxi.stepCap))
        try checkEnvironment(TimeLimit(Taxi(isRainy: rainy, ficklePassenger: true), maxSteps: Taxi.stepCap))
    }
}
