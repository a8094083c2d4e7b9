import RLCore
import RLPongDuel
import RLRender
import RLTabular

/// A game of `rl play`: the agent (a policy or a script) on the left, the human on the right,
/// first to `pointsToWin`. Plain state, stepped by the caller with the human's move, so the
/// window, the terminal and the tests drive it the same way.
public struct DuelPlaySession {
    public let configuration: PongDuelConfiguration
    public private(set) var world: PongDuel
    var agent: DuelOpponent
    /// The right side's player when it is not a human (`rl watch --env pong-duel`).
    var rightAgent: DuelOpponent?
    var observations: Pair<PongDuelPositions>
    /// Steps played in this game.
    public private(set) var steps = 0
    /// How many steps the human's paddle was asked to go up and down (for tests and the summary).
    public private(set) var humanMoves = (up: 0, down: 0)
    /// The game is over: someone reached the points to win, or the step cap cut it.
    public private(set) var isOver = false
    let seed: UInt64
    public private(set) var gamesStarted = 1
    /// A human's game waits for its player: nothing moves until ``start()`` (their first key), so
    /// the first serve does not fly past before a hand reaches the keys. Agents' games never wait.
    public private(set) var isWaitingForPlayer: Bool

    /// - Parameters:
    ///   - agent: who plays the left paddle.
    ///   - seed: seeds the serves (the same seed, the same serves).
    ///   - right: who plays the right paddle; `nil` for the human.
    public init(
        agent: DuelPlayer, right: DuelPlayer? = nil, configuration: PongDuelConfiguration,
        seed: UInt64
    ) throws(PongDuelConfigurationError) {
        self.configuration = configuration
        world = try PongDuel(configuration: configuration)
        self.agent = DuelOpponent(agent, seed: derivedSeed(seed, purpose: SeedPurpose.agent))
        rightAgent = right.map { DuelOpponent($0, seed: derivedSeed(seed, purpose: SeedPurpose.agent) &+ 1) }
        self.seed = seed
        isWaitingForPlayer = right == nil
        observations = world.reset(seed: derivedSeed(seed, purpose: SeedPurpose.evaluation))
    }

    /// The player is at the keys: the game runs from the next step.
    public mutating func start() { isWaitingForPlayer = false }

    public var state: PongDuelState { world.state }

    /// The side that reached the points to win, once the game is over.
    /// Whether a human plays the right paddle.
    public var hasHuman: Bool { rightAgent == nil }

    public var winner: Side? {
        // A game the step cap cut has no winner.
        let score = world.state.score
        guard isOver, max(score.left, score.right) >= configuration.pointsToWin else { return nil }
        return score.left > score.right ? .left : .right
    }

    /// One step: the agent moves, the human's paddle moves as asked (or the right agent's as it
    /// chooses, when there is one).
    public mutating func step(human: PongDuelAction) {
        guard !isOver, !isWaitingForPlayer else { return }
        var human = human
        if rightAgent != nil { human = rightAgent!.action(for: observations.right, mode: .evaluation) }
        switch human {
        case .up: humanMoves.up += 1
        case .down: humanMoves.down += 1
        case .stay: break
        }
        let left = agent.action(for: observations.left, mode: .evaluation)
        let step = world.step(Pair(left: left, right: human))
        observations = step.observations
        steps += 1
        isOver = step.isLast
    }

    /// What the `v` overlay shows: for each side a table plays, the bins it sees (paddle, the
    /// opponent's paddle, ball x and y, whether the ball moves away, its vertical speed) and its
    /// value for each move, the one it makes marked; for a script, its name. A human's side shows
    /// nothing.
    public var agentView: [String] {
        var lines: [String] = []
        for (name, player, observation) in [
            ("LEFT", agent.fixed, observations.left), ("RIGHT", rightAgent?.fixed, observations.right),
        ] {
            switch player {
            case .table(let player):
                let state = player.bins.index(of: player.bins.map(observation))
                let coordinates = MultiDiscrete(player.bins.shape).element(at: state)
                let chosen = player.table.greedyActions(in: state).first ?? 0
                let values = PongDuelActionSpace().names.enumerated().map { action, move in
                    "\(action == chosen ? ">" : "")\(move.uppercased()) \(fixed(player.table[state, action], 2))"
                }
                lines.append("\(name) SEES \(coordinates.map(String.init).joined(separator: " ")) (#\(state))")
                lines.append("  " + values.joined(separator: "  "))
            case .script(let script):
                lines.append("\(name): \(script.kind.rawValue.uppercased()) SCRIPT")
            case .missing, nil:
                break
            }
        }
        return lines
    }

    /// A new game, with the next serves.
    public mutating func newGame() {
        observations = world.reset(seed: nil)
        steps = 0
        isOver = false
        gamesStarted += 1
    }

    /// The human's move for the keys held: up or down when exactly one of them is held.
    public static func move(upHeld: Bool, downHeld: Bool) -> PongDuelAction {
        upHeld == downHeld ? .stay : (upHeld ? .up : .down)
    }
}

/// Who plays the agent's side in `rl play`: a pong-duel policy (with ε, the difficulty) or a
/// script; and the court it plays on.
/// - Throws: ``RunError/file(_:)`` for a policy that cannot be read, ``RunError/unsupported(_:)``
///   for a court the policy was not trained on (a request that does not fit it).
public func duelPlayer(policyOrScript text: String, court: PongDuelCourt?, pointsToWin: Int, epsilon: Double)
    throws(RunError) -> (player: DuelPlayer, configuration: PongDuelConfiguration, name: String)
{
    if let kind = PongDuelScript.Kind(rawValue: text) {
        var game = PongDuelWorld.Configuration()
        game.court = court ?? .fast
        game.pointsToWin = pointsToWin
        return (.script(PongDuelScript(kind, configuration: game.game)), game.game, kind.rawValue)
    }
    let loaded: LoadedPolicy
    do { loaded = try LoadedPolicy(path: text, expecting: PongDuelWorld.id) } catch { throw .file(error) }
    var configuration: PongDuelWorld.Configuration
    do { configuration = try PongDuelWorld.configuration(fromJSON: loaded.policy.metadata.configuration) } catch {
        throw .file(PolicyFileError("\(text): \(error.message)"))
    }
    if let court, court != configuration.court {
        throw .unsupported("\(text) was trained on the \(configuration.court) court, not \(court)")
    }
    configuration.pointsToWin = pointsToWin
    let game = configuration.game
    let player = DuelTablePlayer(table: loaded.policy.table, bins: PongDuelObservationSpace(configuration: game), epsilon: epsilon)
    return (.table(player), game, "agent")
}
