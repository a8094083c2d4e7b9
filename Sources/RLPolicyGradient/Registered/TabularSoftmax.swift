import RLCore
import RLTabular

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The soft-max policy of the registry's policy-gradient agents on a finite world: the linear
/// policy of ``SoftmaxLinearPolicy`` with one-hot features x(s, a), so θ is a table of action
/// preferences h(s, a, θ) = θ(s, a), kept in a ``QTable`` (what policy files, `rl eval` and
/// `rl inspect` read), and π(a|s, θ) = e^{θ(s,a)} / Σ_b e^{θ(s,b)} over the actions the state
/// allows (the others have probability 0). The eligibility vector (eq. 13.9) is then 0 outside
/// row s, and in row s, for each allowed b: ∂ ln π(a|s, θ) / ∂θ(s, b) = 1[b = a] − π(b|s, θ).
///
/// Played greedily (`rl eval`, `--eval-every`, `watch`), the table gives the most probable action.
public struct TabularSoftmax: Sendable {
    /// π(·|s, θ) of the state last passed to ``evaluate(_:state:legal:)`` (0 for actions it forbids).
    public var probabilities: [Double] { stored }
    @usableFromInline var stored: [Double]

    public init(actionCount: Int) {
        stored = Array(repeating: 1 / Double(actionCount), count: actionCount)
    }

    /// Computes π(·|s, θ) into ``probabilities``, the preferences shifted by their maximum so e^h
    /// never overflows.
    @inlinable
    public mutating func evaluate(_ table: QTable, state: Int, legal: LegalActions) {
        let actionCount = table.actionCount
        var highest = -Double.infinity
        for action in 0..<actionCount where legal.contains(action) { highest = max(highest, table[state, action]) }
        var total = 0.0
        for action in 0..<actionCount {
            let weight = legal.contains(action) ? exp(table[state, action] - highest) : 0
            stored[action] = weight
            total += weight
        }
        for action in 0..<actionCount { stored[action] /= total }
    }

    /// Draws an action index from ``probabilities`` with a uniform number in [0, 1).
    @inlinable
    public func sample(_ uniform: Double) -> Int {
        var draw = uniform
        var last = 0
        for action in stored.indices where stored[action] > 0 {
            draw -= stored[action]
            last = action
            if draw < 0 { return action }
        }
        return last  // what rounding leaves over: the last allowed action
    }

    /// θ ← θ + scale ∇ ln π(action|state, θ), at the probabilities last evaluated (those of
    /// `state`), and counts a visit of (state, action). The table must be unique this episode.
    @inlinable
    public func ascend(_ table: inout QTable, state: Int, action: Int, legal: LegalActions, by scale: Double) {
        let row = state * table.actionCount
        for block in 0..<table.actionCount where legal.contains(block) {
            table.addInPlace(scale * ((block == action ? 1 : 0) - stored[block]), atFlatIndex: row + block)
        }
        table.recordVisitInPlace(state: state, action: action)
    }
}

/// The settings of `reinforce`: α^θ.
public struct PolicyStepSettings: AgentSettings {
    /// α^θ, the step size of the policy's preferences.
    public var policyStepSize = 0.1
    public static let policyStepSizes: ClosedRange<Double> = 0.000001...10

    public init() {}
    public init(policyStepSize: Double) { self.policyStepSize = policyStepSize }

    public func validate() throws(SettingError) {
        guard Self.policyStepSizes.contains(policyStepSize) else {
            throw SettingError("policy-step-size must be in 0.000001...10, got \(policyStepSize)")
        }
    }

    static var flags: [SettingFlag<PolicyStepSettings>] {
        [.number("policy-step-size", \.policyStepSize, in: policyStepSizes, help: "α^θ, the policy's step size (default 0.1).")]
    }
}

/// The settings of `reinforce-baseline` and `actor-critic`: α^θ and α^w.
public struct PolicyValueSettings: AgentSettings {
    /// α^θ, the step size of the policy's preferences.
    public var policyStepSize = 0.1
    /// α^w, the step size of the state values (the baseline, or the critic).
    public var valueStepSize = 0.1
    public static let valueStepSizes: ClosedRange<Double> = 0.000001...1

    public init() {}
    public init(policyStepSize: Double, valueStepSize: Double) {
        self.policyStepSize = policyStepSize
        self.valueStepSize = valueStepSize
    }

    public func validate() throws(SettingError) {
        try PolicyStepSettings(policyStepSize: policyStepSize).validate()
        guard Self.valueStepSizes.contains(valueStepSize) else {
            throw SettingError("value-step-size must be in 0.000001...1, got \(valueStepSize)")
        }
    }

    static var flags: [SettingFlag<PolicyValueSettings>] {
        [
            .number(
                "policy-step-size", \.policyStepSize, in: PolicyStepSettings.policyStepSizes,
                help: "α^θ, the policy's step size (default 0.1)."),
            .number("value-step-size", \.valueStepSize, in: valueStepSizes, help: "α^w, the state values' step size (default 0.1)."),
        ]
    }
}

/// The state values v̂(s, w) = w(s) of a tabular agent as the policy file's tensor `v` (the
/// table's state shape), and back.
enum StateValues {
    static let name = "v"

    static func tensor(_ values: [Double], of table: QTable) -> Tensor { Tensor(shape: table.stateShape, floats: values) }

    static func restore(from tensors: [String: Tensor], of table: QTable) throws(PolicyFileError) -> [Double] {
        try tensors.values(named: name, shape: table.stateShape)
    }
}

/// An agent whose table holds soft-max action preferences θ(s, a), not action values: what
/// `rl inspect` reads as π(a|s) = e^{θ(s,a)} / Σ_b e^{θ(s,b)}.
public protocol SoftmaxPolicyRegistration: AgentRegistration {}

extension TabularReinforce: SoftmaxPolicyRegistration {}
extension TabularReinforceWithBaseline: SoftmaxPolicyRegistration {}
extension TabularActorCritic: SoftmaxPolicyRegistration {}

extension QTable {
    /// π(·|state) of the soft-max over the preferences in the state's row, among the actions the
    /// table allows there (the others 0).
    public func softmaxProbabilities(in state: Int) -> [Double] {
        var softmax = TabularSoftmax(actionCount: actionCount)
        softmax.evaluate(self, state: state, legal: legalActions(in: state))
        return softmax.probabilities
    }
}
