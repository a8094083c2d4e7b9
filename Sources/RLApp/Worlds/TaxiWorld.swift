import RLCore
import RLGridRender
import RLRender
import RLTabular
import RLTaxi

/// Taxi's settings: Gymnasium 1.4's rainy and fickle-passenger options, and the step cap.
public struct TaxiConfiguration: Sendable, Equatable, Codable {
    public var isRainy = false
    public var ficklePassenger = false
    public var maxSteps = Taxi.stepCap
    public init() {}
}

/// `taxi`: Gymnasium's `Taxi-v4` (Dietterich's taxi domain).
public enum TaxiWorld: WorldRegistration, ExploringStartsWorld, ModelledWorld, InspectableWorld, DrawableWorld {
    public static let id = "taxi"
    public static let summary = "Gymnasium's Taxi-v4: pick the passenger up and drop them at their destination"
    public static var defaultConfiguration: TaxiConfiguration { TaxiConfiguration() }
    public static let maximumStepCap = 100_000

    public static var flags: [SettingFlag<TaxiConfiguration>] {
        [
            .toggle("rainy", \.isRainy, help: "Rain: a move goes as meant with probability 0.8, else to either side."),
            .toggle("fickle", \.ficklePassenger, help: "A fickle passenger (30% of episodes) changes destination once after boarding."),
            .integer("max-steps", \.maxSteps, in: 1...maximumStepCap, help: "Step cap of an episode (default 200, Gymnasium's)."),
        ]
    }

    public static func validate(_ configuration: TaxiConfiguration) throws(SettingError) {
        guard (1...maximumStepCap).contains(configuration.maxSteps) else {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(configuration.maxSteps)")
        }
    }

    /// Gymnasium's Taxi observes one `Discrete` over the same state numbers.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: TaxiConfiguration) -> TimeLimit<Taxi> {
        TimeLimit(Taxi(isRainy: configuration.isRainy, ficklePassenger: configuration.ficklePassenger), maxSteps: configuration.maxSteps)
    }

    public static func stateDimensions(_ configuration: TaxiConfiguration) -> [String] {
        ["taxi_row", "taxi_column", "passenger", "destination"]
    }
    public static func actionNames(_ configuration: TaxiConfiguration) -> [String] { TaxiAction.allCases.map(\.description) }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: TaxiConfiguration) -> String? { nil }

    public static func describe(_ configuration: TaxiConfiguration) -> String {
        var options = [configuration.isRainy ? "rainy" : "dry"]
        if configuration.ficklePassenger { options.append("fickle passenger") }
        return "5×5 map, " + options.joined(separator: ", ") + ", step cap \(configuration.maxSteps)"
    }

    public static var metrics: [EpisodeMetric<TaxiCounters>] {
        [
            EpisodeMetric("deliveries", phrase: "reached the destination", isShare: true) { Double($0.deliveries) },
            EpisodeMetric("illegal_actions", phrase: "illegal pick-ups or drop-offs", zeroShareWords: "with no illegal action") {
                Double($0.illegalActions)
            },
        ]
    }

    /// Tuned so that a default run ends within 1% of the optimum (docs/WORLDS.md).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .taxi }

    /// Enough for every learning agent's greedy policy to end within 2% of value iteration's on
    /// the seeds measured (docs/WORLDS.md): rain needs longer, with the rate decaying further.
    public static func defaultEpisodes(_ configuration: TaxiConfiguration) -> Int { configuration.isRainy ? 100_000 : 30_000 }

    /// In the rain a move's value is an average over where it may slip: the rate starts lower
    /// and decays further (with dry Taxi's 0.5 → 0.01, Sarsa ends at 3.83 against 3.95).
    public static func defaultHyperparameters(forAgent agent: String, in configuration: TaxiConfiguration) -> Hyperparameters {
        configuration.isRainy ? .rainyTaxi : .taxi
    }

    /// Traces of λ 0.9 end far from the optimum on Taxi (−16.27 on seed 1); λ 0.5 ends on it. In
    /// the rain Dyna-Q plans from a sample model: the deterministic one keeps only a move's last
    /// outcome (seed 3 ended 2.2% short; sampled, within 0.3% on seeds 1-3).
    public static func defaultSettings(forAgent agent: String, in configuration: TaxiConfiguration) -> [(name: String, value: String?)] {
        if agent == DynaQ.id { return configuration.isRainy ? [("sample-model", nil)] : [] }
        return [SarsaLambda.id, TrueOnlineSarsaLambda.id].contains(agent) ? [("lambda", "0.5")] : []
    }

    /// The model of a fickle passenger's world would be wrong (the change of mind depends on a
    /// hidden flag, as in Gymnasium's `P`), so that world publishes none.
    public static func model(_ configuration: TaxiConfiguration) -> WorldModel? {
        guard !configuration.ficklePassenger else { return nil }
        return WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.maxSteps)
    }

    public static func panels(_ configuration: TaxiConfiguration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.taxi(selection)
    }

    public static func explain(state coordinates: [Int], _ configuration: TaxiConfiguration) -> String? {
        guard coordinates.count == 4 else { return nil }
        let stands = ["Red", "Green", "Yellow", "Blue"]
        guard (0..<5).contains(coordinates[0]), (0..<5).contains(coordinates[1]), (0..<5).contains(coordinates[2]),
            (0..<4).contains(coordinates[3])
        else { return nil }
        let passenger = coordinates[2] == TaxiState.inTaxi ? "in the taxi" : "waiting at \(stands[coordinates[2]])"
        return "Taxi at row \(coordinates[0]), column \(coordinates[1]); passenger \(passenger); destination \(stands[coordinates[3]])."
    }
}

extension Hyperparameters {
    /// Taxi's defaults (docs/WORLDS.md says how they were measured).
    public static let taxi = Hyperparameters(
        learningRate: .linear(from: 0.5, to: 0.01, over: 0.9), discount: 0.99, epsilon: .linear(from: 1.0, to: 0.0, over: 0.9))
    /// Taxi's in the rain: α from 0.1 to 0.001.
    public static let rainyTaxi = Hyperparameters(
        learningRate: .linear(from: 0.1, to: 0.001, over: 0.9), discount: 0.99, epsilon: .linear(from: 1.0, to: 0.0, over: 0.9))
}

extension TaxiWorld {
    public static func scene(of world: TimeLimit<Taxi>, _ configuration: TaxiConfiguration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.taxi(state: world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: TaxiConfiguration, policy: Policy, seed: UInt64, epsilon: Double) throws(WatchError)
        -> any WatchableSession
    {
        try ToyTextWatchSession<TaxiWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in
                let state = world.base.state, stands = ["red", "green", "yellow", "blue"]
                return [
                    "taxi row \(state.taxiRow) column \(state.taxiColumn)",
                    "passenger " + (state.passenger == TaxiState.inTaxi ? "aboard" : "at \(stands[state.passenger])"),
                    "destination \(stands[state.destination])",
                ]
            },
            banner: { _, _ in ("DELIVERED", ToyTextPalette.success) })
    }
}
