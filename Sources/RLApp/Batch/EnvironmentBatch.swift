import RLCore
import RLGridRender
import RLRender

/// Many copies of one configured world, stepped together in one call that writes observations,
/// rewards and the two end flags into caller-owned buffers: what the Python package's vector
/// environment (and, as a batch of one, its environment) runs on. Made by
/// ``ConfiguredWorld/makeBatch(count:autoreset:)``; specialised per world, so the step loop
/// dispatches once per call, never per environment.
///
/// With `autoreset`, a copy whose episode ended on the previous call is reset on this one and
/// its action ignored (reward 0, neither flag): Gymnasium 1.x's default `NEXT_STEP` mode.
public final class EnvironmentBatch {
    /// The copies.
    public let count: Int
    /// What the batch's buffers hold and what Gymnasium's spaces are, for the caller.
    public let description: BatchDescription
    private let copies: any BatchStepping

    init(count: Int, description: BatchDescription, copies: any BatchStepping) {
        self.count = count
        self.description = description
        self.copies = copies
    }

    /// Starts a new episode in every copy; `seeds[i]`, when given, reseeds copy i (Gymnasium's
    /// rule), `nil` keeps its generator going. Writes the first observations.
    public func reset(seeds: [UInt64?], observations: UnsafeMutableRawPointer) {
        precondition(seeds.count == count, "one seed (or nil) per copy")
        copies.reset(seeds: seeds, observations: observations)
    }

    /// Steps every copy with its action (an index into the world's actions), writing row i of
    /// each buffer; `metrics`, when given, gets each copy's episode metrics so far
    /// (``BatchDescription/metrics`` per row).
    /// - Throws: when an action is out of range or not allowed in its copy's state; then no
    ///   copy has moved.
    public func step(
        actions: UnsafePointer<Int64>, observations: UnsafeMutableRawPointer, rewards: UnsafeMutablePointer<Double>,
        terminated: UnsafeMutablePointer<UInt8>, truncated: UnsafeMutablePointer<UInt8>, metrics: UnsafeMutablePointer<Double>?
    ) throws(SettingError) {
        try copies.step(
            actions: actions, observations: observations, rewards: rewards, terminated: terminated, truncated: truncated,
            metrics: metrics)
    }

    /// Writes, for each copy, 1 for each action its current state allows and 0 for the others
    /// (`count × actions` bytes): Gymnasium's action mask.
    public func writeLegalActions(into masks: UnsafeMutablePointer<UInt8>) { copies.writeLegalActions(into: masks) }

    /// Copy `index`'s current state as `rl watch` paints it, with a HUD of its episode so far;
    /// `nil` for a world that cannot be drawn.
    public func scene(of index: Int) -> Scene? { copies.scene(of: index) }
}

/// What a batch's buffers hold, as JSON for another language (snake_case keys).
public struct BatchDescription: Codable, Sendable, Equatable {
    /// The world's id (`taxi`).
    public var id: String
    /// The configuration as policy files store it.
    public var configuration: String
    /// The configuration in a few words.
    public var summary: String
    /// The observation, as Gymnasium's space.
    public var observation: ObservationDescription
    /// The actions' names, in index order (Gymnasium's `Discrete(n)`).
    public var actions: [String]
    /// The episode metrics (`info`'s keys), in the order `step` writes them.
    public var metrics: [String]
    /// Whether `scene(of:)` draws it (`render_mode` `rgb_array` and `ansi`).
    public var drawable: Bool
    /// Whether some state allows only some actions (``EnvironmentBatch/writeLegalActions(into:)``).
    public var limitsActions: Bool
}

/// An observation as Gymnasium's space: `discrete` (one number, `shape[0]` values),
/// `multi_discrete` or `tuple` (one whole number per dimension, `shape[i]` values each), or `box`
/// (real numbers between `low` and `high`; infinite bounds are the strings `inf` and `-inf`).
public struct ObservationDescription: Codable, Sendable, Equatable {
    public var kind: String
    public var shape: [Int]
    public var dimensions: [String]
    public var low: [Double]?
    public var high: [Double]?
}

