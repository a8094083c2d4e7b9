import RLCliffWalking
import RLCore
import RLPong

/// An environment `rl` can train, save and inspect: it names its table's dimensions and actions.
public protocol DescribedEnvironment: Environment where Counters: ReportedCounters {
    /// The names of the observation's dimensions, in table order.
    var stateDimensionNames: [String] { get }
    /// The names of the actions, in index order.
    var actionNames: [String] { get }
}

extension PongEnvironment: DescribedEnvironment {
    public var stateDimensionNames: [String] { observationSpace.dimensionNames }
    public var actionNames: [String] { actionSpace.names }
}

extension TimeLimit: DescribedEnvironment where Base == CliffWalking {
    public var stateDimensionNames: [String] { ["row", "column"] }
    public var actionNames: [String] { GridMove.allCases.map(\.description) }
}

/// Converts a clock duration to seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
