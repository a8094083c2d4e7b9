import RLBandits
import RLCore
import RLDeep
import RLLinear
import RLPolicyGradient
import RLTabular
import Synchronization

/// The worlds and agents `rl` knows: the one place where a name becomes a type. Adding a world
/// or an agent is its own file and one line here (see docs/EXTENDING.md).
public enum Registry {
    /// Every world, in the order `rl train --help` lists them: `rl`'s own, then those a
    /// program registered with ``register(_:)``.
    public static var worlds: [AnyWorld] { builtInWorlds + registered.withLock { $0 } }

    /// `rl`'s own worlds, erased once per process.
    public static let builtInWorlds: [AnyWorld] = [
        AnyWorld(PongWorld.self),
        AnyWorld(CliffWalkingWorld.self),
        AnyWorld(MaximizationBiasWorld.self),
        AnyWorld(FrozenLakeWorld.self),
        AnyWorld(TaxiWorld.self),
        AnyWorld(BlackjackWorld.self),
        AnyWorld(PongDuelWorld.self),
        AnyWorld(CartPoleWorld.self),
        AnyWorld(MountainCarWorld.self),
        AnyWorld(AcrobotWorld.self),
        AnyWorld(WindyGridworldWorld.self),
        AnyWorld(MazeWorld.self),
        AnyWorld(GamblersProblemWorld.self),
        AnyWorld(ShortCorridorWorld.self),
        AnyWorld(RandomWalkWorld.self),
        AnyWorld(GridworldWorld.self),
        AnyWorld(BairdWorld.self),
        AnyWorld(BanditWorld.self),
        AnyWorld(JacksCarRentalWorld.self),
        AnyWorld(AccessControlWorld.self),
    ]

    /// Shows `visitor` every agent, in the order `rl train --help` lists them. A visitor (not a
    /// list of values) so that each agent's concrete type reaches generic code, which the
    /// compiler then specialises: the training loop never dispatches per step.
    public static func visitAgents<Visitor: AgentVisitor>(_ visitor: inout Visitor) {
        visitBuiltInAgents(&visitor)
        for agent in registeredAgents.withLock({ $0 }) { visitor.visit(agent.type) }
    }

    /// `rl`'s own agents: one line each.
    static func visitBuiltInAgents<Visitor: AgentVisitor>(_ visitor: inout Visitor) {
        visitor.visit(QLearning.self)
        visitor.visit(Sarsa.self)
        visitor.visit(ExpectedSarsa.self)
        visitor.visit(DoubleQLearning.self)
        visitor.visit(SarsaLambda.self)
        visitor.visit(DynaQ.self)
        visitor.visit(TrueOnlineSarsaLambda.self)
        visitor.visit(DynaQPlus.self)
        visitor.visit(PrioritizedSweeping.self)
        visitor.visit(MonteCarloControl.self)
        visitor.visit(OffPolicyMonteCarlo.self)
        visitor.visit(NStepSarsa.self)
        visitor.visit(NStepTreeBackup.self)
        visitor.visit(MonteCarloES.self)
        visitor.visit(SampleAverage.self)
        visitor.visit(UCB.self)
        visitor.visit(GradientBanditRegistration.self)
        visitor.visit(DifferentialSarsa.self)
        visitor.visit(TabularReinforce.self)
        visitor.visit(TabularReinforceWithBaseline.self)
        visitor.visit(TabularActorCritic.self)
        visitor.visit(DQN.self)
        visitor.visit(PPO.self)
    }

    /// Adds a program's own agent, so that training, policy files, resume, evaluation and
    /// inspection work for it exactly as for `rl`'s own. Registering the same agent again does
    /// nothing.
    /// - Throws: when another agent or a planner already has the same id.
    public static func register<A: AgentRegistration>(agent: A.Type) throws(SettingError) {
        if let known = Registry.agent(A.id) {
            guard known.registration == ObjectIdentifier(agent) else {
                throw SettingError("an agent with id '\(A.id)' is already registered")
            }
            return
        }
        registeredAgents.withLock { $0.append(RegisteredAgent(type: agent)) }
    }

    /// Agents added at run time by ``register(agent:)``.
    private static let registeredAgents = Mutex<[RegisteredAgent]>([])

    // Sendable: a metatype is immutable.
    private struct RegisteredAgent: @unchecked Sendable {
        let type: any AgentRegistration.Type
    }

