import RLCore
import RLPong
import RLTabular

/// Named starting points for `rl train --preset`.
public enum Preset: String, Sendable, CaseIterable {
    /// The defaults: the best agent after 6000 episodes we measured (see the README).
    case standard = "default"
    /// The tutorial's run: α 0.1, γ 0.2, ε 0.15, classic observation.
    case tutorial

    public var hyperparameters: Hyperparameters {
        switch self {
        case .standard: .pongDefault
        case .tutorial: .tutorial
        }
    }

    public var observation: PongObservationMode {
        switch self {
        case .standard: .markov
        case .tutorial: .classic
        }
    }
}

extension Hyperparameters {
    /// The defaults for Pong with the `markov` observation; why these, in the README.
    public static let pongDefault = Hyperparameters(
        learningRate: .linear(from: 1.0, to: 0.01, over: 0.9),
        discount: 0.9,
        epsilon: .linear(from: 0.3, to: 0.0, over: 0.9))

    /// Sutton & Barto's Cliff Walking settings: α 0.5, γ 1, ε 0.1, constant.
    public static let cliffWalking = Hyperparameters(
        learningRate: .constant(0.5), discount: 1.0, epsilon: .constant(0.1))
}
