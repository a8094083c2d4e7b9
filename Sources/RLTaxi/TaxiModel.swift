import RLCore

/// Builds Taxi's ``TabularModel`` the way Gymnasium's `TaxiEnv.__init__` builds `P`: the same
/// branches in the same order (`_build_dry_transitions`, `_build_rainy_transitions`), so that the
/// outcomes agree entry by entry, duplicates and all.
struct TaxiModel {
    let isRainy: Bool
    let rainyProbability: Double

    /// The map's characters, indexed `[1 + row][2 × column + …]` as Gymnasium indexes `desc`.
    private static let walls: [[Character]] = Taxi.map.map(Array.init)
    private static let lastRow = 4, lastColumn = 4

    var model: TabularModel {
        var initial = Array(repeating: 0.0, count: 500)
        for index in 0..<500 {
            let state = TaxiState(index: index)
            if state.passenger < 4 && state.passenger != state.destination { initial[index] = 1 }
        }
        let total = initial.reduce(0, +)
        initial = initial.map { $0 / total }
        return TabularModel(stateCount: 500, actionCount: 6, initialDistribution: initial) { index, action in
            let state = TaxiState(index: index)
            return isRainy ? rainyOutcomes(state, action) : dryOutcomes(state, action)
        }
    }

    /// Whether the wall character at `desc[1 + row][column]` is open.
    private static func isOpen(row: Int, character column: Int) -> Bool { walls[1 + row][column] == ":" }

    private static func standIndex(row: Int, column: Int) -> Int? {
        Taxi.stands.firstIndex { $0.row == row && $0.column == column }
    }

    /// Gymnasium's `_pickup`: the passenger boards if the taxi is at their stand.
    private static func pickUp(_ state: TaxiState) -> (passenger: Int, reward: Double) {
        if state.passenger < 4, standIndex(row: state.taxiRow, column: state.taxiColumn) == state.passenger {
            return (TaxiState.inTaxi, Taxi.stepReward)
        }
        return (state.passenger, Taxi.illegalReward)
    }

    /// Gymnasium's `_dropoff`: a delivery at the destination; at another stand the passenger
    /// gets off and waits there; anywhere else, or with no passenger aboard, it is illegal.
    private static func dropOff(_ state: TaxiState) -> (passenger: Int, reward: Double, terminated: Bool) {
        guard state.passenger == TaxiState.inTaxi, let stand = standIndex(row: state.taxiRow, column: state.taxiColumn) else {
            return (state.passenger, Taxi.illegalReward, false)
        }
        if stand == state.destination { return (stand, Taxi.deliveryReward, true) }
        return (stand, Taxi.stepReward, false)
    }

    private func dryOutcomes(_ state: TaxiState, _ action: Int) -> [Outcome] {
        var next = state
        var reward = Taxi.stepReward, terminated = false
        let row = state.taxiRow, column = state.taxiColumn
        switch TaxiAction(rawValue: action)! {
        case .south: next.taxiRow = min(row + 1, Self.lastRow)
        case .north: next.taxiRow = max(row - 1, 0)
        case .east: if Self.isOpen(row: row, character: 2 * column + 2) { next.taxiColumn = min(column + 1, Self.lastColumn) }
        case .west: if Self.isOpen(row: row, character: 2 * column) { next.taxiColumn = max(column - 1, 0) }
        case .pickUp: (next.passenger, reward) = Self.pickUp(state)
        case .dropOff: (next.passenger, reward, terminated) = Self.dropOff(state)
        }
        return [Outcome(probability: 1, nextState: next.index, reward: reward, terminated: terminated)]
    }

    /// Gymnasium's `_calc_new_position`: a sideways drift, stopped by the grid's edge and by walls.
    private static func drift(row: Int, column: Int, by delta: (row: Int, column: Int)) -> (row: Int, column: Int) {
        let newRow = max(0, min(row + delta.row, lastRow))
        let newColumn = max(0, min(column + delta.column, lastColumn))
        if delta.column == 1 && !isOpen(row: newRow, character: 2 * newColumn) { return (row, column) }
        if delta.column == -1 && !isOpen(row: newRow, character: 2 * newColumn + 2) { return (row, column) }
        return (newRow, newColumn)
    }

    /// For each move, Gymnasium's (forward, left, right) steps: south drifts east then west,
    /// north west then east, east north then south, west south then north.
    private static let headings: [[(row: Int, column: Int)]] = [
        [(1, 0), (0, 1), (0, -1)],
        [(-1, 0), (0, -1), (0, 1)],
        [(0, 1), (-1, 0), (1, 0)],
        [(0, -1), (1, 0), (-1, 0)],
    ]

    private func rainyOutcomes(_ state: TaxiState, _ action: Int) -> [Outcome] {
        let row = state.taxiRow, column = state.taxiColumn
        var intended = state, left = state, right = state
        var reward = Taxi.stepReward, terminated = false
        let canMove =
            switch TaxiAction(rawValue: action)! {
            case .south: row < Self.lastRow
            case .north: row > 0
            case .east: Self.isOpen(row: row, character: 2 * column + 2)
            case .west: Self.isOpen(row: row, character: 2 * column)
            case .pickUp, .dropOff: false
            }
        if canMove {
            let moves = Self.headings[action]
            intended.taxiRow = max(0, min(row + moves[0].row, Self.lastRow))
            intended.taxiColumn = max(0, min(column + moves[0].column, Self.lastColumn))
            (left.taxiRow, left.taxiColumn) = Self.drift(row: row, column: column, by: moves[1])
            (right.taxiRow, right.taxiColumn) = Self.drift(row: row, column: column, by: moves[2])
        } else if action == TaxiAction.pickUp.rawValue {
            (intended.passenger, reward) = Self.pickUp(state)
        } else if action == TaxiAction.dropOff.rawValue {
            (intended.passenger, reward, terminated) = Self.dropOff(state)
        }
        guard action <= TaxiAction.west.rawValue else {
            return [Outcome(probability: 1, nextState: intended.index, reward: reward, terminated: terminated)]
        }
        // Written as Gymnasium writes it, so the probabilities agree to the last bit; a blocked
        // move still lists three outcomes, all staying put.
        let lateral = (1.0 - rainyProbability) / 2.0
        return [
            Outcome(probability: rainyProbability, nextState: intended.index, reward: Taxi.stepReward, terminated: terminated),
            Outcome(probability: lateral, nextState: left.index, reward: Taxi.stepReward, terminated: terminated),
            Outcome(probability: lateral, nextState: right.index, reward: Taxi.stepReward, terminated: terminated),
        ]
    }
}
