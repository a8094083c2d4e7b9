import ArgumentParser
import RLApp

/// `--env`: the world a command works on, checked against the registry in one place.
struct WorldOption: ParsableArguments {
    @Option(
        name: .customLong("env"),
        help: ArgumentHelp("World: \(Registry.worldList) (default \(Registry.defaultWorld.id)).", valueName: "world"))
    var id: String?

    func validate() throws {
        if let id, Registry.world(id) == nil {
            throw ValidationError("--env: unknown world '\(id)' (this rl knows \(Registry.worldList))")
        }
    }

    /// The world named, or the default one.
    var world: AnyWorld { id.flatMap(Registry.world) ?? Registry.defaultWorld }
}
