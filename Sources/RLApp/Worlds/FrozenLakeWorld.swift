import Foundation
import RLCore
import RLFrozenLake
import RLGridRender
import RLRender
import RLTabular

/// FrozenLake's settings: the map (a built-in one by name, or a custom one kept in full so a
/// policy file describes its own lake), slipperiness and step cap.
public struct FrozenLakeConfiguration: Sendable, Equatable, Codable {
    /// `4x4`, `8x8` or `custom` (then `rows` holds the map).
    public var map = "4x4"
    /// A custom map's rows of S, F, H and G; `nil` for a built-in map.
    public var rows: [String]?
    public var isSlippery = true
    /// The step cap; `nil` for Gymnasium's: 200 on the 8x8 map, 100 on any other
    /// (`FrozenLake-v1` keeps 100 whatever `desc` it is given).
    public var maxSteps: Int?
    public init() {}

    /// The lake, for a valid configuration.
    public var lakeMap: LakeMap {
        switch map {
        case "8x8": .eightByEight
        case "custom": (try? LakeMap(rows: rows ?? [])) ?? .fourByFour
        default: .fourByFour
        }
    }

    /// The step cap episodes get.
    public var stepCap: Int {
        maxSteps ?? (map == "8x8" ? FrozenLake.stepCapEightByEight : FrozenLake.stepCapFourByFour)
    }
}

/// `frozen-lake`: Gymnasium's `FrozenLake-v1` (and `FrozenLake8x8-v1` with `--map 8x8`).
public enum FrozenLakeWorld: WorldRegistration, ExploringStartsWorld, ModelledWorld, InspectableWorld, DrawableWorld {
    public static let id = "frozen-lake"
    public static let summary = "Gymnasium's FrozenLake-v1: cross a slippery lake to the goal without falling in a hole"
    public static var defaultConfiguration: FrozenLakeConfiguration { FrozenLakeConfiguration() }
    /// The largest custom map side: a table of at most 64 × 64 × 4 values.
    public static let maximumSide = 64
    public static let maximumStepCap = 100_000
    /// The largest map file read: the largest map with room for spaces and line ends.
    static let maximumMapFileBytes = 64 * 1024

    public static var flags: [SettingFlag<FrozenLakeConfiguration>] {
        [
            SettingFlag(name: "map", valueName: "4x4|8x8", help: "Gymnasium's built-in map (default 4x4; its step cap 100, 8x8's 200).") {
                (configuration: inout FrozenLakeConfiguration, text: String?) throws(SettingError) in
                guard let text, ["4x4", "8x8"].contains(text) else {
                    throw SettingError("--map must be 4x4 or 8x8, got '\(text ?? "")' (--map-file reads a map of your own)")
                }
                configuration.map = text
                configuration.rows = nil
            },
            SettingFlag(name: "map-file", valueName: "PATH", help: "A map of your own: rows of S (start), F (frozen), H (hole), G (goal).")
            {
                (configuration: inout FrozenLakeConfiguration, text: String?) throws(SettingError) in
                guard let text else { throw SettingError("--map-file needs a path") }
                // The README's exit statuses: a missing file is 66, one that is there but not a map 65.
                let bytes: [UInt8]
                do throws(PolicyFileError) { bytes = try AtomicFile.read(text) } catch {
                    throw SettingError("--map-file: \(error.message)", kind: error.kind == .malformedData ? .badData : .missingInput)
                }
                guard bytes.count <= maximumMapFileBytes, let contents = String(validating: bytes, as: UTF8.self) else {
                    throw SettingError(
                        "--map-file \(text): not a map (UTF-8 text of at most \(maximumMapFileBytes) bytes)", kind: .badData)
                }
                let rows = contents.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
                let map: LakeMap
                do throws(LakeMapError) { map = try LakeMap(rows: rows) } catch {
                    throw SettingError("--map-file \(text): \(error.description)", kind: .badData)
                }
                guard map.rows <= maximumSide, map.columns <= maximumSide else {
                    throw SettingError(
                        "--map-file \(text): the map is \(map.rows)×\(map.columns); at most \(maximumSide)×\(maximumSide)", kind: .badData)
                }
                configuration.map = "custom"
                configuration.rows = rows
            },
            SettingFlag(
                name: "not-slippery", valueName: nil,
                help: "Ice that does not slip: every move goes where it is meant to (slippery by default, as in Gymnasium)."
            ) {
                (configuration: inout FrozenLakeConfiguration, _: String?) throws(SettingError) in
                configuration.isSlippery = false
            },
            SettingFlag(
                name: "max-steps", valueName: "1...\(maximumStepCap)",
                help: "Step cap of an episode (default Gymnasium's: 100, or 200 on the 8x8 map)."
            ) {
                (configuration: inout FrozenLakeConfiguration, text: String?) throws(SettingError) in
                guard let text, let value = Int(text), (1...maximumStepCap).contains(value) else {
                    throw SettingError("--max-steps must be a whole number in 1...\(maximumStepCap), got '\(text ?? "")'")
                }
                configuration.maxSteps = value
            },
        ]
    }