    /// Adds a program's own world, so that everything `rl` does by world id (training, policy
    /// files, evaluation, inspection) works for it exactly as for `rl`'s own worlds.
    /// Registering the same world again does nothing.
    /// - Throws: when another world already has the same id.
    public static func register<W: WorldRegistration>(_ world: W.Type) throws(SettingError)
    where W.World.ObservationSpace: FiniteSpace {
        try register(AnyWorld(world))
    }

    /// Adds a program's own continuous world (``ContinuousWorld``), as ``register(_:)`` does a finite one.
    public static func register<W: ContinuousWorld>(_ world: W.Type) throws(SettingError) {
        try register(AnyWorld(world))
    }

    private static func register(_ world: AnyWorld) throws(SettingError) {
        if let known = Registry.world(world.id) {
            guard known.registration == world.registration else {
                throw SettingError("a world with id '\(world.id)' is already registered")
            }
            return
        }
        registered.withLock { $0.append(world) }
    }

    /// Worlds added at run time by ``register(_:)``.
    private static let registered = Mutex<[AnyWorld]>([])

    /// Agents that solve a world from its model instead of learning from episodes, in the order
    /// `rl train --help` lists them. They open only for worlds that publish a model.
    public static var planners: [Planner] {
        [
            .valueIteration,
            .policyIteration,
        ]
    }

    /// The planner with this id, if `rl` knows it.
    public static func planner(_ id: String) -> Planner? { planners.first { $0.id == id } }

    /// The world commands use when none is named: the first one listed (`pong`).
    public static var defaultWorld: AnyWorld { builtInWorlds[0] }

    /// The first world with a capability: the world `rl play` opens when none is named.
    public static func firstWorld(with capability: WorldCapability) -> AnyWorld? {
        worlds.first { $0.capabilities.contains(capability) }
    }

    /// The two-player world `rl play` and duel commands open when none is named.
    public static var twoPlayerWorld: AnyWorld { firstWorld(with: .twoPlayers)! }

    /// The world with this id, if `rl` knows it.
    public static func world(_ id: String) -> AnyWorld? { worlds.first { $0.id == id } }

    /// Every agent, described, in the order `rl train --help` lists them: `rl`'s own, then
    /// those a program registered with ``register(agent:)``.
    public static var agents: [AgentDescription] {
        var collector = AgentCollector()
        for agent in registeredAgents.withLock({ $0 }) { collector.visit(agent.type) }
        return builtInAgents + collector.agents
    }

    /// `rl`'s own agents, described once per process.
    public static let builtInAgents: [AgentDescription] = {
        var collector = AgentCollector()
        visitBuiltInAgents(&collector)
        return collector.agents
    }()

    /// The agent with this id, if `rl` knows it.
    public static func agent(_ id: String) -> AgentDescription? { agents.first { $0.id == id } ?? planner(id)?.agentDescription }

    /// Runs `body` with the concrete type of the agent `id`; `false` when no agent has that id.
    public static func openAgent<Body: AgentBody>(_ id: String, _ body: inout Body) -> Bool {
        var opener = AgentOpener(id: id, body: body)
        visitAgents(&opener)
        body = opener.body
        return opener.found
    }

    /// Runs `body` with the linear form of agent `id`; `false` when no agent has that id or the
    /// agent has no linear form.
    public static func openLinearAgent<Body: LinearAgentBody>(_ id: String, _ body: inout Body) -> Bool {
        var opener = LinearAgentOpener(id: id, body: body)
        visitAgents(&opener)
        body = opener.body
        return opener.found
    }

    /// Runs `body` with the deep agent `id`; `false` when no deep agent has that id.
    public static func openDeepAgent<Body: DeepAgentBody>(_ id: String, _ body: inout Body) -> Bool {
        var opener = DeepAgentOpener(id: id, body: body)
        visitAgents(&opener)
        body = opener.body
        return opener.found
    }

    /// The agents whose table holds soft-max action preferences θ(s, a) rather than action
    /// values (the policy-gradient agents): `rl inspect` shows π(a|s) for them.
    public static func isSoftmaxPolicy(_ id: String) -> Bool {
        var collector = SoftmaxPolicyCollector()
        visitAgents(&collector)
        return collector.ids.contains(id)
    }

