import RLApp
import RLCore
import RLTabular

// EXTENDING-WORLD-START
/// A walk along a line of cells: start in the middle, step left or right; the right end pays 1,
/// the left end 0, and either ends the episode (Sutton & Barto's random walk, with a choice).
struct Walk: Environment, Resumable {
    let observationSpace: Discrete
    let actionSpace = Discrete(2)  // 0 = left, 1 = right
    var position = 0
    var counters = WalkCounters()
    var generatorState: [UInt64] {
        get { [] }
        set {}
    }  // nothing random to save

    init(length: Int) { observationSpace = Discrete(length) }

    mutating func reset(seed: UInt64?) -> Int {
        position = observationSpace.count / 2
        counters = WalkCounters()
        return position
    }

    mutating func step(_ action: Int) -> Step<Int> {
        position += action == 1 ? 1 : -1
        let atRightEnd = position == observationSpace.count - 1
        if atRightEnd { counters.rightEnds += 1 }
        return Step(
            observation: position, reward: atRightEnd ? 1 : 0,
            terminated: atRightEnd || position == 0, truncated: false)
    }
}

/// What the walk counts in an episode.
struct WalkCounters: EpisodeCounters {
    var rightEnds = 0
}

/// The walk's settings: its length, bounded (a policy file may come from anywhere).
struct WalkConfiguration: Codable, Sendable, Equatable {
    var length = 7
}

/// How `rl` knows the walk: the core registration, then one capability.
enum WalkWorld: WorldRegistration {
    static let id = "walk"
    static let summary = "a walk along a line of cells; the right end pays 1"
    static let defaultConfiguration = WalkConfiguration()
    static var flags: [SettingFlag<WalkConfiguration>] {
        [.integer("length", \.length, in: 3...1000, help: "Cells in the line (default 7).")]
    }

    static func validate(_ configuration: WalkConfiguration) throws(SettingError) {
        guard (3...1000).contains(configuration.length) else { throw SettingError("length must be in 3...1000") }
    }

    static func makeWorld(_ configuration: WalkConfiguration) -> TimeLimit<Walk> {
        TimeLimit(Walk(length: configuration.length), maxSteps: 10 * configuration.length)
    }

    static var metrics: [EpisodeMetric<WalkCounters>] {
        [EpisodeMetric("right_end", phrase: "reached the right end", isShare: true) { Double($0.rightEnds) }]
    }

    static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(0.5), discount: 0.9, epsilon: .constant(0.1))
    }
}

/// The walk in its own words: `rl inspect` and policy files name its cells and moves.
extension WalkWorld: InspectableWorld {
    static func stateDimensions(_ configuration: WalkConfiguration) -> [String] { ["cell"] }
    static func actionNames(_ configuration: WalkConfiguration) -> [String] { ["left", "right"] }
    static func observationName(_ configuration: WalkConfiguration) -> String? { nil }
    static func panels(_ configuration: WalkConfiguration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        try PolicyPanel.grids(stateShape: [configuration.length], dimensions: ["cell"], selection: selection)
    }
    static func explain(state coordinates: [Int], _ configuration: WalkConfiguration) -> String? {
        "cell \(coordinates[0]) of \(configuration.length)"
    }
}
// EXTENDING-WORLD-END
