import RLAccessControl
import RLCore
import RLTabular

/// `access-control`: Sutton & Barto's access-control queuing task (Example 10.2, Figure 10.5):
/// the customer at the head of a queue that never empties is accepted (given one of the free
/// servers, paying by its priority) or rejected; each busy server frees itself with probability p
/// on each step. The book's task is continuing and solved for the average reward; here an episode
/// is `--steps-per-episode` steps from every server free, and the learning agents discount.
public enum AccessControlWorld: WorldRegistration, ModelledWorld, InspectableWorld {
    /// The book's queue, with a horizon for episodes.
    public struct Configuration: Sendable, Equatable, Codable {
        public var servers = 10
        public var freeProbability = 0.06
        /// What priorities 1, 2, 4 and 8 pay when accepted, in that order.
        public var payments = [1.0, 2, 4, 8]
        public var stepsPerEpisode = 200
        public init() {}

        var queue: AccessControlConfiguration {
            AccessControlConfiguration(servers: servers, freeProbability: freeProbability, payments: payments)
        }
    }

    public static let id = "access-control"
    public static let summary =
        "Sutton & Barto's access-control queuing task (Example 10.2): accept or reject customers of 4 priorities for k servers"
    public static var defaultConfiguration: Configuration { Configuration() }
    public static let serverLimits = 1...100
    public static let freeProbabilityLimits = 0.001...1.0
    public static let paymentLimits = 0.0...1000.0
    public static let stepLimits = 1...1_000_000

    public static var flags: [SettingFlag<Configuration>] {
        [
            .integer("servers", \.servers, in: serverLimits, help: "Servers, k (default 10)."),
            .number(
                "free-probability", \.freeProbability, in: freeProbabilityLimits,
                help: "Probability p that a busy server frees itself on a step (default 0.06)."),
            SettingFlag(
                name: "payments", valueName: "A,B,C,D",
                help: "What priorities 1, 2, 4 and 8 pay when accepted, each 0...1000 (default 1,2,4,8)."
            ) { (configuration: inout Configuration, text: String?) throws(SettingError) in
                let parts = (text ?? "").split(separator: ",", omittingEmptySubsequences: false)
                let values = parts.compactMap { Double($0) }.filter { $0.isFinite && paymentLimits.contains($0) }
                guard parts.count == 4, values.count == 4 else {
                    throw SettingError("--payments takes four numbers in 0...1000 separated by commas, got '\(text ?? "")'")
                }
                configuration.payments = values
            },
            .integer(
                "steps-per-episode", \.stepsPerEpisode, in: stepLimits,
                help: "Steps in an episode of the continuing task, from every server free (default 200)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard serverLimits.contains(configuration.servers), freeProbabilityLimits.contains(configuration.freeProbability),
            configuration.payments.count == 4, configuration.payments.allSatisfy(paymentLimits.contains),
            stepLimits.contains(configuration.stepsPerEpisode)
        else {
            throw SettingError(
                "access control takes 1...100 servers, a free probability in 0.001...1, four payments in 0...1000 and 1...1000000 steps an episode"
            )
        }
    }

    /// One `MultiDiscrete` of (free servers, priority).
    public static let observationGrouping = ObservationGrouping.coordinates

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<AccessControl> {
        TimeLimit(AccessControl(configuration: configuration.queue), maxSteps: configuration.stepsPerEpisode)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: AccessControl(configuration: configuration.queue).model, stepCap: configuration.stepsPerEpisode)
    }

    public static var metrics: [EpisodeMetric<AccessControlCounters>] {
        [
            EpisodeMetric("accepted", phrase: "customers accepted") { Double($0.accepted) },
            EpisodeMetric("turned_away", phrase: "accepts turned away, no server free") { Double($0.turnedAway) },
        ]
    }

    /// A state is (free servers, the priority at the head of the queue, 0-3 for 1, 2, 4, 8).
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["free_servers", "priority"] }
    public static func actionNames(_ configuration: Configuration) -> [String] { AccessControlAction.allCases.map(\.description) }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String {
        let payments = configuration.payments.map { formatNumber($0) }.joined(separator: ",")
        return "\(configuration.servers) servers, p \(formatNumber(configuration.freeProbability)), payments \(payments), "
            + "\(configuration.stepsPerEpisode) steps an episode"
    }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let free = coordinates[0], priority = AccessControlPriority(rawValue: coordinates[1]) ?? .one
        return "\(free) of \(configuration.servers) servers free; the customer at the head of the queue has \(priority)"
            + " and pays \(formatNumber(configuration.payments[priority.rawValue])) if accepted."
    }

    /// Figure 10.5's policy panel: priorities down, free servers across.
    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(
            stateShape: [configuration.servers + 1, 4], dimensions: stateDimensions(configuration), selection: selection,
            grid: (rows: 1, columns: 0))
    }

    /// γ 0.99 (the book's task is undiscounted, solved for the average reward; a discount makes it
    /// a task the table agents and planners can solve); α 0.01 and ε 0.1, the book's.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.01), discount: 0.99, epsilon: .constant(0.1))
    }

    /// 10,000 episodes of 200 steps: the book's 2 million steps.
    public static func defaultEpisodes(_ configuration: Configuration) -> Int { 10_000 }
}
