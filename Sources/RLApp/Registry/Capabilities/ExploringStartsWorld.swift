import RLCore

/// A world that can start an episode in any of its states, for the exploring starts of Monte
/// Carlo ES (Sutton & Barto, 2nd ed., §5.3): its world numbers the states an episode can be in
/// (every state but those where it is over) and starts in the one it is given
/// (``ExploringStartsEnvironment``). Adopting it takes one line when the world does; an agent
/// that needs it (`monte-carlo-es`) is refused on every other world, in one line.
///
/// `rl train` then starts every training episode of such an agent in a start state drawn
/// uniformly, from a generator of the episode's own (seeded by the run's seed and the episode's
/// number, so a resumed run draws the same starts with nothing saved); the agent draws the
/// first action. Evaluations start where the world's reset puts them, as for every agent.
/// Every action must be allowed in every start state.
public protocol ExploringStartsWorld: WorldRegistration where World: ExploringStartsEnvironment {}
