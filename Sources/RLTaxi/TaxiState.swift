import RLCore

/// Where the taxi, the passenger and the destination are.
///
/// Locations 0–3 are Gymnasium's four stands, Red (0, 0), Green (0, 4), Yellow (4, 0) and
/// Blue (4, 3); a passenger at location 4 is in the taxi.
public struct TaxiState: Hashable, Sendable, CustomStringConvertible {
    /// 0 (top) to 4.
    public var taxiRow: Int
    /// 0 (left) to 4.
    public var taxiColumn: Int
    /// A stand (0–3), or ``TaxiState/inTaxi``.
    public var passenger: Int
    /// A stand (0–3).
    public var destination: Int

    /// The passenger's location while riding.
    public static let inTaxi = 4

    public init(taxiRow: Int, taxiColumn: Int, passenger: Int, destination: Int) {
        self.taxiRow = taxiRow
        self.taxiColumn = taxiColumn
        self.passenger = passenger
        self.destination = destination
    }

    /// Gymnasium's `decode`: the state numbered `index`.
    public init(index: Int) {
        destination = index % 4
        passenger = index / 4 % 5
        taxiColumn = index / 20 % 5
        taxiRow = index / 100
    }

    /// Gymnasium's `encode`: `((taxi_row × 5 + taxi_col) × 5 + passenger) × 4 + destination`.
    @inlinable public var index: Int { ((taxiRow * 5 + taxiColumn) * 5 + passenger) * 4 + destination }

    public var description: String {
        let names = ["Red", "Green", "Yellow", "Blue", "in the taxi"]
        return "taxi (row \(taxiRow), column \(taxiColumn)), passenger \(names[passenger]), destination \(names[destination])"
    }
}

/// Taxi's 500 states, numbered as Gymnasium numbers them; the table shape is
/// `[taxi row, taxi column, passenger, destination]` = `[5, 5, 5, 4]`.
public struct TaxiSpace: FiniteSpace, Sendable, Equatable {
    public init() {}
    public var count: Int { 500 }
    public var shape: [Int] { [5, 5, 5, 4] }
    @inlinable public func index(of element: TaxiState) -> Int { element.index }
    public func element(at index: Int) -> TaxiState { TaxiState(index: index) }
    public func contains(_ element: TaxiState) -> Bool {
        (0..<5).contains(element.taxiRow) && (0..<5).contains(element.taxiColumn)
            && (0...4).contains(element.passenger) && (0..<4).contains(element.destination)
    }
}

/// Taxi's six actions, numbered as in Gymnasium.
public enum TaxiAction: Int, Sendable, CaseIterable, CustomStringConvertible {
    case south, north, east, west, pickUp, dropOff

    public var description: String {
        switch self {
        case .south: "south"
        case .north: "north"
        case .east: "east"
        case .west: "west"
        case .pickUp: "pick up"
        case .dropOff: "drop off"
        }
    }
}

/// The six actions as a finite space: Gymnasium's `Discrete(6)`.
public typealias TaxiActionSpace = EnumSpace<TaxiAction>
