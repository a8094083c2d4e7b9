/// A point with a fixed number of real coordinates: what a continuous world observes (Cart
/// Pole's cart position, cart velocity, pole angle and angular velocity). A value type with
/// named stored properties, read by index so that features work on any world, and never an
/// array, so that a step allocates nothing.
public protocol ContinuousObservation: Equatable, Sendable {
    /// The coordinates' names, in index order (`position`, `velocity`): their count is the
    /// point's dimension.
    static var dimensionNames: [String] { get }
    /// The coordinate at `dimension`, in `0..<dimensionNames.count`.
    subscript(dimension: Int) -> Double { get }
}

extension ContinuousObservation {
    /// How many coordinates a point has.
    @inlinable public static var dimensionCount: Int { dimensionNames.count }

    /// The coordinates, in index order (for messages, files and tests, not for hot loops).
    public var coordinates: [Double] { (0..<Self.dimensionCount).map { self[$0] } }
}

/// The points whose every coordinate lies in a closed interval: Gymnasium's `Box`. A bound may
/// be infinite (a velocity nothing limits); a point with a NaN coordinate belongs to no box.
public struct Box<Element: ContinuousObservation>: Space, Sendable, Equatable {
    /// The lower bound of each coordinate.
    public let low: [Double]
    /// The upper bound of each coordinate.
    public let high: [Double]

    /// - Precondition: one bound of each kind per coordinate, none NaN, `low ≤ high`.
    public init(low: [Double], high: [Double]) {
        precondition(
            low.count == Element.dimensionCount && high.count == Element.dimensionCount,
            "a box of \(Element.self) needs \(Element.dimensionCount) bounds of each kind")
        precondition(zip(low, high).allSatisfy { $0 <= $1 }, "a box's lower bounds must not exceed its upper bounds")
        self.low = low
        self.high = high
    }

    /// The box symmetric about zero: `-high...high` in every coordinate.
    public init(symmetric high: [Double]) { self.init(low: high.map { -$0 }, high: high) }

    /// How many coordinates its points have.
    @inlinable public var dimensionCount: Int { low.count }

    public func contains(_ element: Element) -> Bool {
        (0..<dimensionCount).allSatisfy { element[$0] >= low[$0] && element[$0] <= high[$0] }
    }
}
