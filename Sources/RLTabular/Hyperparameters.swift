import RLCore

/// How a Q-learning agent learns.
public struct Hyperparameters: Sendable, Equatable, Codable {
    /// α: how far each update moves a value towards its target.
    public var learningRate: Schedule
    /// γ: how much a reward one step later is worth now.
    public var discount: Double
    /// ε: the probability of a random action while training.
    public var epsilon: Schedule

    public init(learningRate: Schedule, discount: Double, epsilon: Schedule) {
        self.learningRate = learningRate
        self.discount = discount
        self.epsilon = epsilon
    }

    /// The tutorial's run: α 0.1, γ 0.2, ε 0.15, all constant.
    public static let tutorial = Hyperparameters(
        learningRate: .constant(0.1), discount: 0.2, epsilon: .constant(0.15))

    /// The smallest learning rate accepted: below it, updates only leave subnormal dust in the
    /// table (a rate of 5e-324 moves nothing a double can show) and training silently learns nothing.
    public static let minimumLearningRate = 1e-12

    /// Checks every value is in its range.
    public func validate() throws(HyperparameterError) {
        for (name, schedule) in [("learning rate", learningRate), ("epsilon", epsilon)] {
            for value in [schedule.start, schedule.end] where !(value >= 0 && value <= 1) {
                throw HyperparameterError(message: "\(name) must be in 0...1, got \(value)")
            }
            if !(schedule.decayFraction >= 0 && schedule.decayFraction <= 1) {
                throw HyperparameterError(message: "\(name) decay fraction must be in 0...1, got \(schedule.decayFraction)")
            }
        }
        for value in [learningRate.start, learningRate.end] where value < Self.minimumLearningRate {
            throw HyperparameterError(message: "learning rate must be at least 1e-12, got \(value)")
        }
        if !(discount >= 0 && discount <= 1) {
            throw HyperparameterError(message: "discount must be in 0...1, got \(discount)")
        }
    }
}

/// A hyperparameter out of its range.
public struct HyperparameterError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