    /// Whether agent `id` can learn on `world`: a deep agent on every world whose states all
    /// allow every action; the others on a finite world, and on a continuous one those with a
    /// linear form.
    public static func canLearn(_ id: String, on world: ConfiguredWorld) -> Bool {
        if isDeep(id) { return !world.limitsActions }
        if needsExploringStarts(id) && !world.startsAnywhere { return false }
        if needsOneState(id) && world.stateCount != 1 { return false }
        return !world.hasRealCoordinates || linearAgentIDs.contains(id)
    }

    /// Why agent `id` cannot learn on `world`, in one line (when ``canLearn(_:on:)`` says no).
    public static func whyNot(_ id: String, on world: ConfiguredWorld) -> String {
        if needsExploringStarts(id) && !world.startsAnywhere {
            return "agent \(id) starts every episode in a state of its choosing, and \(world.id) cannot start anywhere: use one of "
                + worlds.filter { $0.capabilities.contains(.exploringStarts) }.map(\.id).joined(separator: ", ")
        }
        if needsOneState(id) && world.stateCount != 1 {
            return "agent \(id) is a bandit method, for a world with one state, and \(world.id) has \(world.stateCount): use one of "
                + worlds.filter { (try? $0.configure())?.stateCount == 1 }.map(\.id).joined(separator: ", ")
        }
        return isDeep(id)
            ? "agent \(id) chooses among all of a world's actions, and \(world.id) allows only some in some states: use a table agent"
            : "agent \(id) learns only tables, and \(world.id) has real coordinates: use one of "
                + (linearAgentIDs + deepAgentIDs).joined(separator: ", ")
    }

    /// Whether agent `id` needs exploring starts (``ExploringStartsRegistration``): it learns
    /// only on a world that can start anywhere (``ExploringStartsWorld``).
    public static func needsExploringStarts(_ id: String) -> Bool { agent(id)?.exploringStarts ?? false }

    /// Whether agent `id` is a bandit method (``OneStateRegistration``): it learns only on a
    /// world with one state.
    public static func needsOneState(_ id: String) -> Bool { agent(id)?.oneState ?? false }

    /// Whether agent `id` learns neural networks (it trains by steps, on every world).
    public static func isDeep(_ id: String) -> Bool { deepAgentIDs.contains(id) }

    /// What deep agent `id` starts from on world `W`: the world's own settings for it, else
    /// the agent's; `nil` when `id` is not a deep agent.
    static func deepDefaults<W: WorldRegistration>(forAgent id: String, on world: W.Type) -> DeepDefaults? {
        var collector = DeepDefaultsCollector(id: id)
        visitAgents(&collector)
        guard let agentDefaults = collector.defaults else { return nil }
        return W.deepDefaults(forAgent: id) ?? agentDefaults
    }

    /// The ids of the agents that learn neural networks.
    public static var deepAgentIDs: [String] {
        var collector = DeepAgentCollector()
        visitAgents(&collector)
        return collector.ids
    }

    /// Whether agent `id` can learn on `world` under its default configuration.
    public static func canLearn(_ id: String, on world: AnyWorld) -> Bool {
        (try? world.configure()).map { canLearn(id, on: $0) } ?? false
    }

    /// The ids of the agents that also learn linear functions (on continuous worlds).
    public static var linearAgentIDs: [String] {
        var collector = LinearAgentCollector()
        visitAgents(&collector)
        return collector.ids
    }

    /// The world ids, for messages.
    public static var worldList: String { worlds.map(\.id).joined(separator: ", ") }
    /// The agent ids, for messages.
    public static var agentList: String { (agents.map(\.id) + planners.map(\.id)).joined(separator: ", ") }
}

/// Something that is shown each registered agent's registration in turn.
public protocol AgentVisitor {
    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type)
}

/// An agent as the command line sees it: its id, help and flags, without its types.
// Sendable: its closures capture only the registration's type, nothing mutable.
public struct AgentDescription: @unchecked Sendable {
    public var id: String
    public var summary: String
    /// The registration type's identity (`nil` for a planner).
    var registration: ObjectIdentifier?
    /// The flags, as `--name VALUE  help` lines.
    public var flagHelp: [(name: String, valueName: String?, help: String)]
    /// The shared settings (α, γ, ε) it reads.
    public var sharedSettings: Set<SharedSetting>
    public var extraTensorNames: [String]
    /// Whether its training episodes need exploring starts (``ExploringStartsRegistration``).
    public var exploringStarts = false
    /// Whether it learns only a world with one state (``OneStateRegistration``).
    public var oneState = false
    /// The settings as JSON after applying flags (name, value) to the defaults.
    public var settings: ([(name: String, value: String?)]) throws(SettingError) -> String
    /// Checks settings JSON read from a file.
    public var checkSettings: (String) throws(SettingError) -> Void
    /// Whether a flag name is the agent's, and whether it takes a value.
    public func takesValue(_ flag: String) -> Bool? {
        flagHelp.first { $0.name == flag }.map { $0.valueName != nil }
    }

