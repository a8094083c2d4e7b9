import RLCore

/// A setting several agents share, declared once: α (a step size), γ (a discount), ε (an
/// exploration rate). Its flags, its range, its help and its check live here and nowhere else:
/// `rl train`'s flags, `rl sweep --set` and ``Hyperparameters/validate()`` all check through
/// ``check(_:forFlag:)`` (one message: `--epsilon must be in 0...1, got 2.0`).
///
/// How an agent says what it takes:
/// - the shared settings it reads, in ``AgentRegistration/sharedSettings``; a flag for one it
///   does not read is a usage error in `rl train` and `rl sweep --set` (`--epsilon is not a
///   setting of agent value-iteration (it takes --discount)`), so nothing is silently ignored,
///   and `rl train --help` lists what each agent takes;
/// - everything else, in its own ``AgentSettings`` with its flags (``AgentRegistration/flags``):
///   Sarsa(λ)'s λ and traces, Dyna-Q's planning steps.
///
/// So the methods to come declare exactly their settings: a sample-average bandit `[.epsilon]`;
/// UCB `[]` with its `c` in its own settings; a gradient bandit `[.learningRate]` with its
/// baseline switch in its own settings; a softmax agent `[.learningRate, .discount]` with its
/// temperature in its own settings; the planners `[.discount]`. A setting becomes shared (a
/// case here) only when several agents read it with one meaning and one range.
///
/// The values travel in ``Hyperparameters``, which holds every shared setting (the world's
/// default for one an agent does not read), so policy files keep one layout for every agent.
public enum SharedSetting: String, CaseIterable, Sendable, Hashable {
    case learningRate = "learning-rate"
    case discount
    case epsilon

    /// The words messages use.
    public var words: String {
        switch self {
        case .learningRate: "learning rate"
        case .discount: "discount"
        case .epsilon: "epsilon"
        }
    }

    /// Its name in help: `Learning rate`.
    public var helpName: String {
        switch self {
        case .learningRate: "Learning rate"
        case .discount: "Discount"
        case .epsilon: "Exploration rate"
        }
    }
    /// Its symbol in the book: `α`.
    public var symbol: String {
        switch self {
        case .learningRate: "α"
        case .discount: "γ"
        case .epsilon: "ε"
        }
    }

    /// The help line of one of its flags, with the range: `Exploration rate ε at the start (0...1).`
    public func help(forFlag flag: String) -> String {
        let range = "(\(self == .learningRate && flag == flags[1] ? "0 or " : "")\(Self.text(of: range)))."
        guard isScheduled else { return "\(helpName) \(symbol) \(range)" }
        return flag == flags[0] ? "\(helpName) \(symbol) at the start \(range)" : "\(helpName) at the end of its decay \(range)"
    }

    /// The help line of ``decayFlag``.
    public static var decayHelp: String {
        "Share of the episodes over which a rate given with its '-end' flag decays (\(text(of: decayRange)); default \(bound(Hyperparameters.defaultDecay)))."
    }

    /// The values it may take. A step size below 1e-12 only leaves subnormal dust in a table
    /// (5e-324 moves nothing a double can show), so training would silently learn nothing.
    public var range: ClosedRange<Double> {
        switch self {
        case .learningRate: Hyperparameters.minimumLearningRate...1
        case .discount, .epsilon: 0...1
        }
    }

    /// Whether it follows a schedule over the run (a start, an end and the share it decays over).
    public var isScheduled: Bool { self != .discount }

    /// The flags that set it: the start and, for a scheduled setting, its end.
    public var flags: [String] { isScheduled ? [rawValue, rawValue + "-end"] : [rawValue] }

    /// The flag that sets the share of the run over which a scheduled setting decays.
    public static let decayFlag = "decay"
    /// The range of ``decayFlag``.
    public static let decayRange: ClosedRange<Double> = 0...1

    /// Every flag of the shared settings (`learning-rate`, `learning-rate-end`, …, `decay`).
    public static var allFlags: [String] { allCases.flatMap(\.flags) + [decayFlag] }

    /// The setting a flag sets; `nil` for ``decayFlag`` and flags that are not shared settings.
    public init?(flag: String) {
        guard let setting = Self.allCases.first(where: { $0.flags.contains(flag) }) else { return nil }
        self = setting
    }

    /// Checks a value given for one of its flags: `--epsilon must be in 0...1, got 2.0`.
    public func check(_ value: Double, flag: String) throws(SettingError) {
        // A learning rate may decay to exactly 0 (PPO's anneals to nothing by the end of its
        // run, as Stable-Baselines3's `lin_` does), never to subnormal dust.
        if self == .learningRate && flag == flags[1] && value == 0 { return }
        do { try Self.check(value, in: range, flag: flag) } catch {
            if self == .learningRate && flag == flags[1] {
                throw SettingError("--\(flag) must be 0 or in \(Self.text(of: range)), got \(value)")
            }
            throw error
        }
    }

    /// Checks a value given for any shared flag: a setting's start or end, or ``decayFlag``.
    /// - Precondition: `flag` is one of ``allFlags``.
    public static func check(_ value: Double, forFlag flag: String) throws(SettingError) {
        if let setting = SharedSetting(flag: flag) {
            try setting.check(value, flag: flag)
        } else {
            precondition(flag == decayFlag, "--\(flag) is not a shared setting's flag")
            try checkDecay(value)
        }
    }

    /// Checks a value of ``decayFlag``.
    public static func checkDecay(_ value: Double) throws(SettingError) {
        try check(value, in: decayRange, flag: decayFlag)
    }

    private static func check(_ value: Double, in range: ClosedRange<Double>, flag: String) throws(SettingError) {
        guard range.contains(value) else {
            throw SettingError("--\(flag) must be in \(text(of: range)), got \(value)")
        }
    }

    private static func text(of range: ClosedRange<Double>) -> String { "\(bound(range.lowerBound))...\(bound(range.upperBound))" }

    private static func bound(_ value: Double) -> String {
        value == 1e-12 ? "1e-12" : (value.rounded() == value ? String(Int(value)) : String(value))
    }

    /// The flags a set of settings takes, in a stable order, for help and messages.
    public static func flags(of settings: Set<SharedSetting>) -> [String] {
        let flags = allCases.filter(settings.contains).flatMap(\.flags)
        return settings.contains(where: \.isScheduled) ? flags + [decayFlag] : flags
    }
}
