import Foundation
import RLCore
import RLTabular

/// A policy file with the world it was trained for, when this `rl` knows that world.
///
/// A file from an unknown world (or agent) still opens: its table and metadata are checked as a
/// file, so `rl inspect` can show and export it; commands that must play it ask
/// ``requireWorld(toDo:)``, which says in one line what is missing.
public struct LoadedPolicy {
    public var policy: Policy
    /// The world under the file's configuration, when this `rl` knows the world.
    public var world: ConfiguredWorld?
    public var path: String

    /// The world's id as the file names it.
    public var worldID: String { policy.metadata.environment }

    /// Loads `path` and, when its world is known, checks that the table and metadata fit it.
    /// - Parameter expected: when given, the policy must be for this world.
    public init(path: String, expecting expected: String? = nil) throws(PolicyFileError) {
        let policy = try Policy.load(from: path)
        self.policy = policy
        self.path = path
        if let expected, expected != policy.metadata.environment {
            throw PolicyFileError("\(path) is a policy for \(policy.metadata.environment), not \(expected)")
        }
        // Every command reads the same checked file: a learning rate of 2 must not reach an agent
        // (its initialiser stops on a precondition), whichever command opened it.
        do { try policy.metadata.hyperparameters.validate() } catch {
            throw PolicyFileError("\(path): its hyperparameters are out of range: \(error.message)")
        }
        guard let registered = Registry.world(policy.metadata.environment) else { return }
        let world: ConfiguredWorld
        do {
            world = try registered.configured(fromJSON: policy.metadata.configuration)
        } catch {
            throw PolicyFileError("\(path): \(error.message)")
        }
        self.world = world
        if policy.metadata.isNetwork {
            try checkNetwork(against: world)
            return
        }
        let layout = world.layout
        guard policy.table.stateShape == layout.stateShape, policy.table.actionCount == layout.actionCount else {
            throw PolicyFileError(
                "\(path): table shape \(policy.table.shape) does not match its world, which needs \(layout.stateShape + [layout.actionCount])"
            )
        }
        guard policy.metadata.actions == layout.actions,
            policy.metadata.stateDimensions == layout.stateDimensions,
            policy.metadata.observation == layout.observation
        else {
            throw PolicyFileError("\(path): the metadata's observation, state dimensions or actions do not match its configuration")
        }
        guard policy.metadata.features == layout.features else {
            throw PolicyFileError("\(path): the metadata's features do not match its configuration")
        }
        if let agent = Registry.agent(policy.metadata.agent) {
            do { try agent.checkSettings(policy.metadata.agentSettings) } catch {
                throw PolicyFileError("\(path): \(error.message)")
            }
        }
        // What `--resume` would restore beyond the table (an agent's model, a league), checked
        // here for every command; a version 1 file holds none of it.
        if policy.metadata.formatVersion >= 2 {
            do { try world.checkSaved(policy) } catch { throw PolicyFileError("\(path): \(error.message)", kind: error.kind) }
        }
    }

    /// A deep agent's file: its names match the world, its agent's settings are valid, and its
    /// network reads the world's inputs and gives its actions from finite weights. On a finite
    /// world the table becomes what the network gives each state.
    private mutating func checkNetwork(against world: ConfiguredWorld) throws(PolicyFileError) {
        let layout = world.networkLayout
        guard policy.metadata.actions == layout.actions, policy.metadata.stateDimensions == layout.stateDimensions,
            policy.metadata.observation == layout.observation
        else {
            throw PolicyFileError("\(path): the metadata's observation, state dimensions or actions do not match its configuration")
        }
        guard let agent = Registry.agent(policy.metadata.agent), Registry.isDeep(agent.id) else {
            throw PolicyFileError(
                "\(path): it holds networks, but its agent '\(policy.metadata.agent.prefix(40))' is not a deep agent this rl knows")
        }
        do { try agent.checkSettings(policy.metadata.agentSettings) } catch {
            throw PolicyFileError("\(path): \(error.message)")
        }
        do {
            if let table = try world.loadNetwork(policy).table { policy.table = table }
        } catch {
            throw PolicyFileError("\(path): \(error.message)")
        }
    }

    /// The world, or a one-line error saying this `rl` does not know it.
    public func requireWorld(toDo purpose: String) throws(PolicyFileError) -> ConfiguredWorld {
        guard let world else {
            throw PolicyFileError(
                "\(path) is a policy for world '\(worldID)', which this rl does not know (it knows \(Registry.worldList)): cannot \(purpose)"
            )
        }
        return world
    }
}

/// Where policies live: `rl train` writes `policies/<world>.safetensors`; the repository ships
/// trained ones under `policies/pretrained/`, which `eval`, `watch` and `inspect` fall back on.
public enum PolicyPaths {
    /// Where `rl train` saves by default.
    public static func trained(_ world: String) -> String { "policies/\(world).safetensors" }
    /// Where the shipped policy of a world is.
    public static func pretrained(_ world: String) -> String { "policies/pretrained/\(world).safetensors" }

    /// The trained policy when there is one, else the shipped one. The note says so when it
    /// falls back on the shipped one (a report names the path it read either way).
    public static func defaultPolicy(_ world: String) -> (path: String, note: String?) {
        let trained = trained(world)
        let shipped = pretrained(world)
        // With neither, the error names the file `rl train` would make.
        if FileManager.default.fileExists(atPath: trained) || !FileManager.default.fileExists(atPath: shipped) { return (trained, nil) }
        return (shipped, "note: no trained policy at \(trained) ('rl train' makes one): using the shipped \(shipped)")
    }
}
