import RLCore
import RLFeatures
import RLLinear
import RLTabular

/// One training run on continuous world `W`, opened on the linear agent's concrete type by the
/// registry: make the world, its features and the agent, then the same run as a table's
/// (``AgentTraining``).
struct LinearTrainingRun<W: ContinuousWorld>: LinearAgentBody {
    typealias Features = ContinuousFeatures<W.World.Observation>
    typealias ActionSpace = W.World.ActionSpace

    let configuration: W.Configuration
    let options: TrainingOptions
    let observers: TrainingObservers
    var result: Result<TrainingOutcome, PolicyFileError>?

    /// Trains on `W` under a valid configuration, opening the agent's linear form (once per run).
    static func train(
        _ configuration: W.Configuration, _ options: TrainingOptions, observers: TrainingObservers
    ) throws(PolicyFileError) -> TrainingOutcome {
        var run = LinearTrainingRun(configuration: configuration, options: options, observers: observers)
        guard Registry.openLinearAgent(options.agent, &run), let result = run.result else {
            throw PolicyFileError(
                "agent \(options.agent) learns only tables, and \(W.id) has real coordinates: use one of "
                    + "\(Registry.linearAgentIDs.joined(separator: ", "))")
        }
        return try result.get()
    }

    mutating func run<A: LinearAgent>(_ agentType: A.Type) where A.Features == Features, A.ActionSpace == ActionSpace {
        do throws(PolicyFileError) {
            result = .success(try train(agentType))
        } catch {
            result = .failure(error)
        }
    }

    func train<A: LinearAgent>(_ agentType: A.Type) throws(PolicyFileError) -> TrainingOutcome
    where A.Features == Features, A.ActionSpace == ActionSpace {
        let environment = W.makeWorld(configuration)
        guard let settings = JSONText.decode(A.Settings.self, from: options.agentSettings) else {
            throw PolicyFileError("the settings of agent \(options.agent) are malformed")
        }
        let features: Features, layout: TableLayout
        do {
            features = try W.features(configuration)
            layout = try W.layout(configuration)
        } catch {
            throw PolicyFileError(error.message)
        }
        var agent = A(
            features: features, actionSpace: environment.actionSpace, hyperparameters: options.hyperparameters,
            settings: settings, seed: derivedSeed(options.seed, purpose: SeedPurpose.agent))
        return try AgentTraining<W>(configuration: configuration, options: options, observers: observers, layout: layout)
            .train(&agent, on: environment) { weights, world, episodes, seed in
                playGreedy(weights: weights, features: features, on: &world, episodes: episodes, seed: seed, shouldStop: { false })
            }
    }
}

/// Plays greedy episodes of a linear agent's weights, seeded as `rl eval` seeds them (the same
/// seeds as ``playGreedy(_:on:episodes:seed:shouldStop:)`` for a table).
func playGreedy<E: Environment, Features: FeatureMap>(
    weights: QTable, features: Features, on environment: inout E, episodes: Int, seed: UInt64, shouldStop: () -> Bool
) -> [EpisodeRecord<E.Counters>]
where Features.Observation == E.Observation, E.Observation: Equatable & Sendable, E.ActionSpace: Sendable {
    var agent = LinearQLearningAgent(
        features: features, actionSpace: environment.actionSpace,
        hyperparameters: Hyperparameters(learningRate: .constant(1), discount: 1, epsilon: .constant(0)),
        settings: NoAgentSettings(), seed: derivedSeed(seed, purpose: SeedPurpose.agent))
    agent.values.weights = weights
    return evaluate(
        &agent, on: &environment, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.evaluation),
        until: shouldStop)
}
