import RLPong

/// How an episode ended, as its banner says it.
public enum EpisodeOutcome: Sendable, Equatable {
    /// No lives left.
    case gameOver
    /// The total reward passed the winning score.
    case won
    /// The step cap cut the episode.
    case timeUp

    /// The banner's text.
    public var bannerText: String {
        switch self {
        case .gameOver: "GAME OVER"
        case .won: "WIN"
        case .timeUp: "TIME UP"
        }
    }
}

/// What the agent sees and thinks in the frame's state: the `v` overlay.
public struct AgentView: Sendable, Equatable {
    /// The discretised state the agent acts on.
    public var observation: PongObservation
    /// The actions' names, in index order.
    public var actionNames: [String]
    /// Q(state, action) for each action, in index order.
    public var actionValues: [Double]
    /// The index of the action the agent takes in this state.
    public var chosenAction: Int

    public init(observation: PongObservation, actionNames: [String], actionValues: [Double], chosenAction: Int) {
        self.observation = observation
        self.actionNames = actionNames
        self.actionValues = actionValues
        self.chosenAction = chosenAction
    }
}

/// Everything one picture of a game shows: the court's exact state and the HUD's figures.
/// Plain data, so the scene can be computed (and tested) without any window.
public struct PongFrame: Sendable, Equatable {
    public var configuration: PongConfiguration
    public var state: PongState
    /// The episode's number, from 1.
    public var episode: Int
    /// Set on the last frame of an episode: the banner to show.
    public var outcome: EpisodeOutcome?
    /// A status line at the top, such as "PAUSED" or "30 STEPS/S"; `nil` for none.
    public var status: String?
    /// The `v` overlay; `nil` when it is off.
    public var agentView: AgentView?
    /// A short message shown over the bottom of the court for a moment, such as where a
    /// screenshot was saved; `nil` for none.
    public var notice: String?

    public init(
        configuration: PongConfiguration, state: PongState, episode: Int, outcome: EpisodeOutcome? = nil,
        status: String? = nil, agentView: AgentView? = nil
    ) {
        self.configuration = configuration
        self.state = state
        self.episode = episode
        self.outcome = outcome
        self.status = status
        self.agentView = agentView
    }
}
