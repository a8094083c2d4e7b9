/// The features of one observation that are not zero, as indices with their values: the sparse
/// x(s) of Sutton & Barto §9.4. Its storage is made once, at the map's largest count, and
/// rewritten in place for every observation, so computing features allocates nothing.
public struct ActiveFeatures: Sendable, Equatable {
    /// The active features' indices, in `0..<featureCount`; only the first ``count`` are meaningful.
    @inlinable public var indices: [Int] { storedIndices }
    /// Their values (1 for binary features); only the first ``count`` are meaningful.
    @inlinable public var values: [Double] { storedValues }
    /// How many features are active.
    @inlinable public var count: Int { storedCount }

    @usableFromInline var storedIndices: [Int]
    @usableFromInline var storedValues: [Double]
    @usableFromInline var storedCount = 0
    /// How many values from the first are known to be 1, so binary features skip writing them.
    @usableFromInline var storedOnes = 0
    /// The largest active index read as unsigned (a negative one is huge), 0 when none is
    /// active: kept by every write, so a reader checks all the indices against its rows at once.
    @usableFromInline var storedLargest: UInt = 0

    /// Room for up to `capacity` active features.
    public init(capacity: Int) {
        storedIndices = Array(repeating: 0, count: capacity)
        storedValues = Array(repeating: 0, count: capacity)
    }

    /// Forgets the features, keeping the storage.
    @inlinable public mutating func removeAll() {
        storedCount = 0
        storedLargest = 0
    }

    /// Adds a feature.
    /// - Precondition: fewer than the capacity are active.
    @inlinable public mutating func append(_ index: Int, value: Double = 1) {
        storedIndices[storedCount] = index
        if value != 1 { storedOnes = min(storedOnes, storedCount) }
        storedValues[storedCount] = value
        storedCount &+= 1
        storedLargest = Swift.max(storedLargest, UInt(bitPattern: index))
    }

    /// Whether every active index is in `0..<bound`: one check that covers a whole pass over
    /// the features (a sum or an update of the weights' rows), instead of one per feature.
    @inlinable @inline(__always)
    public func indicesAreBelow(_ bound: Int) -> Bool {
        storedCount == 0 || storedLargest < UInt(bitPattern: bound)
    }

    /// Whether every active feature's value is 1 (tile coding, aggregation, one-hot), so a sum
    /// of weights over them needs no multiplication.
    @inlinable public var isBinary: Bool { storedOnes >= storedCount }

    /// Calls `body` with the active features' indices and values, without copying them.
    @inlinable @inline(__always)
    public func withActive<Result>(_ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>) -> Result) -> Result {
        storedIndices.withUnsafeBufferPointer { indices in
            storedValues.withUnsafeBufferPointer { values in
                body(UnsafeBufferPointer(rebasing: indices[0..<storedCount]), UnsafeBufferPointer(rebasing: values[0..<storedCount]))
            }
        }
    }

    /// Replaces the features with `count` binary ones whose indices `body` writes.
    /// - Precondition: `count` is at most the capacity.
    @inlinable @inline(__always)
    public mutating func setBinary(count: Int, _ body: (UnsafeMutableBufferPointer<Int>) -> Void) {
        precondition(count <= storedIndices.count, "more active features than room for them")
        storedLargest = storedIndices.withUnsafeMutableBufferPointer { storage in
            let indices = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
            body(indices)
            var largest: UInt = 0
            for index in indices { largest = Swift.max(largest, UInt(bitPattern: index)) }
            return largest
        }
        // Written once per size: maps of binary features write the same count every time.
        if storedOnes < count {
            storedValues.withUnsafeMutableBufferPointer { values in
                for slot in 0..<count { values[slot] = 1 }
            }
            storedOnes = count
        }
        storedCount = count
    }

    public static func == (left: ActiveFeatures, right: ActiveFeatures) -> Bool {
        left.count == right.count && left.indices.prefix(left.count) == right.indices.prefix(right.count)
            && left.values.prefix(left.count) == right.values.prefix(right.count)
    }
}

/// Turns an observation into features (§9.4–9.5): a fixed-length vector x(s), of which only a
/// few entries are non-zero for tile coding and aggregation. A linear agent's value is
/// q̂(s, a, w) = Σᵢ wᵢₐ xᵢ(s) over the active features.
public protocol FeatureMap<Observation>: Sendable {
    associatedtype Observation

    /// The length d of the feature vector.
    var featureCount: Int { get }
    /// The most features active at once: the tilings' count for tile coding, 1 for aggregation
    /// and one-hot, every feature for the Fourier basis.
    var maximumActiveCount: Int { get }
    /// What one update's step size α is divided by, so that `--learning-rate` means the same
    /// thing on a table and on any tile coding: the tilings' count n for tile coding (the book's
    /// α/n, §9.5.4), 1 for one-hot and aggregation, 1 for the Fourier basis (α per weight).
    var stepSizeDivisor: Double { get }
    /// Writes the active features of `observation` into `features` (replacing what it held).
    func activeFeatures(of observation: Observation, into features: inout ActiveFeatures)
}

extension FeatureMap {
    /// Storage for this map's active features.
    public func makeActiveFeatures() -> ActiveFeatures { ActiveFeatures(capacity: maximumActiveCount) }

    /// The active features of `observation`, in fresh storage (for tests and inspection).
    public func activeFeatures(of observation: Observation) -> ActiveFeatures {
        var features = makeActiveFeatures()
        activeFeatures(of: observation, into: &features)
        return features
    }
}
