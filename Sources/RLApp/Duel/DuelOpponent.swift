import RLCore
import RLPongDuel
import RLTabular

/// Who plays the other side of a `pong-duel` game: a script, a saved table, or (in self-play)
/// whoever the league picked for this game.
public enum DuelOpponentSpec: Sendable, Equatable, Codable, CustomStringConvertible {
    case script(PongDuelScript.Kind)
    /// Self-play: a league of the scripts and frozen snapshots of the learner.
    case selfPlay
    /// A saved pong-duel policy, played greedily through its own bins.
    case file(String)

    /// Parses `random`, `tracker`, `predictor`, `self`, or a path to a policy file.
    public init(_ text: String) {
        if let kind = PongDuelScript.Kind(rawValue: text) {
            self = .script(kind)
        } else if text == "self" {
            self = .selfPlay
        } else {
            self = .file(text)
        }
    }

    public var description: String {
        switch self {
        case .script(let kind): kind.rawValue
        case .selfPlay: "self"
        case .file(let path): path
        }
    }

    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A Q-table playing one side of a duel greedily (or ε-greedily, for `rl play --difficulty`)
/// through the bins it was trained with.
public struct DuelTablePlayer: Sendable {
    public let table: QTable
    public let bins: PongDuelObservationSpace
    /// The chance of a random move (0: greedy).
    public var epsilon: Double

    public init(table: QTable, bins: PongDuelObservationSpace, epsilon: Double = 0) {
        self.table = table
        self.bins = bins
        self.epsilon = epsilon
    }

    @inlinable
    public func action(for observation: PongDuelPositions, using generator: inout Xoshiro256StarStar) -> PongDuelAction {
        let state = bins.index(of: bins.map(observation))
        let index = table.epsilonGreedyAction(in: state, epsilon: epsilon, exploring: epsilon > 0, using: &generator)
        return PongDuelAction(rawValue: index).unsafelyUnwrapped
    }
}

/// One player of the other side: a script or a table.
public enum DuelPlayer: Sendable {
    case script(PongDuelScript)
    case table(DuelTablePlayer)
    /// An opponent file that cannot be played (gone, or from another court): why.
    case missing(String)
}

/// The fixed opponent of a `pong-duel` world: it never learns. In self-play it asks its
/// ``SelfPlayLeague`` who plays this game; the league changes its pick between games.
///
/// Its generator breaks a table's ties and drives the random script; it is the opponent's own,
/// saved with the world's for `rl train --resume`.
public struct DuelOpponent: ScriptedAgent, Resumable {
    public typealias Observation = PongDuelPositions
    public typealias Action = PongDuelAction

    /// The player, when it is fixed for the whole run.
    public private(set) var fixed: DuelPlayer?
    /// The league, in self-play.
    public let league: SelfPlayLeague?
    @usableFromInline var generator: Xoshiro256StarStar

    public init(_ player: DuelPlayer, seed: UInt64) {
        fixed = player
        league = nil
        generator = Xoshiro256StarStar(seed: seed)
    }

    public init(league: SelfPlayLeague, seed: UInt64) {
        fixed = nil
        self.league = league
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func action(for observation: PongDuelPositions, mode: AgentMode) -> PongDuelAction {
        if let league { return league.action(for: observation, using: &generator) }
        switch fixed! {
        case .script(var script):
            // Scripts draw from the opponent's generator, so the random script resumes too.
            script.generatorState = generator.state
            let action = script.action(for: observation, mode: .evaluation)
            generator.state = script.generatorState
            return action
        case .table(let player):
            return player.action(for: observation, using: &generator)
        case .missing(let reason):
            preconditionFailure(reason)
        }
    }

    /// The opponent's generator, then the league's (in self-play).
    public var generatorState: [UInt64] {
        get { generator.state + (league?.generatorState ?? []) }
        set {
            generator.state = Array(newValue.prefix(4))
            if let league { league.generatorState = Array(newValue.dropFirst(4)) }
        }
    }
}
