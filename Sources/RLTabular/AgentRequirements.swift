/// What an agent asks of a world beyond finite spaces, declared by adopting one of these in its
/// registration: `rl train` refuses it, in one line, on a world that lacks it.

/// An agent whose training episodes must begin in a state drawn uniformly from every state a
/// world can start in (the exploring starts of Sutton & Barto §5.3): `rl train` refuses it on a
/// world that cannot start anywhere, and starts each of its episodes so on one that can. The
/// agent draws the first action itself.
public protocol ExploringStartsRegistration: AgentRegistration {}

/// An agent for a world with one state, a k-armed bandit (Sutton & Barto ch. 2): it learns one
/// row of values, one per arm, and never looks at the next state. `rl train` refuses it on a
/// world with more states.
public protocol OneStateRegistration: AgentRegistration {}
