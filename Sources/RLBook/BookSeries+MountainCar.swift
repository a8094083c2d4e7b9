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
    typealias Features = StepSizePerWeight<ContinuousFeatures<MountainCarObservation>>
    typealias Actions = EnumSpace<MountainCarAction>

    static let tilings = 8
    /// The bounded distances: the position from the left wall to the goal (the car never stands
    /// beyond it), the velocity between its limits.
    static let ranges = FeatureRanges(
        low: [MountainCar.minimumPosition, -MountainCar.maximumSpeed], high: [MountainCar.goalPosition, MountainCar.maximumSpeed])
    static let features: Features = {
        do {
            return Features(
                try ContinuousFeatures(
                    FeatureSettings(kind: .tiles, tilings: tilings, tiles: 8), ranges: ranges,
                    actionCount: MountainCarAction.allCases.count))
        } catch {
            preconditionFailure("the book's tile coding: \(error)")
        }
    }()

    /// The book's episodes have no cap; this one, the registered world's largest, only guarantees
    /// that a run ends. An episode it cuts counts its 1,000,000 steps. The figures' step sizes
    /// stop before the curves leave the book's plots, where runs begin to diverge; one run of
    /// Figure 10.4 (n = 1, α × 8 = 0.6, seed 34) still meets it (docs/BOOK.md).
    static let stepCap = 1_000_000

    /// α given as the book gives it, times the tilings: `0.5` is α = 0.5/8 per weight. The agents
    /// get the weight's step size itself (``StepSizePerWeight``): the learning rate a table accepts
    /// stops at 1, and the book's α × 8 goes to 2.
    static func hyperparameters(alphaTimesTilings: Double) -> Hyperparameters {
        Hyperparameters(learningRate: .constant(alphaTimesTilings / Double(tilings)), discount: 1, epsilon: .constant(0))
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
    /// the same start states and ties. `--quick` plays only `quickAlphas` (each curve's best, so
    /// that the checks can compare bests in a few seconds), every other point taking the value of
    /// the nearest one played. `reward` gives the reward per episode, −steps (Figure 12.11's
    /// axis), in place of the steps.
    static func mountainCarStudy<A: LinearAgent>(
        _ label: String, alphasTimesTilings: [Double], episodes: Int, quickAlphas: [Double], reward: Bool = false,
        agent make: @escaping @Sendable (_ hyperparameters: Hyperparameters, _ seed: UInt64) -> A
    ) -> BookSeries where A.Features == BookMountainCar.Features, A.ActionSpace == BookMountainCar.Actions {
        precondition(!quickAlphas.isEmpty && quickAlphas.allSatisfy(alphasTimesTilings.contains), "quick α not among the α")
        return BookSeries(label: label, x: alphasTimesTilings) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let played = (quick ? quickAlphas : alphasTimesTilings).map { alpha in
                    let steps = BookMountainCar.stepsPerEpisode(make, alphaTimesTilings: alpha, episodes: episodes, seed: seed)
                    let mean = steps.reduce(0, +) / Double(steps.count)
                    return (alpha: alpha, mean: reward ? -mean : mean)
                }
                let points = alphasTimesTilings.map { alpha in
                    played.min { abs($0.alpha - alpha) < abs($1.alpha - alpha) }!.mean
                }
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(points)
            }
        }
    }
}

/// A feature map whose linear agents take the step size of one weight as their learning rate
/// (a divisor of 1), where tile coding's own divisor makes it the step size of the whole feature
/// vector: the book's α × 8 passes 1 (Figures 10.4 and 12.10 go to 1.7, 12.11 to 2), which a
/// learning rate may not. The features are the base's. α/8 computed here is the same double the
/// agents would compute from α and the divisor 8.
struct StepSizePerWeight<Base: FeatureMap>: FeatureMap {
    let base: Base

    init(_ base: Base) { self.base = base }

    var featureCount: Int { base.featureCount }
    var maximumActiveCount: Int { base.maximumActiveCount }
    var stepSizeDivisor: Double { 1 }

    @inline(__always)
    func activeFeatures(of observation: Base.Observation, into features: inout ActiveFeatures) {
        base.activeFeatures(of: observation, into: &features)
    }
}

extension BookMountainCar {
    /// When a snapshot of a run is taken: after `steps` steps of the first episode, or after
    /// `episodes` whole episodes.
    enum Moment: Sendable {
        case step(Int)
        case episodes(Int)
    }

    /// The cost-to-go −maxₐ q̂(s, a, w) of semi-gradient Sarsa (``LinearSarsaAgent``) at
    /// `moment` of the run of `seed`, at the centres of `heatmap`'s cells (position across,
    /// velocity down). Every moment of a seed is the same run, stopped earlier or later: a step
    /// snapshot caps the first episode at that step, which changes nothing before it.
    static func costToGo(alphaTimesTilings: Double, at moment: Moment, heatmap: BookPanel.Heatmap, seed: UInt64) -> [Double] {
        var agent = LinearSarsaAgent(
            features: features, actionSpace: Actions(), hyperparameters: hyperparameters(alphaTimesTilings: alphaTimesTilings),
            settings: NoAgentSettings(), seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        let (cap, episodes) =
            switch moment {
            case .step(let steps): (steps, 1)
            case .episodes(let episodes): (stepCap, episodes)
            }
        var world = MountainCar.capped(at: cap)
        train(&agent, on: &world, episodes: episodes, seed: derivedSeed(seed, purpose: SeedPurpose.training))
        var active = features.makeActiveFeatures()
        return heatmap.centres.map { centre in
            features.activeFeatures(of: MountainCarObservation(position: centre.x, velocity: centre.y), into: &active)
            return -agent.values.maxValue(over: active)
        }
    }
}

extension BookSeries {
    /// Figure 10.1's snapshots: the cost-to-go of one run of semi-gradient Sarsa on the book's
    /// Mountain Car at `moment` (`quickMoment` under `--quick`), over `heatmap`'s grid.
    static func mountainCarCostToGo(
        _ label: String, alphaTimesTilings: Double, at moment: BookMountainCar.Moment, quickMoment: BookMountainCar.Moment,
        heatmap: BookPanel.Heatmap
    ) -> BookSeries {
        BookSeries(label: label, x: (0..<heatmap.rows * heatmap.columns).map(Double.init)) { seeds, quick, sums in
            let clock = ContinuousClock()
            for seed in seeds {
                let start = clock.now
                let costs = BookMountainCar.costToGo(
                    alphaTimesTilings: alphaTimesTilings, at: quick ? quickMoment : moment, heatmap: heatmap, seed: seed)
                sums.secondsInRuns += seconds(clock.now - start)
                sums.add(costs)
            }
        }
    }
}
