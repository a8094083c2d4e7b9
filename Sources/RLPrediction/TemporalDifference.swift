import RLCore

/// Tabular TD(0) (Sutton & Barto, 2nd ed., §6.1, the box on p. 120):
/// V(S) ← V(S) + α [R + γ V(S′) − V(S)], a terminal S′ worth 0.
public struct TemporalDifference<Action>: ValueEstimator {
    /// V, by state index.
    public private(set) var values: [Double]
    public let stepSize: Double
    public let discount: Double

    /// - Parameter initialValues: V before any episode (terminal states are never read).
    public init(initialValues: [Double], stepSize: Double, discount: Double = 1) {
        values = initialValues
        self.stepSize = stepSize
        self.discount = discount
    }

    public mutating func learn(from transition: Transition<Int, Action>) {
        let next = transition.terminated ? 0 : values[transition.nextObservation]
        values[transition.observation] += stepSize * (transition.reward + discount * next - values[transition.observation])
    }

    public func value(of observation: Int) -> Double { values[observation] }
}
