import RLCore

/// What a Taxi episode did.
public struct TaxiCounters: EpisodeCounters {
    /// Passengers dropped off at their destination (0 or 1: a delivery ends the episode).
    public var deliveries = 0
    /// Pick-ups and drop-offs that were not allowed (each cost −10).
    public var illegalActions = 0
    public init() {}
}

/// Gymnasium's `Taxi-v4` (Dietterich's taxi domain): drive to the passenger, pick them up,
/// drive to their destination and drop them off.
///
/// 500 states (``TaxiState``, numbered as Gymnasium numbers them), 6 actions (``TaxiAction``).
/// Every step costs −1; a delivery gives +20 and ends the episode (terminated); an illegal
/// pick-up or drop-off costs −10. Dropping the passenger at a stand that is not their
/// destination is legal (−1) and leaves them there. An episode starts uniformly in one of 300
/// states: the passenger at a stand, the destination another stand, the taxi anywhere.
/// Gymnasium caps episodes at ``stepCap`` steps with a `TimeLimit`.
///
/// Options, as in Gymnasium 1.4:
/// - `isRainy`: a move that is possible goes as intended with probability `rainyProbability`
///   (0.8) and to either side with `(1 − rainyProbability) / 2` each, walls permitting; a move
///   into a wall stays put. This is in the ``model``, as in Gymnasium's `P`.
/// - `ficklePassenger`: at reset, with probability `fickleProbability` (0.3), the passenger is
///   fickle: on the first step that moves the taxi with the passenger already aboard, they
///   change their destination to one of the other three stands, uniformly. This is *not* in
///   the model (Gymnasium's `P` omits it too, and it depends on a hidden flag).
public struct Taxi: ModelledEnvironment, Sendable {
    /// Gymnasium's `max_episode_steps` for `Taxi-v4`.
    public static let stepCap = 200
    /// The map, character for character as Gymnasium's `MAP`: a `:` between two cells is open, a `|` a wall.
    public static let map = [
        "+---------+",
        "|R: | : :G|",
        "| : | : : |",
        "| : : : : |",
        "| | : | : |",
        "|Y| : |B: |",
        "+---------+",
    ]
    /// The four stands (row, column): Red, Green, Yellow, Blue.
    public static let stands = [(row: 0, column: 0), (row: 0, column: 4), (row: 4, column: 0), (row: 4, column: 3)]
    /// The reward of a step that does nothing else.
    public static let stepReward = -1.0
    /// The reward of a delivery.
    public static let deliveryReward = 20.0
    /// The reward of an illegal pick-up or drop-off.
    public static let illegalReward = -10.0

    public let isRainy: Bool
    public let rainyProbability: Double
    public let ficklePassenger: Bool
    public let fickleProbability: Double
    public let model: TabularModel
    public let observationSpace = TaxiSpace()
    public let actionSpace = TaxiActionSpace()
    public private(set) var state: TaxiState
    public private(set) var counters = TaxiCounters()
    /// Whether this episode's passenger will still change their mind (Gymnasium's `fickle_step`).
    public private(set) var passengerIsFickle = false
    private var generator: Xoshiro256StarStar

    /// - Precondition: both probabilities are in `0...1`.
    public init(
        isRainy: Bool = false, ficklePassenger: Bool = false,
        rainyProbability: Double = 0.8, fickleProbability: Double = 0.3, seed: UInt64 = 0
    ) {
        precondition(
            (0...1).contains(rainyProbability) && (0...1).contains(fickleProbability),
            "the rainy and fickle probabilities are probabilities")
        self.isRainy = isRainy
        self.rainyProbability = rainyProbability
        self.ficklePassenger = ficklePassenger
        self.fickleProbability = fickleProbability
        self.model = TaxiModel(isRainy: isRainy, rainyProbability: rainyProbability).model
        self.generator = Xoshiro256StarStar(seed: seed)
        self.state = TaxiState(index: model.initialDistribution.firstIndex { $0 > 0 }!)
    }

    /// Starts with the passenger at a stand, the destination another, the taxi anywhere.
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> TaxiState {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = TaxiState(index: model.sampleInitialState(using: &generator))
        passengerIsFickle = ficklePassenger && generator.nextUnitDouble() < fickleProbability
        counters = TaxiCounters()
        return state
    }

    /// Starts from a chosen state, as setting Gymnasium's `env.unwrapped.s` would (for tests
    /// and demonstrations); the fickle passenger is drawn as in ``reset(seed:)``.
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    public mutating func reset(to start: TaxiState, seed: UInt64? = nil) -> TaxiState {
        precondition(observationSpace.contains(start), "\(start) is not a Taxi state")
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = start
        passengerIsFickle = ficklePassenger && generator.nextUnitDouble() < fickleProbability
        counters = TaxiCounters()
        return state
    }

    public mutating func step(_ action: TaxiAction) -> Step<TaxiState> {
        let outcome = model.sampleOutcome(from: state.index, taking: action.rawValue, using: &generator)
        var next = TaxiState(index: outcome.nextState)
        let moved = next.taxiRow != state.taxiRow || next.taxiColumn != state.taxiColumn
        if passengerIsFickle && state.passenger == TaxiState.inTaxi && moved {
            passengerIsFickle = false
            let others = (0..<4).filter { $0 != state.destination }
            next.destination = others[generator.nextIndex(below: others.count)]
        }
        state = next
        if outcome.reward == Self.deliveryReward { counters.deliveries += 1 }
        if outcome.reward == Self.illegalReward { counters.illegalActions += 1 }
        return Step(observation: state, reward: outcome.reward, terminated: outcome.terminated, truncated: false)
    }
}

extension Taxi: Resumable {
    /// The generator of starts, rain and fickle passengers.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}

extension Taxi: ExploringStartsEnvironment {
    /// Every state but those of a delivered passenger (at the destination, out of the taxi),
    /// which end the episode: 25 cells × 16 of passenger and destination.
    public var startStateCount: Int { 400 }

    public func startState(at index: Int) -> TaxiState {
        let cell = index / 16, pair = index % 16, destination = pair / 4
        // The passenger's four places other than the destination: the other three stands, or the taxi.
        let places = (0..<5).filter { $0 != destination }
        return TaxiState(taxiRow: cell / 5, taxiColumn: cell % 5, passenger: places[pair % 4], destination: destination)
    }

    /// Starts in `state` (``reset(to:seed:)``), which must not be a delivered passenger's.
    public mutating func reset(from state: TaxiState, seed: UInt64?) -> TaxiState {
        precondition(state.passenger != state.destination, "\(state) is a delivered passenger's: the episode is over")
        return reset(to: state, seed: seed)
    }
}
