/// A set of values an environment's observations or actions come from: Gymnasium's `Space`.
/// Finite spaces (``FiniteSpace``) number their elements, so a table can index them; a
/// continuous space (``Box``) only says what belongs to it, and agents read its points through
/// features instead.
public protocol Space<Element> {
    associatedtype Element

    /// Whether `element` belongs to the space.
    func contains(_ element: Element) -> Bool

    /// Why `element` does not round-trip through the space's dense indices, or `nil` when it
    /// does or the space has no indices (a ``Box``): what ``checkEnvironment(_:seed:steps:)``
    /// asks of every observation. Finite spaces get it from ``FiniteSpace``.
    func indexRoundTripFailure(of element: Element) -> String?
}

extension Space {
    /// A space without dense indices has nothing to round-trip.
    public func indexRoundTripFailure(of element: Element) -> String? { nil }
}

/// A finite set of values, each with a dense index in `0..<count`: what a table can index.
public protocol FiniteSpace<Element>: Space {
    /// How many elements there are.
    var count: Int { get }
    /// The table shape this space contributes, row-major (one entry per dimension).
    var shape: [Int] { get }
    /// The dense index of `element`, in `0..<count`.
    func index(of element: Element) -> Int
    /// The element at a dense index in `0..<count`.
    func element(at index: Int) -> Element
    /// The actions the state with dense index `index` allows: all of them unless the space says
    /// otherwise (Sutton & Barto's maximisation-bias example: two actions in A, ten in B, one
    /// table). A requirement with a default, so the check vanishes from the specialised hot loop
    /// of every other space.
    func legalActions(inState index: Int) -> LegalActions
}

extension FiniteSpace {
    public func indexRoundTripFailure(of element: Element) -> String? {
        let index = index(of: element)
        guard index >= 0, index < count, self.index(of: self.element(at: index)) == index else {
            return "observation \(element) does not round-trip through its index"
        }
        return nil
    }
}

extension FiniteSpace where Element: Equatable {
    /// Elements that compare equal are checked to come back equal, not only to the same index.
    public func indexRoundTripFailure(of element: Element) -> String? {
        let index = index(of: element)
        guard index >= 0, index < count, self.element(at: index) == element else {
            return "observation \(element) does not round-trip through its index"
        }
        return nil
    }
}

extension FiniteSpace {
    @inlinable @inline(__always)
    public func legalActions(inState index: Int) -> LegalActions { .all }
}

extension FiniteSpace {
    /// A uniformly random element.
    @inlinable
    public func randomElement(using generator: inout some RandomNumberGenerator) -> Element {
        element(at: generator.nextIndex(below: count))
    }
}

/// The integers `0..<count`: Gymnasium's `Discrete(n)`.
public struct Discrete: FiniteSpace, Sendable, Equatable {
    public let count: Int

    /// - Precondition: `count > 0`.
    @inlinable
    public init(_ count: Int) {
        precondition(count > 0, "a discrete space needs at least one element")
        self.count = count
    }

    @inlinable public var shape: [Int] { [count] }
    /// Debug builds stop with a message when `element` is outside the space.
    @inlinable public func index(of element: Int) -> Int {
        assert(contains(element), "observation \(element) is outside Discrete(\(count))")
        return element
    }
    @inlinable public func element(at index: Int) -> Int { index }
    @inlinable public func contains(_ element: Int) -> Bool { element >= 0 && element < count }
}

/// A product of discrete dimensions (Gymnasium's `MultiDiscrete`), flattened row-major:
/// the last dimension varies fastest, exactly as in a Q-table.
public struct MultiDiscrete: FiniteSpace, Sendable, Equatable {
    /// The size of each dimension.
    public let shape: [Int]
    /// How far apart, in the flat index, neighbours along each dimension are.
    public let strides: [Int]
    public let count: Int

    /// - Precondition: every dimension is at least 1.
    public init(_ shape: [Int]) {
        precondition(!shape.isEmpty && shape.allSatisfy { $0 > 0 }, "every dimension needs at least one value")
        self.shape = shape
        var strides = Array(repeating: 1, count: shape.count)
        for dimension in stride(from: shape.count - 2, through: 0, by: -1) {
            strides[dimension] = strides[dimension + 1] * shape[dimension + 1]
        }
        self.strides = strides
        self.count = shape.reduce(1, *)
    }

    public func index(of element: [Int]) -> Int {
        precondition(contains(element), "\(element) is outside the space \(shape)")
        return zip(element, strides).reduce(0) { $0 + $1.0 * $1.1 }
    }

    public func element(at index: Int) -> [Int] {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        return zip(shape, strides).map { size, stride in (index / stride) % size }
    }

    public func contains(_ element: [Int]) -> Bool {
        element.count == shape.count && zip(element, shape).allSatisfy { $0 >= 0 && $0 < $1 }
    }
}
