import RLCore
import RLNeural
import RLTabular

/// PPO's own settings, with rl-zoo3's CartPole-v1 values as defaults (`hyperparams/ppo.yml`:
/// 8 envs, 32 steps, batch 256, 20 epochs, λ 0.8, clip `lin_0.2`, no entropy bonus) and
/// Stable-Baselines3's for the rest (value coefficient 0.5, gradient norm 0.5, two hidden
/// layers of 64 with tanh, normalised advantages). The learning rate and γ are the shared
/// ``Hyperparameters``.
public struct PPOSettings: AgentSettings {
    /// Copies of the world stepped side by side (SB3's `n_envs`).
    public var environmentCount = 8
    /// Steps per copy in each rollout (`n_steps`).
    public var stepsPerRollout = 32
    /// Transitions per gradient step (`batch_size`).
    public var batchSize = 256
    /// Passes over each rollout (`n_epochs`).
    public var epochs = 20
    /// GAE's λ (`gae_lambda`).
    public var gaeLambda = 0.8
    /// The clip range at the start of the run (`clip_range`).
    public var clipRange = 0.2
    /// The clip range at the end: it moves linearly from ``clipRange`` over the whole run, as
    /// zoo's `lin_0.2` does; equal values keep it constant.
    public var clipRangeEnd = 0.0
    /// The weight of the entropy bonus (`ent_coef`).
    public var entropyCoefficient = 0.0
    /// The weight of the value loss (`vf_coef`).
    public var valueCoefficient = 0.5
    /// The largest global norm of the gradient (`max_grad_norm`).
    public var maxGradientNorm = 0.5
    /// Adam's ε: SB3 gives PPO's Adam 1e-5 (`optimizer_kwargs = {"eps": 1e-5}`).
    public var adamEpsilon = 1e-5
    /// The widths of the hidden layers, the same for the actor and the critic (`net_arch`).
    public var hidden = [64, 64]
    /// The hidden layers' function (`activation_fn`): tanh or ReLU.
    public var activation = Activation.tanh
    /// Whether each minibatch's advantages are normalised (`normalize_advantage`).
    public var normalizeAdvantage = true
    /// Whether observations and rewards are normalised by running statistics, as rl-zoo3's
    /// `normalize: true` wraps the worlds in Stable-Baselines3's `VecNormalize`.
    public var normalize = false

    public init() {}

    /// The largest hidden layer.
    public static let maximumWidth = 4096
    /// The most hidden layers.
    public static let maximumHiddenLayers = 8
    /// The most weights between hidden layers in one network (about 64 MB of Float32 per
    /// network, times four with gradients and Adam's moments).
    public static let maximumHiddenWeights = 1 << 24
    /// The most transitions in one rollout (`envs × n-steps`).
    public static let maximumRolloutSize = 1 << 20

    /// The transitions one rollout holds.
    public var rolloutSize: Int { environmentCount * stepsPerRollout }