    /// A built-in map or a map file, not both.
    public static var exclusiveFlags: [[String]] { [["map", "map-file"]] }

    public static func validate(_ configuration: FrozenLakeConfiguration) throws(SettingError) {
        switch configuration.map {
        case "4x4", "8x8":
            guard configuration.rows == nil else { throw SettingError("a built-in map takes no rows") }
        case "custom":
            guard let rows = configuration.rows else { throw SettingError("a custom map needs its rows") }
            let map: LakeMap
            do throws(LakeMapError) { map = try LakeMap(rows: rows) } catch { throw SettingError("the map: \(error.description)") }
            guard map.rows <= maximumSide, map.columns <= maximumSide else {
                throw SettingError("the map is \(map.rows)×\(map.columns); at most \(maximumSide)×\(maximumSide)")
            }
        default:
            throw SettingError("the map must be 4x4, 8x8 or custom, got '\(configuration.map)'")
        }
        if let maxSteps = configuration.maxSteps, !(1...maximumStepCap).contains(maxSteps) {
            throw SettingError("max steps must be in 1...\(maximumStepCap), got \(maxSteps)")
        }
    }

    /// Gymnasium's FrozenLake observes one `Discrete` over the same state numbers.
    public static let observationGrouping = ObservationGrouping.index

    public static func makeWorld(_ configuration: FrozenLakeConfiguration) -> TimeLimit<FrozenLake> {
        TimeLimit(FrozenLake(map: configuration.lakeMap, isSlippery: configuration.isSlippery), maxSteps: configuration.stepCap)
    }

    public static func stateDimensions(_ configuration: FrozenLakeConfiguration) -> [String] { ["row", "column"] }
    public static func actionNames(_ configuration: FrozenLakeConfiguration) -> [String] { LakeMove.allCases.map(\.description) }

    /// One way to see the world: policy files record no observation mode.
    public static func observationName(_ configuration: FrozenLakeConfiguration) -> String? { nil }

    public static func describe(_ configuration: FrozenLakeConfiguration) -> String {
        let map = configuration.lakeMap
        return "\(configuration.map == "custom" ? "custom" : configuration.map) map (\(map.rows)×\(map.columns)), "
            + (configuration.isSlippery ? "slippery" : "not slippery") + ", step cap \(configuration.stepCap)"
    }

    public static var metrics: [EpisodeMetric<FrozenLakeCounters>] {
        [EpisodeMetric("success", phrase: "reached the goal", isShare: true) { $0.success ? 1 : 0 }]
    }

    /// Tuned so that a default run ends within 1% of the optimum (docs/WORLDS.md).
    public static func defaultHyperparameters(forAgent agent: String) -> Hyperparameters { .frozenLake }

    /// Enough for every learning agent to end within 2% of value iteration's policy on the seeds
    /// measured (docs/WORLDS.md; Dyna-Q's deterministic model aside), in a few seconds at most.
    public static func defaultEpisodes(_ configuration: FrozenLakeConfiguration) -> Int {
        configuration.map == "8x8" ? 200_000 : 20_000
    }

