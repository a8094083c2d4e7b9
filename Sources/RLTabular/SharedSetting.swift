import RLCore

/// A setting several agents share, declared once: α (a step size), γ (a discount), ε (an
/// exploration rate). Its flags, its range and its check live here and nowhere else: `rl train`'s
/// flags, `rl sweep --set` and ``Hyperparameters/validate()`` all check through ``check(_:flag:)``.
///
/// Each agent declares which it uses (``AgentRegistration/sharedSettings``): a planner only γ,
/// a sample-average bandit only ε, a UCB bandit none (its `c` is its own ``AgentSettings``). A
/// flag for a setting the agent does not use is refused, so nothing is silently ignored.
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
        try Self.check(value, in: range, flag: flag)
    }

    /// Checks a value of ``decayFlag``.
    public static func checkDecay(_ value: Double) throws(SettingError) {
        try check(value, in: decayRange, flag: decayFlag)
    }

    private static func check(_ value: Double, in range: ClosedRange<Double>, flag: String) throws(SettingError) {
        guard range.contains(value) else {
            throw SettingError("--\(flag) must be in \(bound(range.lowerBound))...\(bound(range.upperBound)), got \(value)")
        }
    }

    private static func bound(_ value: Double) -> String {
        value == 1e-12 ? "1e-12" : (value.rounded() == value ? String(Int(value)) : String(value))
    }

    /// The flags a set of settings takes, in a stable order, for help and messages.
    public static func flags(of settings: Set<SharedSetting>) -> [String] {
        let flags = allCases.filter(settings.contains).flatMap(\.flags)
        return settings.contains(where: \.isScheduled) ? flags + [decayFlag] : flags
    }
}
