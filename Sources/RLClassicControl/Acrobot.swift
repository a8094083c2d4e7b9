import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gymnasium's `Acrobot-v1` (Sutton 1996; Sutton & Barto's book dynamics): two links hang from
/// a pivot; a torque on the joint between them must swing the free end above a line one link
/// length above the pivot.
///
/// Every step costs −1 and the terminating one 0. The episode terminates when
/// `−cos θ1 − cos(θ2 + θ1) > 1`; Gymnasium truncates it after ``stepCap`` steps. An episode
/// starts with all four coordinates uniform in `[−0.1, 0.1)`, from the world's own generator
/// (not NumPy's), rounded to float32 as Gymnasium rounds them.
///
/// The dynamics are `acrobot.py`'s with `book_or_nips = "book"` and no torque noise: one
/// fourth-order Runge–Kutta step over `[0, 0.2]` s (its `rk4`), then the angles wrapped into
/// `[−π, π]` and the velocities clipped to `±4π` and `±9π`, in the same order of operations, so
/// the float64 states agree with Gymnasium's.
public struct Acrobot: ClassicControlWorld {
    public typealias State = AcrobotState

    /// Gymnasium's `max_episode_steps` for `Acrobot-v1`.
    public static let stepCap = 500

    // acrobot.py's constants.
    /// The integration step (s).
    public static let timeStep = 0.2
    /// The first link's length (m); it is also the height of the line above the pivot.
    public static let firstLinkLength = 1.0
    /// The links' masses (kg).
    public static let firstLinkMass = 1.0
    public static let secondLinkMass = 1.0
    /// Where each link's centre of mass lies along it.
    public static let firstLinkCentreOfMass = 0.5
    public static let secondLinkCentreOfMass = 0.5
    /// Both links' moment of inertia.
    public static let momentOfInertia = 1.0
    /// Gravity (m/s²).
    public static let gravity = 9.8
    /// The limits of θ̇1 and θ̇2 (rad/s): `±4π` and `±9π`.
    public static let maximumFirstAngularVelocity = 4 * Double.pi
    public static let maximumSecondAngularVelocity = 9 * Double.pi

    /// Gymnasium's bounds: cosines and sines in `[−1, 1]`, the velocities' limits.
    public let observationSpace = Box<AcrobotObservation>(symmetric: [
        1, 1, 1, 1, maximumFirstAngularVelocity, maximumSecondAngularVelocity,
    ])
    public let actionSpace = EnumSpace<AcrobotAction>()
    /// The current state (hanging at rest before the first reset).
    public private(set) var state = AcrobotState(firstAngle: 0, secondAngle: 0, firstAngularVelocity: 0, secondAngularVelocity: 0)
    private var generator: Xoshiro256StarStar

    public init(seed: UInt64 = 0) { generator = Xoshiro256StarStar(seed: seed) }

    /// Starts with each coordinate uniform in `[−0.1, 0.1)` and rounded to float32 (so within
    /// `±0.1000000015`).
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> AcrobotObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        // Gymnasium casts its start to float32; the state is float64 from the first step on.
        let firstAngle = Double(Float(generator.nextUniform(from: -0.1, to: 0.1)))
        let secondAngle = Double(Float(generator.nextUniform(from: -0.1, to: 0.1)))
        let firstAngularVelocity = Double(Float(generator.nextUniform(from: -0.1, to: 0.1)))
        let secondAngularVelocity = Double(Float(generator.nextUniform(from: -0.1, to: 0.1)))
        state = AcrobotState(
            firstAngle: firstAngle, secondAngle: secondAngle,
            firstAngularVelocity: firstAngularVelocity, secondAngularVelocity: secondAngularVelocity)
        return AcrobotObservation(state)
    }

    public mutating func reset(from state: AcrobotState, seed: UInt64?) -> AcrobotObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        self.state = state
        return AcrobotObservation(state)
    }

    public mutating func step(_ action: AcrobotAction) -> Step<AcrobotObservation> {
        state = Self.next(state, torque: action.torque)
        let terminated = Self.isAboveTheLine(state)
        return Step(observation: AcrobotObservation(state), reward: terminated ? 0 : -1, terminated: terminated, truncated: false)
    }

    /// Whether the free end is above the line: `acrobot.py`'s `_terminal`.
    @inlinable
    public static func isAboveTheLine(_ state: AcrobotState) -> Bool {
        -cos(state.firstAngle) - cos(state.secondAngle + state.firstAngle) > 1.0
    }
}

extension Acrobot: Resumable {
    /// The generator of start states.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