/// A batch's copies with their types erased once: one dynamic call per batch call.
protocol BatchStepping: AnyObject {
    func reset(seeds: [UInt64?], observations: UnsafeMutableRawPointer)
    func step(
        actions: UnsafePointer<Int64>, observations: UnsafeMutableRawPointer, rewards: UnsafeMutablePointer<Double>,
        terminated: UnsafeMutablePointer<UInt8>, truncated: UnsafeMutablePointer<UInt8>, metrics: UnsafeMutablePointer<Double>?
    ) throws(SettingError)
    func scene(of index: Int) -> Scene?
    func writeLegalActions(into masks: UnsafeMutablePointer<UInt8>)
}

/// The copies of world `W`, specialised.
final class WorldBatch<W: WorldRegistration, Writer: ObservationWriter>: BatchStepping where Writer.Observation == W.World.Observation {
    private var worlds: [W.World]
    private var observations: [W.World.Observation]
    /// Copies whose episode ended (autoreset resets them on their next step; without it, they
    /// wait for ``reset(seeds:observations:)``), or that were never reset.
    private var needsReset: [Bool]
    /// Per copy: the episode's number, steps and return so far, and how it ended (for the HUD).
    private var episodes: [Int]
    private var steps: [Int]
    private var returns: [Double]
    private var endings: [(terminated: Bool, truncated: Bool)?]
    private let writer: Writer
    private let autoreset: Bool
    private let metrics: [EpisodeMetric<W.World.Counters>]
    private let draw: ((W.World, ToyTextHUD) -> Scene)?

    init(configuration: W.Configuration, count: Int, autoreset: Bool, writer: Writer, draw: ((W.World, ToyTextHUD) -> Scene)?) {
        let world = W.makeWorld(configuration)
        worlds = Array(repeating: world, count: count)
        // Until the first reset, every copy shows the first state of an unseeded episode.
        var first = world
        observations = Array(repeating: first.reset(seed: nil), count: count)
        needsReset = Array(repeating: true, count: count)
        episodes = Array(repeating: 0, count: count)
        steps = Array(repeating: 0, count: count)
        returns = Array(repeating: 0, count: count)
        endings = Array(repeating: nil, count: count)
        self.writer = writer
        self.autoreset = autoreset
        metrics = W.metrics
        self.draw = draw
    }

    func reset(seeds: [UInt64?], observations buffer: UnsafeMutableRawPointer) {
        for index in worlds.indices { begin(index, seed: seeds[index], writingTo: buffer) }
    }

    private func begin(_ index: Int, seed: UInt64?, writingTo buffer: UnsafeMutableRawPointer) {
        observations[index] = worlds[index].reset(seed: seed)
        writer.write(observations[index], to: buffer, slot: index)
        needsReset[index] = false
        episodes[index] += 1
        steps[index] = 0
        returns[index] = 0
        endings[index] = nil
    }

    func step(
        actions: UnsafePointer<Int64>, observations buffer: UnsafeMutableRawPointer, rewards: UnsafeMutablePointer<Double>,
        terminated: UnsafeMutablePointer<UInt8>, truncated: UnsafeMutablePointer<UInt8>, metrics values: UnsafeMutablePointer<Double>?
    ) throws(SettingError) {
        let actionCount = worlds[0].actionSpace.count
        if !autoreset, let index = needsReset.firstIndex(of: true) {
            throw SettingError(
                episodes[index] == 0
                    ? "reset the environment before stepping it" : "the episode has ended: reset the environment before stepping it")
        }
        if autoreset, episodes.contains(0) { throw SettingError("reset the environments before stepping them") }
        for index in worlds.indices where !needsReset[index] {
            let action = actions[index]
            guard action >= 0 && action < actionCount else {
                throw SettingError("action \(action) is outside 0..<\(actionCount)")
            }
            guard writer.legalActions(in: observations[index]).contains(Int(action)) else {
                throw SettingError("action \(action) is not allowed in the current state")
            }
        }
        let metricCount = metrics.count
        for index in worlds.indices {
            if needsReset[index] {
                begin(index, seed: nil, writingTo: buffer)
                rewards[index] = 0
                terminated[index] = 0
                truncated[index] = 0
            } else {
                let step = worlds[index].step(worlds[index].actionSpace.element(at: Int(actions[index])))
                observations[index] = step.observation
                writer.write(step.observation, to: buffer, slot: index)
                rewards[index] = step.reward
                terminated[index] = step.terminated ? 1 : 0
                truncated[index] = step.truncated ? 1 : 0
                steps[index] += 1
                returns[index] += step.reward
                if step.isLast {
                    endings[index] = (step.terminated, step.truncated)
                    needsReset[index] = true
                }
            }
            if let values, metricCount > 0 {
                let counters = worlds[index].counters
                for metric in 0..<metricCount { values[index * metricCount + metric] = metrics[metric].value(counters) }
            }
        }
    }