    public func validate() throws(SettingError) {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ flag: String) throws(SettingError) {
            guard range.contains(value) else {
                throw SettingError("--\(flag) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
            }
        }
        func check(_ value: Double, _ range: ClosedRange<Double>, _ flag: String) throws(SettingError) {
            guard value.isFinite && range.contains(value) else {
                throw SettingError("--\(flag) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
            }
        }
        try check(environmentCount, 1...1024, "envs")
        try check(stepsPerRollout, 1...Self.maximumRolloutSize, "n-steps")
        // SB3 asserts a batch of more than one: a single transition has no advantage spread.
        try check(batchSize, 2...Self.maximumRolloutSize, "batch-size")
        try check(epochs, 1...1000, "epochs")
        try check(gaeLambda, 0...1, "gae-lambda")
        try check(clipRange, 0...10, "clip-range")
        try check(clipRangeEnd, 0...10, "clip-range-end")
        try check(entropyCoefficient, 0...100, "entropy-coefficient")
        try check(valueCoefficient, 0...100, "value-coefficient")
        try check(maxGradientNorm, 1e-8...1e6, "max-grad-norm")
        try check(adamEpsilon, 1e-12...1, "adam-epsilon")
        guard rolloutSize <= Self.maximumRolloutSize else {
            throw SettingError(
                "--envs \(environmentCount) × --n-steps \(stepsPerRollout) makes a rollout of \(rolloutSize) transitions; at most \(Self.maximumRolloutSize)"
            )
        }
        guard rolloutSize >= 2 else { throw SettingError("--envs × --n-steps must make a rollout of at least 2 transitions") }
        guard (1...Self.maximumHiddenLayers).contains(hidden.count) else {
            throw SettingError("--hidden takes 1 to \(Self.maximumHiddenLayers) layers, got \(hidden.count)")
        }
        for width in hidden where !(1...Self.maximumWidth).contains(width) {
            throw SettingError("--hidden widths must be in 1...\(Self.maximumWidth), got \(width)")
        }
        let hiddenWeights = zip(hidden, hidden.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        guard hiddenWeights <= Self.maximumHiddenWeights else {
            throw SettingError(
                "--hidden \(Self.describe(hidden)) makes \(hiddenWeights) weights between hidden layers per network; at most \(Self.maximumHiddenWeights)"
            )
        }
        guard activation != .identity else { throw SettingError("--activation must be tanh or relu") }
    }

    /// Widths as the flag takes them: `64,64`.
    static func describe(_ widths: [Int]) -> String { widths.map(String.init).joined(separator: ",") }
}

extension PPOSettings {
    /// The flags that set PPO's settings, in kebab case (`--n-steps 32`).
    public static var flags: [SettingFlag<PPOSettings>] {
        [
            .integer("envs", \.environmentCount, in: 1...1024, help: "Copies of the world stepped side by side (n_envs)."),
            .integer("n-steps", \.stepsPerRollout, in: 1...maximumRolloutSize, help: "Steps per copy in each rollout (n_steps)."),
            .integer("batch-size", \.batchSize, in: 2...maximumRolloutSize, help: "Transitions per gradient step."),
            .integer("epochs", \.epochs, in: 1...1000, help: "Passes over each rollout (n_epochs)."),
            .number("gae-lambda", \.gaeLambda, in: 0...1, help: "GAE's λ."),
            .number("clip-range", \.clipRange, in: 0...10, help: "The surrogate's clip range at the start."),
            .number(
                "clip-range-end", \.clipRangeEnd, in: 0...10,
                help: "The clip range at the end, reached linearly (equal to --clip-range: constant)."),
            .number("entropy-coefficient", \.entropyCoefficient, in: 0...100, help: "The weight of the entropy bonus (ent_coef)."),
            .number("value-coefficient", \.valueCoefficient, in: 0...100, help: "The weight of the value loss (vf_coef)."),
            .number("max-grad-norm", \.maxGradientNorm, in: 1e-8...1e6, help: "The largest global norm of the gradient."),
            .number("adam-epsilon", \.adamEpsilon, in: 1e-12...1, help: "Adam's ε (SB3's PPO: 1e-5)."),
            SettingFlag(name: "hidden", valueName: "W,W,...", help: "Hidden widths of the actor and of the critic.") {
                (settings: inout PPOSettings, text: String?) throws(SettingError) in
                let parts = (text ?? "").split(separator: ",", omittingEmptySubsequences: false)
                var widths: [Int] = []
                for part in parts {
                    guard let width = Int(String(part.filter { $0 != " " })) else {
                        throw SettingError("--hidden takes widths separated by commas, got '\(text ?? "")'")
                    }
                    widths.append(width)
                }
                settings.hidden = widths
            },
            SettingFlag(name: "activation", valueName: "tanh|relu", help: "The hidden layers' function.") {
                (settings: inout PPOSettings, text: String?) throws(SettingError) in
                guard let text, let activation = Activation(rawValue: text), activation != .identity else {
                    throw SettingError("--activation must be one of tanh, relu, got '\(text ?? "")'")
                }
                settings.activation = activation
            },
            SettingFlag(name: "normalize-advantage", valueName: "true|false", help: "Normalise each minibatch's advantages.") {
                (settings: inout PPOSettings, text: String?) throws(SettingError) in
                guard let text, let value = Bool(text) else {
                    throw SettingError("--normalize-advantage takes true or false, got '\(text ?? "")'")
                }
                settings.normalizeAdvantage = value
            },
            .toggle(
                "normalize", \.normalize,
                help: "Normalise observations and rewards by running statistics (VecNormalize; the file keeps obs_mean and obs_var)."),
        ]
    }
}
