import RLTabular

/// Running mean and variance of a stream of rows, merged a batch at a time (Chan et al.'s
/// parallel algorithm, as Stable-Baselines3's `RunningMeanStd`): what `VecNormalize` keeps of
/// the observations and of the discounted returns. Its storage is allocated once.
public struct RunningMeanVariance: Sendable, Equatable {
    public private(set) var mean: [Double]
    public private(set) var variance: [Double]
    /// SB3 starts the count at 1e-4, so the first batch all but replaces the initial 0 and 1.
    public private(set) var count = 1e-4
    private var batchMean: [Double]
    private var batchVariance: [Double]

    public init(width: Int) {
        mean = Array(repeating: 0, count: width)
        variance = Array(repeating: 1, count: width)
        batchMean = mean
        batchVariance = mean
    }

    /// Statistics as a saved run left them.
    /// - Precondition: a mean and a variance per input, and a positive count.
    public init(mean: [Double], variance: [Double], count: Double) {
        precondition(mean.count == variance.count && count > 0, "a mean and a variance per input, and a count")
        self.mean = mean
        self.variance = variance
        self.count = count
        batchMean = mean
        batchVariance = mean
    }

    /// Merges `rows` rows of `mean.count` values each, read at `values`.
    public mutating func update<Value: BinaryFloatingPoint>(_ values: UnsafePointer<Value>, rows: Int) {
        let width = mean.count
        guard rows > 0 else { return }
        for column in 0..<width {
            var sum = 0.0
            for row in 0..<rows { sum += Double(values[row * width + column]) }
            let average = sum / Double(rows)
            var squares = 0.0
            for row in 0..<rows {
                let deviation = Double(values[row * width + column]) - average
                squares += deviation * deviation
            }
            batchMean[column] = average
            batchVariance[column] = squares / Double(rows)
        }
        let batchCount = Double(rows)
        let total = count + batchCount
        for column in 0..<width {
            let delta = batchMean[column] - mean[column]
            let combined = variance[column] * count + batchVariance[column] * batchCount + delta * delta * count * batchCount / total
            mean[column] += delta * batchCount / total
            variance[column] = combined / total
        }
        count = total
    }
}

/// Observations normalised as Stable-Baselines3's `VecNormalize` does: `(x − mean)/√(var + 1e-8)`,
/// clipped to ±10. A policy file stores the statistics as `obs_mean` and `obs_var`, which every
/// reader of the file applies before the network.
public struct ObservationNormalization: Sendable, Equatable {
    public static let epsilon = 1e-8
    public static let clip = 10.0
    public let mean: [Double]
    public let variance: [Double]

    public init(mean: [Double], variance: [Double]) {
        precondition(mean.count == variance.count, "a mean and a variance per input")
        self.mean = mean
        self.variance = variance
    }

    /// Normalises `rows` rows in place.
    @inlinable
    public func apply(to values: UnsafeMutablePointer<Float>, rows: Int) {
        let width = mean.count
        for row in 0..<rows {
            for column in 0..<width {
                let index = row * width + column
                let scaled = (Double(values[index]) - mean[column]) / (variance[column] + Self.epsilon).squareRoot()
                values[index] = Float(min(max(scaled, -Self.clip), Self.clip))
            }
        }
    }

    /// The tensors a policy file holds.
    public var tensors: [String: Tensor] {
        [
            "obs_mean": Tensor(shape: [mean.count], float32: mean.map { Float($0) }),
            "obs_var": Tensor(shape: [variance.count], float32: variance.map { Float($0) }),
        ]
    }

    /// The statistics a file holds for `width` inputs, checked; `nil` when it holds none.
    public init?(tensors: [String: Tensor], width: Int) throws(PolicyFileError) {
        guard tensors["obs_mean"] != nil || tensors["obs_var"] != nil else { return nil }
        func read(_ name: String) throws(PolicyFileError) -> [Double] {
            guard let tensor = tensors[name], tensor.shape == [width], case .floats(let values) = tensor.values,
                values.allSatisfy({ $0.isFinite && abs($0) <= Double(Float.greatestFiniteMagnitude) })
            else {
                throw PolicyFileError("tensor '\(name)' must hold \(width) finite numbers, one per input")
            }
            return values
        }
        let mean = try read("obs_mean"), variance = try read("obs_var")
        guard variance.allSatisfy({ $0 >= 0 }) else { throw PolicyFileError("tensor 'obs_var' holds a negative variance") }
        // Stored in single precision: what is applied is what the file says.
        self.init(mean: mean.map { Double(Float($0)) }, variance: variance.map { Double(Float($0)) })
    }
}
