import RLCore
import RLNeural
import RLTabular

/// The activation between a network's hidden layers: PyTorch's `nn.ReLU` (SB3's DQN default) or
/// `nn.Tanh`.
public enum HiddenActivation: String, Sendable, Equatable, Codable, CaseIterable {
    case relu
    case tanh

    /// The layer function it stands for.
    public var activation: Activation {
        switch self {
        case .relu: .relu
        case .tanh: .tanh
        }
    }
}

/// DQN's own settings, with rl-zoo3's tuned values for CartPole-v1 as defaults
/// (`hyperparams/dqn.yml`) and Stable-Baselines3's where the zoo leaves them (τ, the gradient
/// norm, Adam's ε). The learning rate, γ and ε's schedule are the shared ``Hyperparameters``;
/// the number of steps is the run's, not a setting.
public struct DQNSettings: AgentSettings {
    /// The hidden layers' widths, input side first (`net_arch`).
    public var hiddenLayers = [256, 256]
    /// The function after each hidden layer.
    public var activation = HiddenActivation.relu
    /// Transitions per gradient step.
    public var batchSize = 64
    /// Transitions the replay buffer holds before it overwrites the oldest.
    public var bufferSize = 100_000
    /// Steps of uniformly random actions before learning (and ε-greedy acting) starts.
    public var learningStarts = 1000
    /// Environment steps between two rounds of learning (`train_freq`).
    public var trainFrequency = 256
    /// Gradient steps in each round of learning.
    public var gradientSteps = 128
    /// Environment steps between two target-network updates.
    public var targetUpdateInterval = 10
    /// The Polyak coefficient of a target update: 1 copies the online network.
    public var tau = 1.0
    /// The global norm gradients are clipped to before each Adam step.
    public var maxGradientNorm = 10.0
    /// Adam's ε (PyTorch's default, which SB3's DQN keeps).
    public var adamEpsilon = 1e-8
    /// Double DQN (van Hasselt et al. 2016): the online network chooses the next action, the
    /// target network values it.
    public var doubleQ = false

    public init() {}

    /// The most hidden layers a network may have.
    public static let maximumHiddenLayers = 8
    /// The widest a hidden layer may be.
    public static let maximumWidth = 4096
    /// The most transitions a replay buffer may hold.
    public static let maximumBufferSize = 10_000_000
    /// The most memory the replay buffer and the networks (with gradients and Adam's moments)
    /// may take together.
    public static let maximumBytes = 4 << 30

    /// Checks every value is in its range; the sizes are checked again against the input
    /// width by ``validate(inputWidth:actionCount:)``.
    public func validate() throws(SettingError) {
        guard hiddenLayers.count <= Self.maximumHiddenLayers else {
            throw SettingError("--hidden allows at most \(Self.maximumHiddenLayers) layers, got \(hiddenLayers.count)")
        }
        for width in hiddenLayers where !(1...Self.maximumWidth).contains(width) {
            throw SettingError("--hidden widths must be in 1...\(Self.maximumWidth), got \(width)")
        }
        guard bufferSize <= Self.maximumBufferSize else {
            // Even one-input observations take 17 bytes a transition (two rows, action, reward, done).
            throw SettingError(
                "--buffer-size \(bufferSize) would take at least \(describeBytes(bufferSize * 17)); it must be in 1...\(Self.maximumBufferSize)"
            )
        }
        for setting in Self.wholeNumberSettings where !setting.range.contains(self[keyPath: setting.keyPath]) {
            throw SettingError(
                "--\(setting.name) must be in \(setting.range.lowerBound)...\(setting.range.upperBound), got \(self[keyPath: setting.keyPath])"
            )
        }
        for setting in Self.numberSettings where !setting.range.contains(self[keyPath: setting.keyPath]) {
            throw SettingError(
                "--\(setting.name) must be in \(setting.range.lowerBound)...\(setting.range.upperBound), got \(self[keyPath: setting.keyPath])"
            )
        }
        // Ranges closed at 0 for the flags' help, but 0 means no target update or no step at all.
        guard tau > 0 else { throw SettingError("--tau must be above 0, got \(tau)") }
        guard maxGradientNorm > 0 else { throw SettingError("--max-grad-norm must be above 0, got \(maxGradientNorm)") }
    }

    /// Checks that the replay buffer and the networks for `inputWidth` inputs and `actionCount`
    /// actions fit in ``maximumBytes``.
    public func validate(inputWidth: Int, actionCount: Int) throws(SettingError) {
        try validate()
        let buffer = ReplayBuffer.bytes(capacity: bufferSize, observationWidth: inputWidth)
        guard buffer <= Self.maximumBytes else {
            throw SettingError(
                "a replay buffer of \(bufferSize) transitions of \(inputWidth) inputs would take \(describeBytes(buffer)), more than \(describeBytes(Self.maximumBytes))"
            )
        }
        let sizes = [inputWidth] + hiddenLayers + [actionCount]
        let parameters = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        // Online weights, gradients, two Adam moments, and the target network.
        let networks = parameters * 5 * MemoryLayout<Float>.size
        guard buffer + networks <= Self.maximumBytes else {
            throw SettingError(
                "networks of \(parameters) parameters and their replay buffer would take \(describeBytes(buffer + networks)), more than \(describeBytes(Self.maximumBytes))"
            )
        }
    }
}

/// A byte count as a person reads it: `1.5 GiB`, `12 MiB`.
func describeBytes(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : "\((value * 10).rounded() / 10) \(units[unit])"
}
