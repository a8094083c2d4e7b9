import RLTabular

/// Why a run (training, a benchmark, a baseline's evaluation) could not be done, named for what
/// it is: a request this `rl` cannot carry out, or a file that failed. Commands map each case to
/// the README's exit status in one place.
public enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request names something that is not there or does not fit: an unknown world or
    /// agent, a planner on a world with no model, a baseline a world does not have.
    case unsupported(String)
    /// A policy, log or map file could not be read or written.
    case file(PolicyFileError)

    public var message: String {
        switch self {
        case .unsupported(let message): message
        case .file(let error): error.message
        }
    }

    public var description: String { message }

    static func unknownWorld(_ id: String) -> RunError {
        .unsupported("unknown world '\(id)' (this rl knows \(Registry.worldList))")
    }

    static func unknownAgent(_ id: String) -> RunError {
        .unsupported("unknown agent '\(id)' (this rl knows \(Registry.agentList))")
    }
}

extension RunError {
    /// A planner asked to solve a world that publishes no model.
    static func plannerNeedsModel<W: WorldRegistration>(_ planner: Planner, world: W.Type, _ configuration: W.Configuration) -> RunError {
        .unsupported(
            "agent \(planner.id) solves a world from its model, and \(W.id) (\(W.describe(configuration))) publishes none: train a learning agent instead"
        )
    }
}
