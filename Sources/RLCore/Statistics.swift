/// Summary statistics of a sample, such as the returns of evaluation episodes.
public struct SampleSummary: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    /// The sample standard deviation (n − 1 in the denominator); 0 for fewer than 2 values.
    public var standardDeviation: Double
    public var median: Double
    public var minimum: Double
    public var maximum: Double

    /// Half the width of the 95% confidence interval of the mean (normal approximation,
    /// 1.96 standard errors), as reported next to the mean.
    public var confidenceHalfWidth95: Double {
        count > 1 ? 1.959_963_984_540_054 * standardDeviation / Double(count).squareRoot() : 0
    }

    /// Summarises `values`; `nil` when there are none.
    public init?(_ values: some Collection<Double>) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(count)
        let meanValue = mean
        let squares = sorted.reduce(0) { $0 + ($1 - meanValue) * ($1 - meanValue) }
        standardDeviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
        median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
        minimum = sorted[0]
        maximum = sorted[count - 1]
    }
}

/// The mean of the last `capacity` values pushed in, for progress reports.
public struct MovingWindow: Sendable {
    public let capacity: Int
    private var values: [Double] = []
    private var next = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a window holds at least one value")
        self.capacity = capacity
        values.reserveCapacity(capacity)
    }

    /// A window holding `contents` (oldest first), as ``contents`` gave them: a resumed run
    /// picks up its report window where it was.
    public init(capacity: Int, contents: [Double]) {
        self.init(capacity: capacity)
        for value in contents.suffix(capacity) { push(value) }
    }

    public mutating func push(_ value: Double) {
        if values.count < capacity {
            values.append(value)
        } else {
            values[next] = value
            next = (next + 1) % capacity
        }
    }

    /// The values, oldest first.
    public var contents: [Double] { Array(values[next...] + values[..<next]) }

    /// The mean of the values in the window; 0 when empty. Summed oldest first, not kept as a
    /// running sum, so the same values give the same bits however the window was filled.
    public var mean: Double { values.isEmpty ? 0 : contents.reduce(0, +) / Double(values.count) }
    public var isEmpty: Bool { values.isEmpty }
}
