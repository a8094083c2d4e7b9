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
    private let copies: BatchOperations

    init(count: Int, description: BatchDescription, copies: BatchOperations) {
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

/// A batch's copies with their types erased once: one closure call per batch call.
///
/// Closures, not a protocol: a generic class's protocol witnesses run its unspecialised code
/// (metadata lookups and value-witness copies of the world per copy, measured at 1.3-3 µs per
/// environment step), while closures made where the world's type is known (the registry's
/// specialised initialiser, through ``WorldBatch/operations``) call the specialised loop.
struct BatchOperations {
    let reset: (_ seeds: [UInt64?], _ observations: UnsafeMutableRawPointer) -> Void
    let step:
        (
            _ actions: UnsafePointer<Int64>, _ observations: UnsafeMutableRawPointer, _ rewards: UnsafeMutablePointer<Double>,
            _ terminated: UnsafeMutablePointer<UInt8>, _ truncated: UnsafeMutablePointer<UInt8>, _ metrics: UnsafeMutablePointer<Double>?
        ) throws(SettingError) -> Void
    let scene: (_ index: Int) -> Scene?
    let writeLegalActions: (_ masks: UnsafeMutablePointer<UInt8>) -> Void

    func reset(seeds: [UInt64?], observations: UnsafeMutableRawPointer) { reset(seeds, observations) }
    func step(
        actions: UnsafePointer<Int64>, observations: UnsafeMutableRawPointer, rewards: UnsafeMutablePointer<Double>,
        terminated: UnsafeMutablePointer<UInt8>, truncated: UnsafeMutablePointer<UInt8>, metrics: UnsafeMutablePointer<Double>?
    ) throws(SettingError) {
        try step(actions, observations, rewards, terminated, truncated, metrics)
    }
    func scene(of index: Int) -> Scene? { scene(index) }
    func writeLegalActions(into masks: UnsafeMutablePointer<UInt8>) { writeLegalActions(masks) }
}

/// The copies of world `W`, specialised.
final class WorldBatch<W: WorldRegistration, Writer: ObservationWriter> where Writer.Observation == W.World.Observation {
    /// One copy and what the batch knows of its episode.
    struct Copy {
        var world: W.World
        var observation: W.World.Observation
        /// Its episode ended (autoreset resets it on its next step; without it, it waits for
        /// ``reset(seeds:observations:)``), or it was never reset.
        var needsReset = true
        /// The episode's number (0 before the first reset), its steps and return so far, and
        /// how it ended: the HUD's figures.
        var episode = 0
        var steps = 0
        var episodeReturn = 0.0
        var ending: (terminated: Bool, truncated: Bool)?
    }

    private var copies: [Copy]
    private let writer: Writer
    private let autoreset: Bool
    private let actionCount: Int
    private let metrics: [EpisodeMetric<W.World.Counters>]
    private let draw: ((W.World, ToyTextHUD) -> Scene)?

    init(configuration: W.Configuration, count: Int, autoreset: Bool, writer: Writer, draw: ((W.World, ToyTextHUD) -> Scene)?) {
        let world = W.makeWorld(configuration)
        // Until the first reset, every copy shows the first state of an unseeded episode.
        var first = world
        copies = Array(repeating: Copy(world: world, observation: first.reset(seed: nil)), count: count)
        actionCount = world.actionSpace.count
        self.writer = writer
        self.autoreset = autoreset
        metrics = W.metrics
        self.draw = draw
    }

    /// The batch's calls as closures, made here where `W` is known (see ``BatchOperations``).
    var operations: BatchOperations {
        BatchOperations(
            reset: { self.reset(seeds: $0, observations: $1) },
            step: { (actions, observations, rewards, terminated, truncated, metrics) throws(SettingError) in
                try self.step(
                    actions: actions, observations: observations, rewards: rewards, terminated: terminated, truncated: truncated,
                    metrics: metrics)
            },
            scene: { self.scene(of: $0) }, writeLegalActions: { self.writeLegalActions(into: $0) })
    }

    func reset(seeds: [UInt64?], observations buffer: UnsafeMutableRawPointer) {
        for index in copies.indices { Self.begin(&copies[index], seed: seeds[index], writer: writer, slot: index, into: buffer) }
    }

    private static func begin(_ copy: inout Copy, seed: UInt64?, writer: Writer, slot: Int, into buffer: UnsafeMutableRawPointer) {
        copy.observation = copy.world.reset(seed: seed)
        writer.write(copy.observation, to: buffer, slot: slot)
        copy.needsReset = false
        copy.episode += 1
        copy.steps = 0
        copy.episodeReturn = 0
        copy.ending = nil
    }

    func step(
        actions: UnsafePointer<Int64>, observations buffer: UnsafeMutableRawPointer, rewards: UnsafeMutablePointer<Double>,
        terminated: UnsafeMutablePointer<UInt8>, truncated: UnsafeMutablePointer<UInt8>, metrics values: UnsafeMutablePointer<Double>?
    ) throws(SettingError) {
        // Checked before any copy moves, so a refused call changes nothing.
        for index in copies.indices {
            if copies[index].needsReset {
                if copies[index].episode == 0 {
                    throw SettingError(
                        autoreset ? "reset the environments before stepping them" : "reset the environment before stepping it")
                }
                if !autoreset { throw SettingError("the episode has ended: reset the environment before stepping it") }
                continue
            }
            let action = actions[index]
            guard action >= 0 && action < actionCount else { throw SettingError("action \(action) is outside 0..<\(actionCount)") }
        }
        // The copies leave the object for the loop, so their steps write in place with no
        // exclusivity or uniqueness check per copy.
        var copies = self.copies
        self.copies = []
        defer { self.copies = copies }
        let metricCount = metrics.count
        copies.withUnsafeMutableBufferPointer { copies in
            for index in copies.indices {
                if copies[index].needsReset {
                    Self.begin(&copies[index], seed: nil, writer: writer, slot: index, into: buffer)
                    rewards[index] = 0
                    terminated[index] = 0
                    truncated[index] = 0
                } else {
                    // Gymnasium's contract: every action of the space is steppable. One the state
                    // does not allow becomes the nearest it does (docs/PYTHON.md).
                    let action = writer.legalActions(in: copies[index].observation).nearest(to: Int(actions[index]))
                    let step = copies[index].world.step(copies[index].world.actionSpace.element(at: action))
                    copies[index].observation = step.observation
                    writer.write(step.observation, to: buffer, slot: index)
                    rewards[index] = step.reward
                    terminated[index] = step.terminated ? 1 : 0
                    truncated[index] = step.truncated ? 1 : 0
                    copies[index].steps += 1
                    copies[index].episodeReturn += step.reward
                    if step.isLast {
                        copies[index].ending = (step.terminated, step.truncated)
                        copies[index].needsReset = true
                    }
                }
                if let values, metricCount > 0 {
                    let counters = copies[index].world.counters
                    for metric in 0..<metricCount { values[index * metricCount + metric] = metrics[metric].value(counters) }
                }
            }
        }
    }

    func writeLegalActions(into masks: UnsafeMutablePointer<UInt8>) {
        for (index, copy) in copies.enumerated() {
            let legal = writer.legalActions(in: copy.observation)
            for action in 0..<actionCount { masks[index * actionCount + action] = legal.contains(action) ? 1 : 0 }
        }
    }

    func scene(of index: Int) -> Scene? {
        guard let draw else { return nil }
        let copy = copies[index]
        let counters = copy.world.counters
        let banner = copy.ending.map { ending in
            ending.terminated ? (text: "DONE", color: ToyTextPalette.success) : (text: "TIME UP", color: ToyTextPalette.timeUp)
        }
        let hud = ToyTextHUD(
            episode: max(copy.episode, 1), step: copy.steps, episodeReturn: copy.episodeReturn,
            metrics: metrics.map { ($0.name, $0.value(counters)) }, banner: banner)
        return draw(copy.world, hud)
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
