import RLCore

/// The priority of a customer, by what it pays when accepted: 1, 2, 4 or 8 (Example 10.2).
public enum AccessControlPriority: Int, Sendable, CaseIterable, CustomStringConvertible {
    case one, two, four, eight

    /// What the customer pays when given a server: 2^priority.
    @inlinable public var payment: Double { Double(1 << rawValue) }

    public var description: String { "priority \(1 << rawValue)" }
}

/// Accept the customer at the head of the queue (give it a free server) or reject it.
public enum AccessControlAction: Int, Sendable, CaseIterable, CustomStringConvertible {
    case reject, accept
    public var description: String { self == .reject ? "reject" : "accept" }
}

/// What the agent sees: the number of free servers and the priority of the customer at the
/// head of the queue (the book's state).
public struct AccessControlState: Sendable, Hashable, CustomStringConvertible {
    public var freeServers: Int
    public var priority: AccessControlPriority

    @inlinable
    public init(freeServers: Int, priority: AccessControlPriority) {
        self.freeServers = freeServers
        self.priority = priority
    }

    public var description: String { "\(freeServers) free, \(priority)" }
}

/// The states as one finite space, numbered row-major by (free servers, priority):
/// `freeServers × 4 + priority`, so a table's rows go 0 free (priorities 1, 2, 4, 8), 1 free, ...
public struct AccessControlSpace: FiniteSpace, Sendable, Equatable {
    public let servers: Int

    public init(servers: Int) { self.servers = servers }

    @inlinable public var count: Int { (servers + 1) * AccessControlPriority.allCases.count }
    public var shape: [Int] { [servers + 1, AccessControlPriority.allCases.count] }

    @inlinable
    public func index(of element: AccessControlState) -> Int {
        element.freeServers &* AccessControlPriority.allCases.count &+ element.priority.rawValue
    }

    @inlinable
    public func element(at index: Int) -> AccessControlState {
        let priorities = AccessControlPriority.allCases.count
        return AccessControlState(freeServers: index / priorities, priority: AccessControlPriority(rawValue: index % priorities)!)
    }

    public func contains(_ element: AccessControlState) -> Bool { (0...servers).contains(element.freeServers) }
}

/// The settings of the task: the book's 10 servers, each busy one freed with probability 0.06
/// on each step.
public struct AccessControlConfiguration: Sendable, Equatable, Codable {
    /// k, the servers (Example 10.2: 10).
    public var servers = 10
    /// p, the probability that a busy server becomes free on a step (Example 10.2: 0.06).
    public var freeProbability = 0.06
    /// What a customer of each priority pays when accepted, lowest priority first (Example
    /// 10.2: 1, 2, 4 and 8, ``AccessControlPriority/payment``).
    public var payments = AccessControlPriority.allCases.map(\.payment)

    public init(servers: Int = 10, freeProbability: Double = 0.06, payments: [Double] = AccessControlPriority.allCases.map(\.payment)) {
        self.servers = servers
        self.freeProbability = freeProbability
        self.payments = payments
    }
}

/// Sutton & Barto's access-control queuing task (2nd ed., Example 10.2, p. 252): customers of
/// four priorities wait in one queue that never empties, the priority of the customer at its
/// head uniformly random. On each step that customer is accepted (given one of the free
/// servers; it pays 1, 2, 4 or 8 by its priority, or the configuration's payments) or rejected (reward 0); with no free server
/// it is rejected whatever the action. Then each busy server becomes free with probability p,
/// and the next customer comes to the head.
///
/// A server taken on a step may become free on that same step: every busy server flips its coin
/// after the decision, as in the Python reproduction (`chapter10/access_control.py`,
/// `take_action`); the book does not say.
///
/// A continuing task: no step terminates. To run it in the episodic machinery, cut it with a
/// ``TimeLimit`` (its truncated steps still bootstrap). A reset frees every server (the Python
/// reproduction's start; the book does not say) and draws the first customer.
public struct AccessControl: ModelledEnvironment, ExploringStartsEnvironment, Resumable, Sendable {
    public let configuration: AccessControlConfiguration
    public let observationSpace: AccessControlSpace
    public let actionSpace = EnumSpace<AccessControlAction>()
    public private(set) var state: AccessControlState
    public private(set) var counters = AccessControlCounters()
    var generator: Xoshiro256StarStar