    /// Refuses a shared setting's flag (`learning-rate`, `decay`, …) the agent does not read.
    public func checkUses(sharedFlag flag: String) throws(SettingError) {
        let takes = SharedSetting.flags(of: sharedSettings)
        guard takes.contains(flag) else {
            throw SettingError(
                "--\(flag) is not a setting of agent \(id) ("
                    + (takes.isEmpty
                        ? "it takes none of the shared settings)" : "it takes \(takes.map { "--" + $0 }.joined(separator: ", ")))"))
        }
    }
}

struct AgentCollector: AgentVisitor {
    var agents: [AgentDescription] = []

    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        let flags = Registration.flags
        agents.append(
            AgentDescription(
                id: Registration.id, summary: Registration.summary, registration: ObjectIdentifier(registration),
                flagHelp: flags.map { ($0.name, $0.valueName, $0.help) },
                sharedSettings: Registration.sharedSettings,
                extraTensorNames: Registration.extraTensorNames, exploringStarts: Registration.self is any ExploringStartsRegistration.Type,
                oneState: Registration.self is any OneStateRegistration.Type,
                settings: { (given: [(name: String, value: String?)]) throws(SettingError) -> String in
                    var settings = Registration.Settings()
                    for (name, value) in given {
                        guard let flag = flags.first(where: { $0.name == name }) else {
                            throw SettingError("--\(name) is not a flag of agent \(Registration.id)")
                        }
                        try flag.apply(&settings, value)
                    }
                    try settings.validate()
                    return JSONText.encode(settings)
                },
                checkSettings: { (text: String) throws(SettingError) in
                    guard let settings = JSONText.decode(Registration.Settings.self, from: text) else {
                        throw SettingError("the settings of agent \(Registration.id) are malformed")
                    }
                    try settings.validate()
                }))
    }
}

struct AgentOpener<Body: AgentBody>: AgentVisitor {
    let id: String
    var body: Body
    var found = false

    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        guard !found, Registration.id == id else { return }
        found = true
        Registration.open(&body)
    }
}

struct LinearAgentOpener<Body: LinearAgentBody>: AgentVisitor {
    let id: String
    var body: Body
    var found = false

    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        guard !found, Registration.id == id, let linear = registration as? any LinearAgentRegistration.Type else { return }
        found = true
        func open<L: LinearAgentRegistration>(_ type: L.Type) { L.openLinear(&body) }
        open(linear)
    }
}

struct LinearAgentCollector: AgentVisitor {
    var ids: [String] = []
    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        if registration is any LinearAgentRegistration.Type { ids.append(Registration.id) }
    }
}

struct SoftmaxPolicyCollector: AgentVisitor {
    var ids: [String] = []
    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        if registration is any SoftmaxPolicyRegistration.Type { ids.append(Registration.id) }
    }
}

struct DeepAgentOpener<Body: DeepAgentBody>: AgentVisitor {
    let id: String
    var body: Body
    var found = false

    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        guard !found, Registration.id == id, let deep = registration as? any DeepAgentRegistration.Type else { return }
        found = true
        func open<D: DeepAgentRegistration>(_ type: D.Type) { D.openDeep(&body) }
        open(deep)
    }
}

struct DeepAgentCollector: AgentVisitor {
    var ids: [String] = []
    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        if registration is any DeepAgentRegistration.Type { ids.append(Registration.id) }
    }
}

struct DeepDefaultsCollector: AgentVisitor {
    let id: String
    var defaults: DeepDefaults?
    mutating func visit<Registration: AgentRegistration>(_ registration: Registration.Type) {
        guard defaults == nil, Registration.id == id, let deep = registration as? any DeepAgentRegistration.Type else { return }
        defaults = DeepDefaults(
            steps: deep.defaultSteps, hyperparameters: deep.defaultHyperparameters, keepBestEvery: deep.defaultKeepBestEvery)
    }
}
