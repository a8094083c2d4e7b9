import RLCore
import RLTabular

/// An agent that learns neural networks (``DeepAgent``), registered under its id like every
/// other agent: its flags, shared settings and settings JSON go through the same registry.
/// It has no table form (``AgentRegistration/open(_:)`` runs nothing), so the registry opens
/// it through ``openDeep(_:)`` instead, once per run.
public protocol DeepAgentRegistration: AgentRegistration {
    /// Hands `body` the deep agent's type: the one place the id becomes a concrete type, so the
    /// training loop is specialised for it.
    static func openDeep<Body: DeepAgentBody>(_ body: inout Body)
    /// The environment steps a run takes when neither the user nor the world says.
    static var defaultSteps: Int { get }
    /// The learning rate, γ and ε a run starts from when the world does not say (rl-zoo3's
    /// CartPole-v1 settings).
    static var defaultHyperparameters: Hyperparameters { get }
    /// Episodes between the evaluations whose best networks a run keeps by default
    /// (`--eval-every N --keep-best`), or `nil` to keep the last.
    static var defaultKeepBestEvery: Int? { get }
}

extension DeepAgentRegistration {
    public static var defaultKeepBestEvery: Int? { nil }
    /// A deep agent learns no table.
    public static func open<Body: AgentBody>(_ body: inout Body) {}
    /// Its tensors are its networks', named by ``DeepAgent/tensors``.
    public static var extraTensorNames: [String] { [] }
}

/// Work to do with a deep agent type known only once the registry has chosen it.
public protocol DeepAgentBody {
    mutating func run<A: DeepAgent>(_ agent: A.Type)
}
