import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cart Pole's state, which is also what an agent observes.
///
/// Gymnasium returns it as float32; here it is the float64 state itself, so an observation
/// carries the digits Gymnasium's observation rounds away.
public struct CartPoleObservation: ContinuousObservation {
    /// The cart's position on the track (m), 0 in the middle.
    public var cartPosition: Double
    /// The cart's velocity (m/s).
    public var cartVelocity: Double
    /// The pole's angle from upright (rad), positive clockwise (leaning right).
    public var poleAngle: Double
    /// The pole's angular velocity (rad/s).
    public var poleAngularVelocity: Double

    @inlinable
    public init(cartPosition: Double, cartVelocity: Double, poleAngle: Double, poleAngularVelocity: Double) {
        self.cartPosition = cartPosition
        self.cartVelocity = cartVelocity
        self.poleAngle = poleAngle
        self.poleAngularVelocity = poleAngularVelocity
    }

    public static let dimensionNames = ["cartPosition", "cartVelocity", "poleAngle", "poleAngularVelocity"]

    @inlinable
    public subscript(dimension: Int) -> Double {
        switch dimension {
        case 0: cartPosition
        case 1: cartVelocity
        case 2: poleAngle
        case 3: poleAngularVelocity
        default: preconditionFailure("a cart-pole point has 4 coordinates, not \(dimension + 1)")
        }
    }
}

/// The two pushes, numbered as Gymnasium numbers them.
public enum CartPoleAction: Int, CaseIterable, CustomStringConvertible, Sendable {
    case left = 0, right = 1

    public var description: String {
        switch self {
        case .left: "LEFT"
        case .right: "RIGHT"
        }
    }
}

/// Gymnasium's `CartPole-v1` (Barto, Sutton & Anderson 1983): push a cart left or right to keep
/// the pole hinged on it upright.
///
/// Every step earns +1, the terminating one included. The episode terminates when the cart
/// leaves `±2.4` or the pole leans more than 12° (`±0.2094…` rad); Gymnasium truncates it after
/// ``stepCap`` steps (``ClassicControlWorld/capped(at:seed:)``). An episode starts with each
/// coordinate uniform in `[−0.05, 0.05)`, from the world's own generator (not NumPy's).
///
/// The dynamics are `cartpole.py`'s explicit Euler step (`kinematics_integrator = "euler"`),
/// in the same order of operations, so the float64 states agree with Gymnasium's.
public struct CartPole: ClassicControlWorld {
    public typealias State = CartPoleObservation

    /// Gymnasium's `max_episode_steps` for `CartPole-v1`.
    public static let stepCap = 500

    // cartpole.py's constants, computed as it computes them.
    /// Gravity (m/s²).
    public static let gravity = 9.8
    /// The cart's mass (kg).
    public static let cartMass = 1.0
    /// The pole's mass (kg).
    public static let poleMass = 0.1
    /// Cart and pole together (kg).
    public static let totalMass = poleMass + cartMass
    /// Half the pole's length (m).
    public static let halfPoleLength = 0.5
    /// The pole's mass times its half length.
    public static let poleMassLength = poleMass * halfPoleLength
    /// The push's magnitude (N).
    public static let forceMagnitude = 10.0
    /// Seconds between states.
    public static let timeStep = 0.02
    /// The pole angle beyond which the episode terminates: 12°.
    public static let angleThreshold = 12 * 2 * Double.pi / 360
    /// The cart position beyond which the episode terminates.
    public static let positionThreshold = 2.4

    /// Twice the thresholds, as Gymnasium's `Box`; the velocities are unbounded, also as in
    /// Gymnasium (its float32 bounds are infinite too).
    public let observationSpace = Box<CartPoleObservation>(symmetric: [
        2 * positionThreshold, .infinity, 2 * angleThreshold, .infinity,
    ])
    public let actionSpace = EnumSpace<CartPoleAction>()
    /// The current state (all zeros before the first reset).
    public private(set) var state = CartPoleObservation(cartPosition: 0, cartVelocity: 0, poleAngle: 0, poleAngularVelocity: 0)
    private var generator: Xoshiro256StarStar

    public init(seed: UInt64 = 0) { generator = Xoshiro256StarStar(seed: seed) }

    /// Starts with every coordinate uniform in `[−0.05, 0.05)`.
    /// - Parameter seed: reseeds the world's generator; `nil` keeps it going.
    public mutating func reset(seed: UInt64?) -> CartPoleObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        // Drawn in Gymnasium's order: position, velocity, angle, angular velocity.
        let cartPosition = generator.nextUniform(from: -0.05, to: 0.05)
        let cartVelocity = generator.nextUniform(from: -0.05, to: 0.05)
        let poleAngle = generator.nextUniform(from: -0.05, to: 0.05)
        let poleAngularVelocity = generator.nextUniform(from: -0.05, to: 0.05)
        state = CartPoleObservation(
            cartPosition: cartPosition, cartVelocity: cartVelocity, poleAngle: poleAngle, poleAngularVelocity: poleAngularVelocity)
        return state
    }

    public mutating func reset(from state: CartPoleObservation, seed: UInt64?) -> CartPoleObservation {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        self.state = state
        return state
    }

    public mutating func step(_ action: CartPoleAction) -> Step<CartPoleObservation> {
        state = Self.next(state, pushing: action)
        let terminated =
            state.cartPosition < -Self.positionThreshold || state.cartPosition > Self.positionThreshold
            || state.poleAngle < -Self.angleThreshold || state.poleAngle > Self.angleThreshold
        return Step(observation: state, reward: 1, terminated: terminated, truncated: false)
    }

    /// One Euler step of `timeStep` seconds from `state`, as `cartpole.py` computes it.
    @inlinable
    public static func next(_ state: CartPoleObservation, pushing action: CartPoleAction) -> CartPoleObservation {
        let force = action == .right ? forceMagnitude : -forceMagnitude
        let cosine = cos(state.poleAngle)
        let sine = sin(state.poleAngle)
        let temp = (force + poleMassLength * (state.poleAngularVelocity * state.poleAngularVelocity) * sine) / totalMass
        let angularAcceleration =
            (gravity * sine - cosine * temp) / (halfPoleLength * (4.0 / 3.0 - poleMass * (cosine * cosine) / totalMass))
        let acceleration = temp - poleMassLength * angularAcceleration * cosine / totalMass
        return CartPoleObservation(
            cartPosition: state.cartPosition + timeStep * state.cartVelocity,
            cartVelocity: state.cartVelocity + timeStep * acceleration,
            poleAngle: state.poleAngle + timeStep * state.poleAngularVelocity,
            poleAngularVelocity: state.poleAngularVelocity + timeStep * angularAcceleration)
    }
}

extension CartPole: Resumable {
    /// The generator of start states.
    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }
}