    /// Traces of λ 0.9 carry one slip back over many steps: λ 0.5 ends near value iteration's
    /// policy. On the slippery lake Dyna-Q plans from a sample model: the book's deterministic one
    /// keeps only a move's last slip (8x8: 0.84-0.86 against 0.894; sampled, 0.894).
    public static func defaultSettings(forAgent agent: String, in configuration: FrozenLakeConfiguration) -> [(
        name: String, value: String?
    )] {
        if agent == DynaQ.id { return configuration.isSlippery ? [("sample-model", nil)] : [] }
        return [SarsaLambda.id, TrueOnlineSarsaLambda.id].contains(agent) ? [("lambda", "0.5")] : []
    }

    public static func model(_ configuration: FrozenLakeConfiguration) -> WorldModel? {
        WorldModel(model: makeWorld(configuration).base.model, stepCap: configuration.stepCap)
    }

    /// The lake as a map: holes `H` and the goal `G` marked, the greedy move elsewhere.
    public static func panels(_ configuration: FrozenLakeConfiguration, _ selection: PanelSelection) throws(InspectionError)
        -> [PolicyPanel]
    {
        let map = configuration.lakeMap
        var panels = try PolicyPanel.grids(
            stateShape: [map.rows, map.columns], dimensions: stateDimensions(configuration), selection: selection)
        panels[0].title = "FrozenLake \(describe(configuration)) (H hole, G goal)"
        for state in 0..<(map.rows * map.columns) {
            switch map.tile(at: state) {
            case .hole: panels[0].marks[state] = "H"
            case .goal: panels[0].marks[state] = "G"
            case .start, .frozen: break
            }
        }
        return panels
    }

    public static func explain(state coordinates: [Int], _ configuration: FrozenLakeConfiguration) -> String? {
        let map = configuration.lakeMap
        guard coordinates.count == 2, (0..<map.rows).contains(coordinates[0]), (0..<map.columns).contains(coordinates[1]) else {
            return nil
        }
        let tile = map.tiles[coordinates[0]][coordinates[1]]
        let words =
            switch tile {
            case .start: "the start (frozen ice)"
            case .frozen: "frozen ice"
            case .hole: "a hole: the episode has ended there"
            case .goal: "the goal: the episode has ended there, with reward 1"
            }
        return "Row \(coordinates[0]), column \(coordinates[1]): \(words)."
    }
}

extension Hyperparameters {
    /// FrozenLake's defaults (docs/WORLDS.md says how they were measured). γ 0.995, not 0.99:
    /// on the 8x8 map the optimal policy for γ 0.99 hurries and ends 5.5% below the optimum
    /// within the step cap; γ 0.995's ends 2.2% below, as good as any fixed policy we found.
    public static let frozenLake = Hyperparameters(
        learningRate: .linear(from: 0.1, to: 0.01, over: 0.9), discount: 0.995, epsilon: .linear(from: 1.0, to: 0.0, over: 0.9))
}

extension FrozenLakeWorld {
    public static func scene(of world: TimeLimit<FrozenLake>, _ configuration: FrozenLakeConfiguration, hud: ToyTextHUD) -> Scene {
        ToyTextScenes.frozenLake(map: configuration.lakeMap, position: world.base.state, hud: hud)
    }

    public static func watchSession(_ configuration: FrozenLakeConfiguration, policy: Policy, seed: UInt64, epsilon: Double)
        throws(WatchError) -> any WatchableSession
    {
        let map = configuration.lakeMap
        return try ToyTextWatchSession<FrozenLakeWorld>(
            configuration: configuration, policy: policy, seed: seed, epsilon: epsilon,
            draw: { world, hud in scene(of: world, configuration, hud: hud) },
            describeState: { world in ["row \(world.base.state / map.columns) column \(world.base.state % map.columns)"] },
            banner: { world, _ in world.counters.success ? ("GOAL", ToyTextPalette.success) : ("HOLE", ToyTextPalette.failure) })
    }
}
