import RLCore

/// What a FrozenLake episode achieved.
public struct FrozenLakeCounters: EpisodeCounters {
    /// The episode reached a goal.
    public var success = false
    public init() {}
}

/// Gymnasium's `FrozenLake-v1`: walk from a start to the goal across a lake with holes.
///
/// Observations are cells numbered `row × columns + column`; actions are ``LakeMove``
/// (0 left, 1 down, 2 right, 3 up). Reaching a goal or a hole ends the episode (terminated);
/// the rewards are Gymnasium's `reward_schedule`, by default 1 at the goal and 0 elsewhere.
/// On a slippery lake (the default) the intended move happens with probability
/// `successRate` (1/3) and each perpendicular move with `(1 − successRate) / 2`.
///
/// The world has no step cap of its own: Gymnasium's registry caps it with a `TimeLimit`
/// (``stepCapFourByFour``, ``stepCapEightByEight``).
///
/// The whole dynamics are ``model``, built exactly as Gymnasium builds `P` (same outcome order,
/// duplicates not merged); ``step(_:)`` samples from it with the world's own generator.
public struct FrozenLake: ModelledEnvironment, Sendable {
    /// Gymnasium's `max_episode_steps` for `FrozenLake-v1` (the 4 × 4 map).
    public static let stepCapFourByFour = 100
    /// Gymnasium's `max_episode_steps` for `FrozenLake8x8-v1` (the 8 × 8 map).
    public static let stepCapEightByEight = 200

    /// Rewards for stepping onto each kind of tile: Gymnasium's `reward_schedule`.
    public struct Rewards: Sendable, Equatable {
        public var goal: Double
        public var hole: Double
        /// Frozen ice, the start included.
        public var frozen: Double
        public init(goal: Double = 1, hole: Double = 0, frozen: Double = 0) {
            self.goal = goal; self.hole = hole; self.frozen = frozen
        }
    }

    public let map: LakeMap
    public let isSlippery: Bool
    /// The chance of moving as intended on a slippery lake.
    public let successRate: Double
    public let rewards: Rewards
    public let model: TabularModel
    public let observationSpace: LakeSpace
    public let actionSpace = LakeMoveSpace()
    /// The cell the walker stands on.
    public private(set) var state: Int
    public private(set) var counters = FrozenLakeCounters()
    private var generator: Xoshiro256StarStar

    /// - Precondition: `successRate` is in `0...1`.
    public init(
        map: LakeMap = .fourByFour, isSlippery: Bool = true, successRate: Double = 1.0 / 3.0,
        rewards: Rewards = Rewards(), seed: UInt64 = 0
    ) {
        precondition((0...1).contains(successRate), "the success rate is a probability")
        self.map = map
        self.isSlippery = isSlippery
        self.successRate = successRate
        self.rewards = rewards
        self.observationSpace = LakeSpace(rows: map.rows, columns: map.columns)
        self.model = Self.makeModel(map: map, isSlippery: isSlippery, successRate: successRate, rewards: rewards)
        self.generator = Xoshiro256StarStar(seed: seed)
        self.state = model.initialDistribution.firstIndex { $0 > 0 }!
    }

    /// The step cap Gymnasium registers for this map, if it is one of the built-in maps.
    public var registeredStepCap: Int? {
        switch map {
        case .fourByFour: Self.stepCapFourByFour
        case .eightByEight: Self.stepCapEightByEight
        default: nil
        }
    }

    /// The cell reached by moving once from `state`, the lake's edge stopping the walker.
    public static func destination(of move: LakeMove, from state: Int, on map: LakeMap) -> Int {
        var row = state / map.columns, column = state % map.columns
        switch move {
        case .left: column = max(column - 1, 0)
        case .down: row = min(row + 1, map.rows - 1)
        case .right: column = min(column + 1, map.columns - 1)
        case .up: row = max(row - 1, 0)
        }
        return row * map.columns + column
    }

    static func makeModel(map: LakeMap, isSlippery: Bool, successRate: Double, rewards: Rewards) -> TabularModel {
        let states = map.rows * map.columns
        let starts = (0..<states).filter { map.tile(at: $0) == .start }
        var initial = Array(repeating: 0.0, count: states)
        for start in starts { initial[start] = 1 / Double(starts.count) }
        // Written as Gymnasium writes it, so the probabilities agree to the last bit.
        let failRate = (1.0 - successRate) / 2.0

        func outcome(_ move: LakeMove, from state: Int, probability: Double) -> Outcome {
            let next = destination(of: move, from: state, on: map)
            let tile = map.tile(at: next)
            let reward =
                switch tile {
                case .goal: rewards.goal
                case .hole: rewards.hole
                case .start, .frozen: rewards.frozen
                }
            return Outcome(probability: probability, nextState: next, reward: reward, terminated: tile.endsEpisode)
        }

        return TabularModel(stateCount: states, actionCount: 4, initialDistribution: initial) { state, action in
            // Gymnasium keeps holes and goals in P as absorbing states.
            if map.tile(at: state).endsEpisode {
                return [Outcome(probability: 1, nextState: state, reward: 0, terminated: true)]
            }
            let move = LakeMove(rawValue: action)!
            guard isSlippery else { return [outcome(move, from: state, probability: 1)] }
            return move.slipperyOutcomes.map { outcome($0, from: state, probability: $0 == move ? successRate : failRate) }
        }
    }

    /// Starts on a start tile (drawn uniformly if the map has several).
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        state = model.sampleInitialState(using: &generator)
        counters = FrozenLakeCounters()
        return state
    }

    public mutating func step(_ action: LakeMove) -> Step<Int> {
        let outcome = model.sampleOutcome(from: state, taking: action.rawValue, using: &generator)
        state = outcome.nextState
        if outcome.terminated && map.tile(at: state) == .goal { counters.success = true }
        return Step(observation: state, reward: outcome.reward, terminated: outcome.terminated, truncated: false)
    }
}

extension FrozenLake: Resumable {
    /// The generator of slips and of the start tile.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}

extension FrozenLake: ExploringStartsEnvironment {
    /// The tiles a walk can stand on with the episode going on: start and frozen ones (a hole or
    /// the goal ends it).
    public var startStateCount: Int { (0..<map.rows * map.columns).count { Self.canStart(on: map.tile(at: $0)) } }

    public func startState(at index: Int) -> Int {
        (0..<map.rows * map.columns).lazy.filter { Self.canStart(on: self.map.tile(at: $0)) }.dropFirst(index).first!
    }

    static func canStart(on tile: LakeTile) -> Bool { tile == .start || tile == .frozen }

    /// Starts on `state`, a start or frozen tile; the generator draws nothing.
    public mutating func reset(from state: Int, seed: UInt64?) -> Int {
        precondition(
            observationSpace.contains(state) && Self.canStart(on: map.tile(at: state)), "\(state) is not a tile a walk can start on")
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        self.state = state
        counters = FrozenLakeCounters()
        return state
    }
}
