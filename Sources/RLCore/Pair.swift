/// One of the two agents of a ``TwoAgentEnvironment``.
public enum Side: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case left = 0
    case right = 1

    /// The other side.
    @inlinable public var opponent: Side { self == .left ? .right : .left }

    public var description: String { self == .left ? "left" : "right" }
}

/// One value for each of two agents: what PettingZoo keys by agent name, as a fixed-size
/// value, so a step in the hot loop allocates nothing.
public struct Pair<Value> {
    public var left: Value
    public var right: Value

    @inlinable
    public init(left: Value, right: Value) {
        self.left = left
        self.right = right
    }

    /// The same value for both sides.
    @inlinable
    public init(repeating value: Value) {
        self.init(left: value, right: value)
    }

    /// The value of one side.
    @inlinable
    public subscript(side: Side) -> Value {
        get { side == .left ? left : right }
        set {
            if side == .left { left = newValue } else { right = newValue }
        }
    }

    /// Both values transformed by `transform`.
    @inlinable
    public func map<T, Failure: Error>(_ transform: (Value) throws(Failure) -> T) throws(Failure) -> Pair<T> {
        Pair<T>(left: try transform(left), right: try transform(right))
    }

    /// The pair seen from the other end of the table: left and right exchanged.
    @inlinable
    public var swapped: Pair { Pair(left: right, right: left) }
}

extension Pair: Sendable where Value: Sendable {}
extension Pair: Equatable where Value: Equatable {}
extension Pair: Hashable where Value: Hashable {}
extension Pair: Codable where Value: Codable {}

extension Pair: CustomStringConvertible {
    public var description: String { "(left: \(left), right: \(right))" }
}
