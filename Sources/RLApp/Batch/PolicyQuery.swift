import RLCore
import RLTabular

/// A policy file opened for another language (the Python package's `load_policy`): what it gives
/// each action at an observation written as plain numbers, as a batch writes them. Every kind of
/// file answers: a table, a network, and a linear policy, whose features only Swift computes.
public struct PolicyQuery {
    /// A finite world's state shape (the table's, row-major), or `nil` for real coordinates.
    public let stateShape: [Int]?
    /// How many numbers an observation has: the coordinates (or 1, a finite state's index).
    public let dimensionCount: Int
    public let actionCount: Int
    private let values: (_ point: [Double]) -> [Double]

    /// Opens and checks `path` as every command does; its world must be one this `rl` knows.
    public init(path: String) throws(PolicyFileError) {
        let loaded = try LoadedPolicy(path: path)
        let world = try loaded.requireWorld(toDo: "compute its actions")
        let policy = loaded.policy
        if world.hasRealCoordinates {
            guard let view = world.valueFunction else {
                throw PolicyFileError("\(path): world \(world.id) has no value function to read")
            }
            let evaluate = view.prepare(policy)
            stateShape = nil
            dimensionCount = view.dimensionNames.count
            actionCount = policy.metadata.actions.count
            values = { evaluate($0).scores }
        } else {
            // A finite world's table (a network's is what it gives each state, made on loading).
            let table = policy.table
            let shape = table.stateShape
            stateShape = shape
            dimensionCount = shape.count
            actionCount = table.actionCount
            values = { coordinates in
                let index = Self.stateIndex(coordinates, shape: shape) ?? 0
                return (0..<table.actionCount).map { table[index, $0] }
            }
        }
    }

    /// The state's row-major index from its coordinates along `shape`, or from its index alone
    /// (one number); `nil` when it is not a whole number inside the table.
    static func stateIndex(_ coordinates: [Double], shape: [Int]) -> Int? {
        if coordinates.count == 1 && shape.count != 1 {
            // The state's index alone: a world Gymnasium numbers as one `Discrete`.
            guard let index = Int(exactly: coordinates[0]), (0..<shape.reduce(1, *)).contains(index) else { return nil }
            return index
        }
        guard coordinates.count == shape.count else { return nil }
        var index = 0
        for (coordinate, size) in zip(coordinates, shape) {
            guard let whole = Int(exactly: coordinate), (0..<size).contains(whole) else { return nil }
            index = index * size + whole
        }
        return index
    }

    /// What the policy gives each action at `observation`: q(s, ·), or a network's outputs.
    public func actionValues(at observation: [Double]) throws(SettingError) -> [Double] {
        guard observation.allSatisfy(\.isFinite) else { throw SettingError("the observation holds a number that is not finite") }
        if let stateShape {
            guard Self.stateIndex(observation, shape: stateShape) != nil else {
                throw SettingError(
                    "an observation of this world is \(stateShape.count) whole numbers inside \(stateShape) (or the state's index), got \(observation.count) numbers \(observation.prefix(8))"
                )
            }
        } else if observation.count != dimensionCount {
            throw SettingError("an observation of this world has \(dimensionCount) coordinates, got \(observation.count)")
        }
        return values(observation)
    }
}
