import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Acrobot's physical state: Gymnasium's `env.unwrapped.state`, `[θ1, θ2, θ̇1, θ̇2]`.
public struct AcrobotState: ContinuousObservation {
    /// θ1: the first link's angle from hanging straight down (rad), in `[−π, π]`.
    public var firstAngle: Double
    /// θ2: the second link's angle relative to the first (rad), in `[−π, π]`.
    public var secondAngle: Double
    /// θ̇1 (rad/s), in `[−4π, 4π]`.
    public var firstAngularVelocity: Double
    /// θ̇2 (rad/s), in `[−9π, 9π]`.
    public var secondAngularVelocity: Double

    @inlinable
    public init(firstAngle: Double, secondAngle: Double, firstAngularVelocity: Double, secondAngularVelocity: Double) {
        self.firstAngle = firstAngle
        self.secondAngle = secondAngle
        self.firstAngularVelocity = firstAngularVelocity
        self.secondAngularVelocity = secondAngularVelocity
    }

    public static let dimensionNames = ["firstAngle", "secondAngle", "firstAngularVelocity", "secondAngularVelocity"]

    @inlinable
    public subscript(dimension: Int) -> Double {
        switch dimension {
        case 0: firstAngle
        case 1: secondAngle
        case 2: firstAngularVelocity
        case 3: secondAngularVelocity
        default: preconditionFailure("an acrobot state has 4 coordinates, not \(dimension + 1)")
        }
    }
}

/// What an Acrobot agent observes: Gymnasium's `Acrobot-v1` observation, the angles as cosines
/// and sines, `[cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2]`. In float64 (Gymnasium rounds it to
/// float32).
public struct AcrobotObservation: ContinuousObservation {
    /// cos θ1 (1 hanging down).
    public var firstAngleCosine: Double
    /// sin θ1.
    public var firstAngleSine: Double
    /// cos θ2 (1 with the links in line).
    public var secondAngleCosine: Double
    /// sin θ2.
    public var secondAngleSine: Double
    /// θ̇1 (rad/s).
    public var firstAngularVelocity: Double
    /// θ̇2 (rad/s).
    public var secondAngularVelocity: Double

    /// What an agent sees of `state`.
    @inlinable
    public init(_ state: AcrobotState) {
        firstAngleCosine = cos(state.firstAngle)
        firstAngleSine = sin(state.firstAngle)
        secondAngleCosine = cos(state.secondAngle)
        secondAngleSine = sin(state.secondAngle)
        firstAngularVelocity = state.firstAngularVelocity
        secondAngularVelocity = state.secondAngularVelocity
    }

    public static let dimensionNames = [
        "firstAngleCosine", "firstAngleSine", "secondAngleCosine", "secondAngleSine", "firstAngularVelocity", "secondAngularVelocity",
    ]

    @inlinable
    public subscript(dimension: Int) -> Double {
        switch dimension {
        case 0: firstAngleCosine
        case 1: firstAngleSine
        case 2: secondAngleCosine
        case 3: secondAngleSine
        case 4: firstAngularVelocity
        case 5: secondAngularVelocity
        default: preconditionFailure("an acrobot observation has 6 coordinates, not \(dimension + 1)")
        }
    }
}

/// The three torques on the second joint, numbered as Gymnasium numbers them.
public enum AcrobotAction: Int, CaseIterable, CustomStringConvertible, Sendable {
    case negative = 0, zero = 1, positive = 2

    /// The torque (N m): −1, 0 or +1.
    @inlinable public var torque: Double { Double(rawValue - 1) }

    public var description: String {
        switch self {
        case .negative: "NEGATIVE"
        case .zero: "ZERO"
        case .positive: "POSITIVE"
        }
    }
}