    /// - Precondition: at least one server, 0 < p ≤ 1, and one payment per priority.
    public init(configuration: AccessControlConfiguration = AccessControlConfiguration(), seed: UInt64 = 0) {
        precondition(configuration.servers >= 1, "the task needs a server")
        precondition(configuration.freeProbability > 0 && configuration.freeProbability <= 1, "p must be in (0, 1]")
        precondition(configuration.payments.count == AccessControlPriority.allCases.count, "each priority needs a payment")
        self.configuration = configuration
        observationSpace = AccessControlSpace(servers: configuration.servers)
        generator = Xoshiro256StarStar(seed: seed)
        state = AccessControlState(freeServers: configuration.servers, priority: .one)
    }

    public var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// Every server free, and a customer of a random priority at the head of the queue.
    public mutating func reset(seed: UInt64?) -> AccessControlState {
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        counters = AccessControlCounters()
        state = AccessControlState(freeServers: configuration.servers, priority: nextPriority())
        return state
    }

    /// Any state can start: what exploring starts and a hand-worked step need.
    public var startStateCount: Int { observationSpace.count }
    public func startState(at index: Int) -> AccessControlState { observationSpace.element(at: index) }

    /// Starts in `state`: its free servers and the customer at the head of the queue.
    /// - Precondition: the state has between 0 and k free servers.
    public mutating func reset(from state: AccessControlState, seed: UInt64?) -> AccessControlState {
        precondition(observationSpace.contains(state), "\(state) has more free servers than the \(configuration.servers) servers")
        if let seed { generator = Xoshiro256StarStar(seed: seed) }
        counters = AccessControlCounters()
        self.state = state
        return state
    }

    /// Decides on the customer at the head, frees busy servers, and brings the next customer.
    public mutating func step(_ action: AccessControlAction) -> Step<AccessControlState> {
        var free = state.freeServers
        var reward = 0.0
        if action == .accept && free > 0 {
            free -= 1
            reward = configuration.payments[state.priority.rawValue]
            counters.accepted += 1
        } else if action == .accept {
            counters.turnedAway += 1
        }
        // Each busy server, the one just taken too, becomes free with probability p.
        for _ in 0..<(configuration.servers - free) where generator.nextUnitDouble() < configuration.freeProbability {
            free += 1
        }
        state = AccessControlState(freeServers: free, priority: nextPriority())
        return Step(observation: state, reward: reward, terminated: false, truncated: false)
    }

    /// The priority of the next customer: each of the four equally likely.
    mutating func nextPriority() -> AccessControlPriority {
        AccessControlPriority(rawValue: generator.nextIndex(below: AccessControlPriority.allCases.count))!
    }

    /// The dynamics as a table (states numbered as ``AccessControlSpace``, actions reject 0 and
    /// accept 1): from f free servers, accepting with f > 0 leaves f − 1 free and pays the
    /// priority; then the b = k − (f − accepted) busy servers free j of themselves with the
    /// binomial probability C(b, j) pʲ (1 − p)^(b − j), and the next priority is each one's with 1/4.
    /// Nothing terminates. The start is every server free, the priority uniform.
    public var model: TabularModel {
        let space = observationSpace, servers = configuration.servers, p = configuration.freeProbability
        let payments = configuration.payments
        let priorities = AccessControlPriority.allCases
        var initial = Array(repeating: 0.0, count: space.count)
        for priority in priorities {
            initial[space.index(of: AccessControlState(freeServers: servers, priority: priority))] = 1 / Double(priorities.count)
        }
        return TabularModel(stateCount: space.count, actionCount: 2, initialDistribution: initial) { index, action in
            let state = space.element(at: index)
            let accepted = action == AccessControlAction.accept.rawValue && state.freeServers > 0
            let free = state.freeServers - (accepted ? 1 : 0), busy = servers - free
            let reward = accepted ? payments[state.priority.rawValue] : 0
            return (0...busy).flatMap { freed in
                let probability = Self.binomial(busy, freed, p) / Double(priorities.count)
                return priorities.map { next in
                    Outcome(
                        probability: probability, nextState: space.index(of: AccessControlState(freeServers: free + freed, priority: next)),
                        reward: reward, terminated: false)
                }
            }
        }
    }

    /// C(n, k) pᵏ (1 − p)^(n − k).
    static func binomial(_ n: Int, _ k: Int, _ p: Double) -> Double {
        var choose = 1.0
        for i in 0..<k { choose = choose * Double(n - i) / Double(i + 1) }
        var result = choose
        for _ in 0..<k { result *= p }
        for _ in 0..<(n - k) { result *= 1 - p }
        return result
    }
}

/// What the task counts since the last reset.
public struct AccessControlCounters: EpisodeCounters {
    /// Customers given a server.
    public var accepted = 0
    /// Customers the agent would accept, rejected because no server was free.
    public var turnedAway = 0
    public init() {}
}
