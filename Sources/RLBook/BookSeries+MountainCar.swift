import RLClassicControl
import RLCore
import RLExperiments
import RLFeatures
import RLLinear
import RLTabular

/// Mountain Car as chapters 10 and 12 of the book run it (Example 10.1, p. 245): the registered
/// world's dynamics and start states (Gymnasium's, which are the book's), with no step cap worth
/// the name, 8 tilings of 8 × 8 tiles over the bounded position and velocity (the book's "each
/// tile covering 1/8th of the bounded distance in each dimension, and asymmetric offsets as
/// described in Section 9.5.4"), w = 0 (optimistic under −1 rewards), ε = 0 and γ = 1.
enum BookMountainCar {
    typealias Features = ContinuousFeatures<MountainCarObservation>
    typealias Actions = EnumSpace<MountainCarAction>

    static let tilings = 8
    /// The bounded distances: the position from the left wall to the goal (the car never stands
    /// beyond it), the velocity between its limits.
    static let ranges = FeatureRanges(
        low: [MountainCar.minimumPosition, -MountainCar.maximumSpeed], high: [MountainCar.goalPosition, MountainCar.maximumSpeed])
    static let features: Features = {
        do {
            return try Features(
                FeatureSettings(kind: .tiles, tilings: tilings, tiles: 8), ranges: ranges, actionCount: MountainCarAction.allCases.count)
        } catch {
            preconditionFailure("the book's tile coding: \(error)")
        }
    }()

    /// The book's episodes have no cap; this one only guarantees that a diverging run ends. An
    /// episode it cuts counts its 100,000 steps. The figures' step sizes stop before the curves
    /// leave the book's plots, where no episode comes near it.
    static let stepCap = 100_000

    /// α given per feature vector, as the book gives it: `0.5` is α = 0.5/8 per weight (the
    /// linear agents divide the learning rate by the 8 active tiles).
    static func hyperparameters(alphaTimesTilings: Double) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(alphaTimesTilings), discount: 1, epsilon: .constant(0))
    }

    /// The steps of each of `episodes` episodes of a fresh agent: the world's start states from
    /// `derivedSeed(seed, purpose: training)`, the agent's ties from `derivedSeed(seed, purpose: agent)`.
    static func stepsPerEpisode<A: LinearAgent>(
        _ make: (_ hyperparameters: Hyperparameters, _ seed: UInt64) -> A, alphaTimesTilings: Double, episodes: Int, seed: UInt64
    ) -> [Double] where A.Features == Features, A.ActionSpace == Actions {
        var world = MountainCar.capped(at: stepCap)
        var agent = make(hyperparameters(alphaTimesTilings: alphaTimesTilings), derivedSeed(seed, purpose: SeedPurpose.agent))
        var steps: [Double] = []
        steps.reserveCapacity(episodes)
        train(&agent, on: &world, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training)) { record in
            steps.append(Double(record.steps))
            return .proceed
        }
        return steps
    }
}

extension BookSeries {
    /// A linear agent learning the book's Mountain Car (``BookMountainCar``): the steps of each of
    /// `episodes` episodes (Figures 10.2 and 10.3). `--quick` plays `quickEpisodes` (the points
    /// after them repeat the last).
    static func mountainCar<A: LinearAgent>(
        _ label: String, alphaTimesTilings: Double, episodes: Int, quickEpisodes: Int,
        agent make: @escaping @Sendable (_ hyperparameters: Hyperparameters, _ seed: UInt64) -> A
    ) -> BookSeries where A.Features == BookMountainCar.Features, A.ActionSpace == BookMountainCar.Actions {
        BookSeries(label: label, x: (1...episodes).map(Double.init)) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                var steps = BookMountainCar.stepsPerEpisode(
                    make, alphaTimesTilings: alphaTimesTilings, episodes: quick ? quickEpisodes : episodes, seed: seed)
                steps += Array(repeating: steps.last ?? 0, count: episodes - steps.count)
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(steps)
            }
        }
    }

    /// A parameter study on the book's Mountain Car (Figures 10.4 and 12.10): for each α × 8 (the
    /// x values), the steps per episode averaged over the first `episodes` episodes. Every α meets
    /// the same start states and ties. `--quick` plays `quickEpisodes`.
    static func mountainCarStudy<A: LinearAgent>(
        _ label: String, alphasTimesTilings: [Double], episodes: Int, quickEpisodes: Int,
        agent make: @escaping @Sendable (_ hyperparameters: Hyperparameters, _ seed: UInt64) -> A
    ) -> BookSeries where A.Features == BookMountainCar.Features, A.ActionSpace == BookMountainCar.Actions {
        BookSeries(label: label, x: alphasTimesTilings) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let points = alphasTimesTilings.map { alpha in
                    let steps = BookMountainCar.stepsPerEpisode(
                        make, alphaTimesTilings: alpha, episodes: quick ? quickEpisodes : episodes, seed: seed)
                    return steps.reduce(0, +) / Double(steps.count)
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}
