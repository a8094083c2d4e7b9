import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Mountain Car's state, which is also what an agent observes (float64 here; Gymnasium rounds
/// its observation to float32).
public struct MountainCarObservation: ContinuousObservation {
    /// The car's position along the valley, in `[−1.2, 0.6]`; the goal is at 0.5.
    public var position: Double
    /// The car's velocity, in `[−0.07, 0.07]`.
    public var velocity: Double

    @inlinable
    public init(position: Double, velocity: Double) {
        self.position = position
        self.velocity = velocity
    }

    public static let dimensionNames = ["position", "velocity"]

    @inlinable
    public subscript(dimension: Int) -> Double {
        switch dimension {
        case 0: position
        case 1: velocity
        default: preconditionFailure("a mountain-car point has 2 coordinates, not \(dimension + 1)")
        }
    }
}

/// The three accelerations, numbered as Gymnasium numbers them.
public enum MountainCarAction: Int, CaseIterable, CustomStringConvertible, Sendable {
    case left = 0, none = 1, right = 2

    public var description: String {
        switch self {
        case .left: "LEFT"
        case .none: "NONE"
        case .right: "RIGHT"
        }
    }
}

/// Gymnasium's `MountainCar-v0` (Moore 1990; Sutton & Barto, example 10.1): an underpowered car
/// in a valley must rock back and forth to climb to the flag on the right-hand hill.
///
/// Every step costs −1. The episode terminates when the car reaches position 0.5 with a
/// velocity of at least 0 (`goal_velocity = 0`); Gymnasium truncates it after ``stepCap``
/// steps. An episode starts at a position uniform in `[−0.6, −0.4)`, from the world's own
/// generator (not NumPy's), at rest.
///
/// The dynamics are `mountain_car.py`'s: the velocity changes by `(action − 1) × 0.001 −
/// cos(3 × position) × 0.0025` and is clipped to `±0.07`; the position moves by the velocity and
/// is clipped to `[−1.2, 0.6]`; at the left wall a velocity still pointing left becomes 0.
public struct MountainCar: ClassicControlWorld {
    public typealias State = MountainCarObservation

    /// Gymnasium's `max_episode_steps` for `MountainCar-v0`.
    public static let stepCap = 200

    // mountain_car.py's constants.
    /// The left wall.
    public static let minimumPosition = -1.2
    /// The right edge.
    public static let maximumPosition = 0.6
    /// The speed limit, either way.
    public static let maximumSpeed = 0.07
    /// Where the flag stands.
    public static let goalPosition = 0.5
    /// The least velocity that counts as reaching the flag.
    public static let goalVelocity = 0.0
    /// How much a push changes the velocity per step.
    public static let force = 0.001
    /// How much the slope, `cos(3 × position)`, changes the velocity per step.
    public static let gravity = 0.0025

    /// Gymnasium's bounds (which it rounds to float32; these are the float64 ones the state is
    /// clipped to).
    public let observationSpace = Box<MountainCarObservation>(
        low: [minimumPosition, -maximumSpeed], high: [maximumPosition, maximumSpeed])
    public let actionSpace = EnumSpace<MountainCarAction>()
    /// The current state (the valley's bottom, at rest, before the first reset).
    public var state: MountainCarObservation { current }
    /// Stored apart from ``state`` so that ``step(_:)`` can be inlined into a trainer
    /// specialised on Mountain Car (an inlinable body cannot write a private setter).
    @usableFromInline var current = MountainCarObservation(position: -0.5, velocity: 0)
    private var generator: Xoshiro256StarStar

    public init(seed: UInt64 = 0) { generator = Xoshiro256StarStar(seed: seed) }

    /// Starts at rest at a position uniform in `[−0.6, −0.4)`.
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> MountainCarObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        current = MountainCarObservation(position: generator.nextUniform(from: -0.6, to: -0.4), velocity: 0)
        return current
    }

    public mutating func reset(from state: MountainCarObservation, seed: UInt64?) -> MountainCarObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        current = state
        return state
    }

    @inlinable
    public mutating func step(_ action: MountainCarAction) -> Step<MountainCarObservation> {
        current = Self.next(current, accelerating: action)
        let terminated = current.position >= Self.goalPosition && current.velocity >= Self.goalVelocity
        return Step(observation: current, reward: -1, terminated: terminated, truncated: false)
    }

    /// One step from `state`, as `mountain_car.py` computes it.
    @inlinable @inline(__always)
    public static func next(_ state: MountainCarObservation, accelerating action: MountainCarAction) -> MountainCarObservation {
        var velocity = state.velocity + (Double(action.rawValue - 1) * force + cos(3 * state.position) * -gravity)
        velocity = min(max(velocity, -maximumSpeed), maximumSpeed)
        var position = state.position + velocity
        position = min(max(position, minimumPosition), maximumPosition)
        // The left wall is inelastic: the car stops there.
        if position == minimumPosition && velocity < 0 { velocity = 0 }
        return MountainCarObservation(position: position, velocity: velocity)
    }
}

extension MountainCar: Resumable {
    /// The generator of start states.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
