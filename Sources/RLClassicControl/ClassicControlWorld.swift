import RLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Gymnasium's classic-control worlds share here (``CartPole``, ``MountainCar``,
/// ``Acrobot``): real coordinates in a ``Box``, a physical state that can be read and set, a
/// seeded generator of start states, and Gymnasium's step cap.
///
/// Start states are drawn with the distributions Gymnasium uses, from the world's own
/// ``Xoshiro256StarStar``: NumPy's PCG64 stream cannot be reproduced, so a seed gives another
/// episode than Gymnasium's with the same seed, but always the same one. The dynamics are
/// Gymnasium's operation for operation, in float64 (the golden trajectories check it).
public protocol ClassicControlWorld: Environment, Resumable, Sendable
where Observation: ContinuousObservation, ObservationSpace == Box<Observation> {
    /// The physical state the dynamics integrate (Gymnasium's `env.unwrapped.state`).
    associatedtype State: ContinuousObservation

    /// Gymnasium's `max_episode_steps`.
    static var stepCap: Int { get }

    /// - Parameter seed: seeds the generator of start states until a reset reseeds it.
    init(seed: UInt64)

    /// The current state.
    var state: State { get }

    /// Starts an episode in `state`, as setting Gymnasium's `env.unwrapped.state` after a reset
    /// does (for tests and golden replays).
    /// - Parameter seed: reseeds the generator of start states; `nil` keeps it going.
    mutating func reset(from state: State, seed: UInt64?) -> Observation
}

extension ClassicControlWorld {
    /// The world as Gymnasium's `make` gives it: truncated after `maxSteps` steps.
    public static func capped(at maxSteps: Int = stepCap, seed: UInt64 = 0) -> TimeLimit<Self> {
        TimeLimit(Self(seed: seed), maxSteps: maxSteps)
    }

    /// Starts an episode in `state`, keeping the generator going.
    public mutating func reset(from state: State) -> Observation { reset(from: state, seed: nil) }
}

extension RandomNumberGenerator {
    /// A uniformly random `Double` in `low..<high`, as NumPy's `uniform(low, high)` computes it
    /// from a draw `u` in `[0, 1)`: `low + (high − low) × u`.
    @inlinable
    mutating func nextUniform(from low: Double, to high: Double) -> Double {
        low + (high - low) * nextUnitDouble()
    }
}

/// `x ** 2` as Python computes it for a float or a NumPy float: the C library's `pow(x, 2)`,
/// which is not always the correctly rounded `x * x` (glibc's differs in the last bit about
/// once in a thousand). The optimiser turns a `pow(x, 2)` it can see into `x * x`, so the call
/// lives in a function it does not optimise.
@_optimize(none)
func pythonSquare(_ x: Double) -> Double { pow(x, 2) }
