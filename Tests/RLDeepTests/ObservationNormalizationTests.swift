import RLClassicControl
import RLCore
import RLTabular
import Testing

@testable import RLDeep

/// Stable-Baselines3's `VecNormalize`, as PPO's `--normalize` keeps it.
@Suite struct ObservationNormalizationTests {
    /// Merged batch by batch, the statistics are those of all the rows at once together with
    /// the prior (mean 0, variance 1, weight 1e-4): a single merge of the whole stream.
    @Test func batchesMergeIntoTheWholeStreamsMeanAndVariance() {
        var generator = Xoshiro256StarStar(seed: 5)
        var statistics = RunningMeanVariance(width: 2)
        var all: [[Double]] = []
        for batch in 0..<30 {
            let rows = 1 + batch % 4
            var values: [Float] = []
            for _ in 0..<rows {
                let row = [Float(Double.random(in: -3...7, using: &generator)), Float(Double.random(in: 100...101, using: &generator))]
                values += row
                all.append(row.map(Double.init))
            }
            values.withUnsafeBufferPointer { statistics.update($0.baseAddress!, rows: rows) }
        }
        for column in 0..<2 {
            let column = all.map { $0[column] }
            let n = Double(column.count), prior = 1e-4
            let sampleMean = column.reduce(0, +) / n
            let sampleVariance = column.map { ($0 - sampleMean) * ($0 - sampleMean) }.reduce(0, +) / n
            let mean = n * sampleMean / (n + prior)
            let variance = (prior + n * sampleVariance + sampleMean * sampleMean * prior * n / (n + prior)) / (n + prior)
            let index = column == all.map({ $0[0] }) ? 0 : 1
            #expect(abs(statistics.mean[index] - mean) < 1e-9 * max(1, abs(mean)))
            #expect(abs(statistics.variance[index] - variance) < 1e-9 * max(1, variance))
        }
        #expect(abs(statistics.count - (Double(all.count) + 1e-4)) < 1e-9)
    }

    @Test func observationsAreCentredScaledAndClipped() {
        let normalization = ObservationNormalization(mean: [1, -2], variance: [4, 0])
        var row: [Float] = [5, -2]
        row.withUnsafeMutableBufferPointer { normalization.apply(to: $0.baseAddress!, rows: 1) }
        #expect(abs(row[0] - 2) < 1e-6)  // (5 − 1)/√(4 + 1e-8)
        #expect(row[1] == 0)
        row = [1e9, -1]
        row.withUnsafeMutableBufferPointer { normalization.apply(to: $0.baseAddress!, rows: 1) }
        #expect(row == [10, 10])  // (−1 + 2)/√1e-8 is 1e4: clipped
    }

    /// A file's statistics are read back as stored, and refused when they do not fit.
    @Test func theFilesStatisticsAreCheckedWhenRead() throws {
        let normalization = ObservationNormalization(mean: [0.5, 2], variance: [1, 3])
        let read = try #require(try ObservationNormalization(tensors: normalization.tensors, width: 2))
        #expect(read == normalization)
        #expect(try ObservationNormalization(tensors: [:], width: 2) == nil)
        var bad = normalization.tensors
        bad["obs_var"] = Tensor(shape: [2], float32: [1, -1])
        #expect(throws: PolicyFileError.self) { try ObservationNormalization(tensors: bad, width: 2) }
        #expect(throws: PolicyFileError.self) { try ObservationNormalization(tensors: normalization.tensors, width: 3) }
    }

    /// With `--normalize`, PPO keeps the statistics of what it saw and saves them; without, none.
    @Test func ppoKeepsAndSavesItsStatistics() {
        var settings = PPOSettings()
        settings.environmentCount = 2
        settings.stepsPerRollout = 16
        settings.batchSize = 32
        settings.epochs = 1
        settings.normalize = true
        let hyperparameters = Hyperparameters(learningRate: .constant(1e-3), discount: 0.99, epsilon: .constant(0))
        var agent = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: hyperparameters, settings: settings, seed: 1)
        _ = agent.train(
            makeEnvironment: { _ in CartPole.capped(at: 500, seed: 0) }, encoder: CoordinateEncoder<CartPoleObservation>(),
            totalSteps: 64, seed: 2, onEpisode: { _, _ in .proceed })
        let normalization = try! #require(agent.observationNormalization)
        #expect(normalization.mean.count == 4 && normalization.variance.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(agent.tensors["obs_mean"]?.shape == [4] && agent.tensors["obs_var"]?.dtype == "F32")
        settings.normalize = false
        let plain = PPOAgent(inputWidth: 4, actionCount: 2, hyperparameters: hyperparameters, settings: settings, seed: 1)
        #expect(plain.observationNormalization == nil && plain.tensors["obs_mean"] == nil)
    }
}
