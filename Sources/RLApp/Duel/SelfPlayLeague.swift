import Foundation
import RLCore
import RLPongDuel
import RLTabular

/// Self-play's opponents (`rl train --env pong-duel --opponent self`): the three scripts and
/// frozen snapshots of the learner, one every `snapshotEvery` games. Before each game the league
/// picks the opponent: the latest snapshot with probability `latestShare`, otherwise any member
/// (scripts included) uniformly.
///
/// Each member has an Elo rating. The scripts are the anchors: `random` is fixed at 1000, and
/// `tracker` and `predictor` are rated from their games against each other and `random`. Each
/// snapshot, when it is taken, plays paired games against the anchors and the (up to 10) latest
/// earlier snapshots and gets the rating that best explains its results, theirs held fixed:
/// ratings never move once given, so a rise across snapshots is progress against fixed marks.
///
/// A class: the training loop (which takes the snapshots) and the world's opponent (which plays
/// the pick) share it.
public final class SelfPlayLeague {
    /// Someone in the league.
    public struct Member: Sendable {
        /// `random`, `tracker`, `predictor`, or `snapshot 3 (game 1500)`.
        public var name: String
        public var player: DuelPlayer
        /// Elo; `nil` until rated.
        public var rating: Double?
        /// Games the learner had played when the snapshot was taken (`nil` for scripts).
        public var episode: Int?
    }

    public let configuration: PongDuelConfiguration
    public let bins: PongDuelObservationSpace
    public let snapshotEvery: Int
    public let latestShare: Double
    /// Paired games a snapshot plays against each member before it to be rated.
    public let ratingGames: Int
    public private(set) var members: [Member]
    /// The member playing the current game.
    public private(set) var current: Int
    var generator: Xoshiro256StarStar

    /// `random`'s fixed rating: the anchor's anchor.
    public static let randomRating = 1000.0
    static let anchorCount = PongDuelScript.Kind.allCases.count
    // Rating games use their own seeds, apart from training's and evaluation's.
    static let ratingSeed: UInt64 = 0x5E1F_91A7

    public init(configuration: PongDuelConfiguration, snapshotEvery: Int, latestShare: Double, ratingGames: Int, seed: UInt64) {
        self.configuration = configuration
        bins = PongDuelObservationSpace(configuration: configuration)
        self.snapshotEvery = snapshotEvery
        self.latestShare = latestShare
        self.ratingGames = ratingGames
        members = PongDuelScript.Kind.allCases.map {
            Member(name: $0.rawValue, player: .script(PongDuelScript($0, configuration: configuration)), rating: nil, episode: nil)
        }
        generator = Xoshiro256StarStar(seed: seed)
        current = 0
        current = pick()
    }

    /// The snapshots taken so far.
    public var snapshots: ArraySlice<Member> { members[Self.anchorCount...] }

    /// The current member's move.
    func action(for observation: PongDuelPositions, using generator: inout Xoshiro256StarStar) -> PongDuelAction {
        switch members[current].player {
        case .script(let script):
            // Only the random script draws; it draws from the opponent's generator.
            guard script.kind == .random else {
                var script = script
                return script.action(for: observation, mode: .evaluation)
            }
            return PongDuelActionSpace().randomElement(using: &generator)
        case .table(let player):
            return player.action(for: observation, using: &generator)
        case .missing(let reason):
            preconditionFailure(reason)
        }
    }

    var generatorState: [UInt64] {
        get { generator.state }
        set { generator.state = newValue }
    }

    /// The next game's opponent.
    func pick() -> Int {
        if members.count > Self.anchorCount && generator.nextUnitDouble() < latestShare { return members.count - 1 }
        return generator.nextIndex(below: members.count)
    }

    /// After a training game: every `snapshotEvery` games, freezes `table` as a new member and
    /// rates it; then picks the next opponent. Returns the lines to report.
    public func gameFinished(_ gamesPlayed: Int, table: QTable) -> [String] {
        var lines: [String] = []
        if gamesPlayed % snapshotEvery == 0 {
            if members[0].rating == nil { lines += rateAnchors() }
            members.append(
                Member(
                    name: "snapshot \(members.count - Self.anchorCount + 1)",
                    player: .table(DuelTablePlayer(table: table, bins: bins)), rating: nil, episode: gamesPlayed))
            lines.append(rate(members.count - 1))
        }
        current = pick()
        return lines
    }

    /// Rates the scripts from their paired games against each other, `random` fixed.
    func rateAnchors() -> [String] {
        var results: [[DuelTally]] = Array(repeating: Array(repeating: DuelTally(), count: Self.anchorCount), count: Self.anchorCount)
        for first in 0..<Self.anchorCount {
            for second in (first + 1)..<Self.anchorCount {
                let tally = games(first, second)
                results[first][second] = tally
                var mirrored = DuelTally()
                mirrored.games = tally.games
                mirrored.wins = tally.games - tally.wins - tally.draws
                mirrored.draws = tally.draws
                results[second][first] = mirrored
            }
        }
        var ratings = Array(repeating: Self.randomRating, count: Self.anchorCount)
        // Coordinate ascent on the likelihood: each non-fixed anchor in turn, the others held.
        for _ in 0..<50 {
            for index in 1..<Self.anchorCount {
                ratings[index] = Self.bestRating(
                    against: (0..<Self.anchorCount).filter { $0 != index }.map {
                        (ratings[$0], results[index][$0])
                    })
            }
        }
        for index in 0..<Self.anchorCount { members[index].rating = ratings[index] }
        return [
            members.prefix(Self.anchorCount).map { "\($0.name) \(Int($0.rating!.rounded()))" }
                .joined(separator: ", ").prefixed("Elo anchors (from their games against each other): ")
        ]
    }

