import RLCore
import RLFeatures
import RLTabular

/// An agent that also learns a linear function of features, under the same id, settings and
/// flags as its tabular form: what `rl train` runs on a continuous world. Agents without a
/// linear form (Double Q-learning, Dyna-Q) are refused there by name.
public protocol LinearAgentRegistration: AgentRegistration {
    /// Hands `body` the linear agent's type for the body's features and actions: the one place
    /// the id becomes a concrete linear type, so the training loop is specialised for it.
    static func openLinear<Body: LinearAgentBody>(_ body: inout Body)
}

/// Work to do with a linear agent type known only once the registry has chosen it.
public protocol LinearAgentBody {
    associatedtype Features: FeatureMap where Features.Observation: Equatable & Sendable
    associatedtype ActionSpace: FiniteSpace & Sendable
    mutating func run<A: LinearAgent>(_ agent: A.Type) where A.Features == Features, A.ActionSpace == ActionSpace
}

extension QLearning: LinearAgentRegistration {
    public static func openLinear<Body: LinearAgentBody>(_ body: inout Body) {
        body.run(LinearQLearningAgent<Body.Features, Body.ActionSpace>.self)
    }
}

extension Sarsa: LinearAgentRegistration {
    public static func openLinear<Body: LinearAgentBody>(_ body: inout Body) {
        body.run(LinearSarsaAgent<Body.Features, Body.ActionSpace>.self)
    }
}

extension ExpectedSarsa: LinearAgentRegistration {
    public static func openLinear<Body: LinearAgentBody>(_ body: inout Body) {
        body.run(LinearExpectedSarsaAgent<Body.Features, Body.ActionSpace>.self)
    }
}

extension SarsaLambda: LinearAgentRegistration {
    public static func openLinear<Body: LinearAgentBody>(_ body: inout Body) {
        body.run(LinearSarsaLambdaAgent<Body.Features, Body.ActionSpace>.self)
    }
}

extension TrueOnlineSarsaLambda: LinearAgentRegistration {
    public static func openLinear<Body: LinearAgentBody>(_ body: inout Body) {
        body.run(LinearTrueOnlineSarsaLambdaAgent<Body.Features, Body.ActionSpace>.self)
    }
}

extension DifferentialSarsa: LinearAgentRegistration {
    public static func openLinear<Body: LinearAgentBody>(_ body: inout Body) {
        body.run(LinearDifferentialSarsaAgent<Body.Features, Body.ActionSpace>.self)
    }
}
