import RLCore

/// A bandit method that can be made fresh for each problem of the testbed: its settings and a
/// seed for its own generator (exploration, ties, the gradient bandit's draws).
public protocol TestbedAgent: BanditAgent, SendableMetatype {
    associatedtype Settings: Sendable
    /// A fresh agent for a problem of `arms` arms.
    init(arms: Int, settings: Settings, seed: UInt64)
}

/// How an action-value estimate moves towards a reward (§2.4, §2.5).
public enum StepSize: Sendable, Equatable {
    /// 1/n: the estimate is the average of the n rewards seen (§2.4).
    case sampleAverage
    /// A constant α: recent rewards weigh more (§2.5, for nonstationary problems).
    case constant(Double)
}

/// The arm with the highest value, ties broken uniformly at random (the book's "breaking ties
/// randomly"): a tie draws once, so a problem with no ties draws nothing here.
@inlinable
func greedyArm<G: RandomNumberGenerator>(_ values: [Double], using generator: inout G) -> Int {
    var best = 0
    var ties = 1
    for arm in 1..<values.count {
        if values[arm] > values[best] {
            best = arm
            ties = 1
        } else if values[arm] == values[best] {
            ties += 1
        }
    }
    guard ties > 1 else { return best }
    var pick = generator.nextIndex(below: ties)
    for arm in best..<values.count where values[arm] == values[best] {
        if pick == 0 { return arm }
        pick -= 1
    }
    return best
}
