import RLCliffWalking
import RLCore
import RLPong

/// An environment `rl` can train and log: its counters say what the CSV and reports show.
/// (Its dimension and action names come from ``EnvironmentSpec``, the one place that knows them.)
public protocol DescribedEnvironment: Environment where Counters: ReportedCounters {}

extension PongEnvironment: DescribedEnvironment {}
extension TimeLimit: DescribedEnvironment where Base == CliffWalking {}

/// Converts a clock duration to seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
