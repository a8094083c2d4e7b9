/// The actions a state allows, as a set of action indices: all of them (what almost every world
/// says, and a case the specialised loop folds away), or any subset of the first 64 actions
/// (Sutton & Barto's maximisation-bias example allows 2 of 10 in A; a board game allows the
/// empty squares). Random and tied choices draw among the allowed actions in index order, so a
/// set that is a prefix draws exactly as "the first k actions" did.
public struct LegalActions: Sendable, Equatable, Hashable {
    /// One bit per allowed action index; `nil` for all.
    @usableFromInline let mask: UInt64?

    @inlinable init(mask: UInt64?) { self.mask = mask }

    /// Every action. Computed, not a stored global: a global is reached through a lazy
    /// initialiser's check, which the hot loop would pay on every step.
    @inlinable public static var all: LegalActions { LegalActions(mask: nil) }

    /// The actions with these indices, each in `0..<64`.
    /// - Precondition: at least one action, every index in `0..<64`.
    public init(_ actions: some Sequence<Int>) {
        var mask: UInt64 = 0
        for action in actions {
            precondition((0..<64).contains(action), "a set of legal actions holds indices 0..<64, got \(action)")
            mask |= 1 << UInt64(action)
        }
        precondition(mask != 0, "a state allows at least one action")
        self.mask = mask
    }

    /// The first `count` actions.
    public static func first(_ count: Int) -> LegalActions { LegalActions(0..<count) }

    /// Whether every action is allowed.
    @inlinable public var isAll: Bool { mask == nil }

    /// How many of `actionCount` actions are allowed.
    @inlinable @inline(__always)
    public func count(of actionCount: Int) -> Int {
        guard let mask else { return actionCount }
        return actionCount >= 64 ? mask.nonzeroBitCount : (mask & ((1 << UInt64(actionCount)) &- 1)).nonzeroBitCount
    }

    /// Whether `action` is allowed.
    @inlinable @inline(__always)
    public func contains(_ action: Int) -> Bool {
        guard let mask else { return true }
        return action >= 0 && action < 64 && mask & (1 << UInt64(action)) != 0
    }

    /// The `k`-th allowed action (from 0), in index order.
    @inlinable @inline(__always)
    public func action(at k: Int) -> Int {
        guard var rest = mask else { return k }
        for _ in 0..<k { rest &= rest &- 1 }  // drop the lowest allowed action k times
        return rest.trailingZeroBitCount
    }

    /// The allowed actions among `actionCount`, in index order.
    public func actions(of actionCount: Int) -> [Int] { (0..<actionCount).filter(contains) }

    /// The allowed action nearest to `action` by index, the lower one on a tie: where the
    /// actions are ordered amounts (cars moved overnight, a gambler's stake), the largest amount
    /// the state allows in that direction.
    public func nearest(to action: Int) -> Int {
        guard let mask, !contains(action) else { return action }
        if action < 0 { return mask.trailingZeroBitCount }
        if action > 63 { return 63 - mask.leadingZeroBitCount }
        let below = mask & ((1 << UInt64(action)) &- 1)
        let above = action == 63 ? 0 : mask & ~((1 << UInt64(action + 1)) &- 1)
        guard below != 0 else { return above.trailingZeroBitCount }
        let lower = 63 - below.leadingZeroBitCount
        guard above != 0 else { return lower }
        let upper = above.trailingZeroBitCount
        return action - lower <= upper - action ? lower : upper
    }
}
