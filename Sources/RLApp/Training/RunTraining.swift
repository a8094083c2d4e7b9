import Foundation
import RLCore
import RLTabular

/// Trains a fresh agent (or continues a saved run) as `options` say, saves the policy
/// (atomically, also when stopped early), writes the CSV log if asked, and returns the outcome.
///
/// - Parameters:
///   - observe: sees progress and the periodic reports.
///   - observeEpisodes: when given, sees every episode in full (return, steps, rates, the
///     world's metrics): what TensorBoard logs. Without it nothing per episode is computed.
///   - shouldStop: checked after every episode (Ctrl-C).
public func runTraining(
    _ options: TrainingOptions,
    observe: @escaping (TrainingEvent) -> Void = { _ in },
    observeEpisodes: ((EpisodeSummary) -> Void)? = nil,
    shouldStop: @escaping () -> Bool = { false }
) throws(RunError) -> TrainingOutcome {
    guard let world = Registry.world(options.world) else { throw .unknownWorld(options.world) }
    guard let agent = Registry.agent(options.agent) else { throw .unknownAgent(options.agent) }
    do { try options.hyperparameters.validate() } catch { throw .unsupported(error.message) }
    do { try agent.checkSettings(options.agentSettings) } catch { throw .unsupported(error.message) }
    let configured: ConfiguredWorld
    do { configured = try world.configured(fromJSON: options.configuration) } catch { throw .unsupported(error.message) }
    do throws(PolicyFileError) {
        // Fail before training, not after: a bad --out or --log must not waste the run.
        try AtomicFile.checkWritable(options.outputPath)
        if let logPath = options.logPath {
            try AtomicFile.checkWritable(logPath)
            if URL(fileURLWithPath: logPath).resolvingSymlinksInPath() == URL(fileURLWithPath: options.outputPath).resolvingSymlinksInPath()
            {
                throw PolicyFileError("the log and the policy would be the same file: \(logPath)")
            }
        }
    } catch {
        throw .file(error)
    }
    if let planner = Registry.planner(options.agent) { return try configured.plan(planner, options) }
    if !Registry.canLearn(options.agent, on: configured) { throw .unsupported(Registry.whyNot(options.agent, on: configured)) }
    let observers = TrainingObservers(observe: observe, observeEpisodes: observeEpisodes, shouldStop: shouldStop)
    do { return try configured.train(options, observers) } catch { throw .file(error) }
}

/// Who watches a training run: progress and reports, every episode in full (when asked), and
/// whether to stop (Ctrl-C).
struct TrainingObservers {
    var observe: (TrainingEvent) -> Void
    var observeEpisodes: ((EpisodeSummary) -> Void)?
    var shouldStop: () -> Bool
}