    func writeLegalActions(into masks: UnsafeMutablePointer<UInt8>) {
        let actionCount = worlds[0].actionSpace.count
        for index in worlds.indices {
            let legal = writer.legalActions(in: observations[index])
            for action in 0..<actionCount { masks[index * actionCount + action] = legal.contains(action) ? 1 : 0 }
        }
    }

    func scene(of index: Int) -> Scene? {
        guard let draw else { return nil }
        let counters = worlds[index].counters
        let banner = endings[index].map { ending in
            ending.terminated ? (text: "DONE", color: ToyTextPalette.success) : (text: "TIME UP", color: ToyTextPalette.timeUp)
        }
        let hud = ToyTextHUD(
            episode: max(episodes[index], 1), step: steps[index], episodeReturn: returns[index],
            metrics: metrics.map { ($0.name, $0.value(counters)) }, banner: banner)
        return draw(worlds[index], hud)
    }
}

extension EnvironmentBatch {
    /// `count` copies of registered world `id` under its defaults, a preset and flags (name,
    /// value; `nil` for a switch), checked as `rl train` checks them.
    /// - Throws: the registry's one line for an unknown world, flag, value or preset.
    public static func make(
        world id: String, preset: String?, flags: [(name: String, value: String?)], count: Int, autoreset: Bool
    ) throws(RunError) -> EnvironmentBatch {
        guard let registered = Registry.world(id) else { throw .unknownWorld(id) }
        guard count > 0 && count <= maximumCount else { throw .unsupported("a batch holds 1...\(maximumCount) copies, got \(count)") }
        do {
            return try registered.configure(preset: preset, flags: flags).makeBatch(count: count, autoreset: autoreset)
        } catch {
            throw .unsupported(error.message)
        }
    }

    /// The most copies one batch holds.
    public static let maximumCount = 1 << 20
}

/// Every registered world as another language needs to know it before making one: its id, line
/// of help, flags (name, the kind of value as help shows it, help), presets, metrics and
/// capabilities. JSON with snake_case keys.
public struct WorldListing: Codable, Sendable {
    public struct Flag: Codable, Sendable {
        public var name: String
        /// `nil` for a switch; `N...M` for a bounded number; `a|b|c` for a choice.
        public var valueName: String?
        public var help: String
    }
    public struct Preset: Codable, Sendable {
        public var name: String
        public var summary: String
    }
    public var id: String
    public var summary: String
    public var flags: [Flag]
    public var presets: [Preset]
    public var metrics: [String]
    public var capabilities: [String]

    /// The registry's worlds, in its order.
    public static var all: [WorldListing] {
        Registry.worlds.map { world in
            WorldListing(
                id: world.id, summary: world.summary,
                flags: world.flagHelp.map { Flag(name: $0.name, valueName: $0.valueName, help: $0.help) },
                presets: world.presets.map { Preset(name: $0.name, summary: $0.summary) }, metrics: world.metricNames,
                capabilities: world.capabilities.names)
        }
    }
}
