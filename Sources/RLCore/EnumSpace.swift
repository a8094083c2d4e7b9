/// The cases of an enum, numbered by their raw values 0, 1, 2, … as a finite space: Gymnasium's
/// `Discrete(n)` with names. One generic space for every world's moves (Pong's paddle, the
/// grid moves, Taxi's and Blackjack's actions), instead of a near copy per world.
/// `init(first:)` keeps only the first cases (Pong without its `stay`).
public struct EnumSpace<Element: CaseIterable & RawRepresentable>: FiniteSpace, Sendable, Equatable where Element.RawValue == Int {
    public let count: Int

    /// Every case.
    public init() { self.init(first: Element.allCases.count) }

    /// The first `count` cases.
    /// - Precondition: the cases' raw values are 0, 1, 2, … in order, and `count` is 1 or more
    ///   and at most the number of cases.
    public init(first count: Int) {
        // The ordering is a property of the type, not of a run: checked in debug builds only, so
        // release builds construct a space without walking (and allocating) `allCases`.
        assert(
            Element.allCases.enumerated().allSatisfy { $0.offset == $0.element.rawValue },
            "an EnumSpace numbers cases by raw values 0, 1, 2, … in order")
        precondition(count >= 1 && count <= Element.allCases.count, "\(Element.self) has \(Element.allCases.count) cases, not \(count)")
        self.count = count
    }

    public var shape: [Int] { [count] }
    @inlinable public func index(of element: Element) -> Int { element.rawValue }
    @inlinable public func element(at index: Int) -> Element { Element(rawValue: index).unsafelyUnwrapped }
    public func contains(_ element: Element) -> Bool { element.rawValue >= 0 && element.rawValue < count }
}

extension EnumSpace where Element: CustomStringConvertible {
    /// The cases' names, in index order: what policy files call the actions.
    public var names: [String] { (0..<count).map { element(at: $0).description } }
}
