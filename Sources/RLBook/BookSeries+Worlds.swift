import RLApp
import RLCore
import RLExperiments
import RLTabular

extension BookSeries {
    /// A registered agent on a registered world, in memory (``ConfiguredWorld/accumulate(_:seeds:into:)``):
    /// run `seed` is `rl train --env <world> <flags> --agent <agent> --seed <seed>` with the same
    /// hyperparameters. The world and agent are looked up by id here, once, through the registry.
    /// - Parameters:
    ///   - flags: the world's flags, as `rl train` takes them (`max-steps`, `100000`).
    ///   - x: the x of each point: episodes 1...n for a curve, the parameter's values for a study.
    ///   - quick: what `--quick` runs instead (fewer episodes), if anything.
    ///   - runDivisor: see ``BookSeries/runDivisor``.
    public static func world(
        _ label: String, world id: String, flags: [(name: String, value: String?)] = [], x: [Double],
        _ request: EpisodeCurveRequest, quick: EpisodeCurveRequest? = nil, runDivisor: Int = 1
    ) -> BookSeries {
        // A figure's world is declared in code: one that does not configure is found by the
        // tests of every figure, and reported as the run's failure.
        let configured = Result { () throws(SettingError) -> ConfiguredWorld in
            guard let world = Registry.world(id) else { throw SettingError("unknown world '\(id)'") }
            return try world.configure(flags: flags)
        }
        return BookSeries(label: label, x: x, runDivisor: runDivisor) { seeds, isQuick, sums throws(BookError) in
            do {
                try configured.get().accumulate(isQuick ? quick ?? request : request, seeds: seeds, into: &sums)
            } catch let error as SettingError {
                throw BookError("world \(id): \(error.message)")
            } catch let error as RunError {
                throw BookError(error.message)
            } catch {
                throw BookError("\(error)")
            }
        }
    }

    /// The sum of rewards (or a metric) of each of `episodes` episodes.
    public static func episodes(
        _ label: String, world id: String, flags: [(name: String, value: String?)] = [], agent: String,
        hyperparameters: Hyperparameters, episodes: Int, measure: EpisodeCurveRequest.Measure = .sumOfRewards, scale: Double = 1
    ) -> BookSeries {
        world(
            label, world: id, flags: flags, x: (1...episodes).map(Double.init),
            EpisodeCurveRequest(
                agent: agent, hyperparameters: [hyperparameters], episodes: episodes, measure: measure, scale: scale))
    }
}