    /// At most this many earlier snapshots rate a new one (with the anchors), so rating costs
    /// the same at the hundredth snapshot as at the tenth.
    public static let ratingSnapshots = 10

    /// Rates member `index` from games against the anchors and the latest earlier snapshots.
    func rate(_ index: Int) -> String {
        var results: [(Double, DuelTally)] = []
        var againstScripts: [String] = []
        let earlier = max(Self.anchorCount, index - Self.ratingSnapshots)..<index
        for opponent in Array(0..<Self.anchorCount) + Array(earlier) {
            let tally = games(index, opponent)
            results.append((members[opponent].rating!, tally))
            if opponent < Self.anchorCount {
                againstScripts.append("\(members[opponent].name) \(percent(tally.score / Double(max(tally.games, 1))))")
            }
        }
        let rating = Self.bestRating(against: results)
        members[index].rating = rating
        let member = members[index]
        return "\(member.name) (game \(member.episode ?? 0)): Elo \(Int(rating.rounded())); score against "
            + againstScripts.joined(separator: ", ")
    }

    func games(_ first: Int, _ second: Int) -> DuelTally {
        playPairedGames(
            DuelOpponent(members[first].player, seed: 1), DuelOpponent(members[second].player, seed: 2),
            configuration: configuration, games: ratingGames, seed: Self.ratingSeed)
    }

    /// The Elo rating that makes the expected score against these opponents equal the score
    /// obtained (maximum likelihood), each pairing padded with one virtual draw so that a
    /// clean sweep still gets a finite rating.
    static func bestRating(against results: [(rating: Double, tally: DuelTally)]) -> Double {
        func expectedMinusActual(_ rating: Double) -> Double {
            results.reduce(0) { sum, result in
                let expected = 1 / (1 + pow10((result.rating - rating) / 400))
                return sum + Double(result.tally.games + 1) * expected - (result.tally.score + 0.5)
            }
        }
        var low = -3000.0, high = 7000.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if expectedMinusActual(middle) < 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    // MARK: Saving with the policy (rl train --resume)

    /// The snapshots' values, the ratings and the current pick, as policy-file tensors.
    public var tensors: [String: Tensor] {
        var tensors: [String: Tensor] = [
            "league.ratings": Tensor(shape: [members.count], floats: members.map { $0.rating ?? .nan }),
            "league.episodes": Tensor(shape: [members.count], integers: members.map { Int64($0.episode ?? -1) }),
            "league.current": Tensor(shape: [1], integers: [Int64(current)]),
        ]
        for (offset, member) in snapshots.enumerated() {
            guard case .table(let player) = member.player else { continue }
            tensors["league.snapshot.\(offset + 1)"] = Tensor(
                shape: player.table.stateShape + [player.table.actionCount],
                floats: player.table.values)
        }
        return tensors
    }

    /// Puts back what ``tensors`` saved.
    public func restore(from tensors: [String: Tensor]) throws(PolicyFileError) {
        guard let ratingsTensor = tensors["league.ratings"], case .floats(let ratings) = ratingsTensor.values,
            let episodesTensor = tensors["league.episodes"], case .integers(let episodes) = episodesTensor.values,
            let currentTensor = tensors["league.current"], case .integers(let currentValues) = currentTensor.values,
            ratings.count == episodes.count, ratings.count >= Self.anchorCount, currentValues.count == 1,
            (0..<Int64(ratings.count)).contains(currentValues[0])
        else {
            throw PolicyFileError("the policy's self-play league is missing or malformed")
        }
        let shape = bins.shape
        var restored = Array(members.prefix(Self.anchorCount))
        for index in 0..<ratings.count {
            let rating = ratings[index].isNaN ? nil : ratings[index]
            guard rating?.isFinite ?? true else { throw PolicyFileError("the policy's self-play league holds a bad rating") }
            if index < Self.anchorCount { restored[index].rating = rating; continue }
            let number = index - Self.anchorCount + 1
            // A snapshot is taken after an episode of a run, which has at most 100 million.
            guard (0...100_000_000).contains(episodes[index]) else {
                throw PolicyFileError("the policy's self-play league has snapshot \(number) at an impossible episode")
            }
            guard let tensor = tensors["league.snapshot.\(number)"], tensor.shape == shape + [3],
                case .floats(let values) = tensor.values, values.allSatisfy(\.isFinite)
            else {
                throw PolicyFileError("the policy's self-play league has no valid snapshot \(number)")
            }
            let table = QTable(stateShape: shape, actionCount: 3, values: values, visits: [Int64](repeating: 0, count: values.count))
            restored.append(
                Member(
                    name: "snapshot \(number)", player: .table(DuelTablePlayer(table: table, bins: bins)),
                    rating: rating, episode: Int(episodes[index])))
        }
        members = restored
        current = Int(currentValues[0])
    }
}

private func pow10(_ exponent: Double) -> Double { pow(10, exponent) }

private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

extension String {
    fileprivate func prefixed(_ prefix: String) -> String { prefix + self }
}
