import RLCore
import RLJacksCarRental
import RLTabular

/// `jacks-car-rental`: Sutton & Barto's Example 4.2, a world that is its model: the planners
/// solve it (Figure 4.2) and the learning agents run the business day by day. A step's reward is
/// the model's: the expected rental income given the next state, less the moving cost.
public enum JacksCarRentalWorld: WorldRegistration, ModelledWorld, InspectableWorld {
    /// The book's business, with a horizon for episodes: the task never ends (γ 0.9 makes its
    /// return finite), so an episode is a number of days.
    public struct Configuration: Sendable, Equatable, Codable {
        public var maxCars = 20
        public var maxMove = 5
        public var days = 100
        public init() {}

        var business: JacksCarRentalConfiguration {
            var business = JacksCarRentalConfiguration()
            business.maxCars = maxCars
            business.maxMove = maxMove
            return business
        }
    }

    public static let id = "jacks-car-rental"
    public static let summary = "Sutton & Barto's Jack's car rental (Example 4.2): move cars overnight between two locations"
    public static var defaultConfiguration: Configuration { Configuration() }
    /// The model holds up to (cars + 1)² next states per state and move: at 25 cars and 10 moves,
    /// 676 × 21 × 676 outcomes, about 300 MB.
    public static let carLimits = 1...25
    public static let moveLimits = 0...10
    public static let dayLimits = 1...100_000

    public static var flags: [SettingFlag<Configuration>] {
        [
            .integer("max-cars", \.maxCars, in: carLimits, help: "Cars a location can hold (default 20)."),
            .integer("max-move", \.maxMove, in: moveLimits, help: "Cars that can be moved overnight, either way (default 5)."),
            .integer("days", \.days, in: dayLimits, help: "Days in an episode, the task's horizon (default 100)."),
        ]
    }

    public static func validate(_ configuration: Configuration) throws(SettingError) {
        guard carLimits.contains(configuration.maxCars), moveLimits.contains(configuration.maxMove), dayLimits.contains(configuration.days)
        else {
            throw SettingError(
                "Jack's car rental takes 1...25 cars, 0...10 moves and 1...100000 days, got \(configuration.maxCars), \(configuration.maxMove) and \(configuration.days)"
            )
        }
    }

    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: Configuration) -> TimeLimit<SampledModelWorld> {
        TimeLimit(SampledModelWorld(model: JacksCarRental.model(configuration.business)), maxSteps: configuration.days)
    }

    public static func model(_ configuration: Configuration) -> WorldModel? {
        WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.days)
    }

    /// A state is both locations' cars, `first × (max cars + 1) + second`; panels lay it out as a grid.
    public static func stateDimensions(_ configuration: Configuration) -> [String] { ["cars"] }
    public static func actionNames(_ configuration: Configuration) -> [String] {
        (-configuration.maxMove...configuration.maxMove).map { $0 == 0 ? "move 0" : $0 > 0 ? "move \($0) to 2nd" : "move \(-$0) to 1st" }
    }
    public static func observationName(_ configuration: Configuration) -> String? { nil }
    public static func describe(_ configuration: Configuration) -> String {
        "\(configuration.maxCars) cars a location, moves up to \(configuration.maxMove), \(configuration.days) days an episode"
    }

    public static func explain(state coordinates: [Int], _ configuration: Configuration) -> String? {
        let size = configuration.maxCars + 1
        return "\(coordinates[0] / size) cars at the first location, \(coordinates[0] % size) at the second."
    }

    public static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        let size = configuration.maxCars + 1
        return try PolicyPanel.grids(stateShape: [size, size], dimensions: ["first", "second"], selection: selection)
    }

    /// The book's γ 0.9; the learning agents explore with ε 0.1 and a step size of 0.1.
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.1), discount: 0.9, epsilon: .constant(0.1))
    }
}
