import RLCore

extension DQNSettings {
    /// A whole-number setting: its flag and its range, declared once for the flag and ``validate()``.
    struct WholeNumberSetting {
        var name: String
        var keyPath: WritableKeyPath<DQNSettings, Int>
        var range: ClosedRange<Int>
        var help: String
    }

    /// A real-number setting, declared once for the flag and ``validate()``.
    struct NumberSetting {
        var name: String
        var keyPath: WritableKeyPath<DQNSettings, Double>
        var range: ClosedRange<Double>
        var help: String
    }

    static var wholeNumberSettings: [WholeNumberSetting] {
        [
            .init(name: "batch-size", keyPath: \.batchSize, range: 1...4096, help: "Transitions per gradient step (default 64)."),
            .init(
                name: "buffer-size", keyPath: \.bufferSize, range: 1...maximumBufferSize,
                help: "Transitions the replay buffer holds (default 100000)."),
            .init(
                name: "learning-starts", keyPath: \.learningStarts, range: 0...1_000_000_000,
                help: "Random steps before learning starts (default 1000)."),
            .init(
                name: "train-frequency", keyPath: \.trainFrequency, range: 1...1_000_000,
                help: "Environment steps between rounds of learning (default 256)."),
            .init(
                name: "gradient-steps", keyPath: \.gradientSteps, range: 1...100_000,
                help: "Gradient steps per round of learning (default 128)."),
            .init(
                name: "target-update-interval", keyPath: \.targetUpdateInterval, range: 1...1_000_000_000,
                help: "Environment steps between target-network updates (default 10)."),
        ]
    }

    static var numberSettings: [NumberSetting] {
        [
            .init(name: "tau", keyPath: \.tau, range: 0...1, help: "Polyak coefficient of a target update; 1 copies (default 1)."),
            .init(
                name: "max-grad-norm", keyPath: \.maxGradientNorm, range: 0...1e6,
                help: "Global norm the gradients are clipped to (default 10)."),
            .init(name: "adam-epsilon", keyPath: \.adamEpsilon, range: 0...1, help: "Adam's epsilon (default 1e-8)."),
        ]
    }

    /// The flags that set DQN's settings, kebab-case as on the command line.
    public static var flags: [SettingFlag<DQNSettings>] {
        [hiddenFlag, .choice("activation", \.activation, help: "Hidden activation: relu (default) or tanh.")]
            + wholeNumberSettings.map { .integer($0.name, $0.keyPath, in: $0.range, help: $0.help) }
            + numberSettings.map { .number($0.name, $0.keyPath, in: $0.range, help: $0.help) }
            + [.toggle("double", \.doubleQ, help: "Double DQN: the online network picks the next action, the target values it.")]
    }

    /// `--hidden 256,256`: the hidden widths, comma-separated; an empty list makes a linear network.
    static var hiddenFlag: SettingFlag<DQNSettings> {
        SettingFlag(
            name: "hidden", valueName: "W,W,...",
            help: "Hidden layer widths, at most \(maximumHiddenLayers) of at most \(maximumWidth) (default 256,256)."
        ) { (settings: inout DQNSettings, text: String?) throws(SettingError) in
            guard let text else { throw SettingError("--hidden takes widths such as 256,256") }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            var widths: [Int] = []
            if !text.isEmpty {
                for part in parts {
                    guard let width = Int(part.filter { $0 != " " }) else {
                        throw SettingError("--hidden takes widths such as 256,256, got '\(text)'")
                    }
                    widths.append(width)
                }
            }
            guard widths.count <= maximumHiddenLayers else {
                throw SettingError("--hidden allows at most \(maximumHiddenLayers) layers, got \(widths.count)")
            }
            for width in widths where !(1...maximumWidth).contains(width) {
                throw SettingError("--hidden widths must be in 1...\(maximumWidth), got \(width)")
            }
            settings.hiddenLayers = widths
        }
    }
}
