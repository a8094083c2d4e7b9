import Foundation
import RLCore
import RLGridRender
import RLTabular
import Testing

@testable import RLApp

@Suite struct ToyTextWatchSessionTests {
    func policy(_ world: String, agent: String = "q-learning", episodes: Int = 300) throws -> LoadedPolicy {
        let registered = try #require(Registry.world(world))
        let options = TrainingOptions(
            world: world, configuration: try registered.configure().configuration, agent: agent, episodes: episodes, seed: 1,
            hyperparameters: registered.defaultHyperparameters(forAgent: agent), outputPath: temporaryFolder() + "/\(world).safetensors")
        return try LoadedPolicy(path: try runTraining(options).policy)
    }

    /// Every registered world can be watched, except those known to have no single-player picture,
    /// which say so in one line.
    @Test func everyWorldWithAPictureCanBeWatched() throws {
        var withoutPicture: [String] = []
        for world in Registry.builtInWorlds.map(\.id) {
            let loaded = try policy(world, episodes: 20)
            let session: any WatchableSession
            do throws(WatchError) {
                session = try makeWatchSession(policy: loaded, seed: 1)
            } catch {
                #expect(error.message.contains("has no picture") && !error.message.contains("\n"), "\(world): \(error.message)")
                withoutPicture.append(world)
                continue
            }
            var watched = session
            for _ in 0..<5 { watched.advance() }
            let scene = watched.scene(status: "PAUSED", showingAgentView: true)
            #expect(scene.texts.contains("PAUSED") && scene.texts.contains { $0.hasPrefix("EPISODE ") }, "\(world): \(scene.texts)")
            #expect(scene.texts.contains { $0.hasPrefix(">") }, "\(world): the overlay marks the chosen action: \(scene.texts)")
        }
        // pong-duel is watched with an opponent, through DuelPlaySession (`rl watch --env pong-duel`), not this
        // session; the gambler's problem is a sum of money, not a place; the random walks run to
        // 1000 cells, and Baird's states and the bandit's one state are not places either; Jack's
        // car rental is two counts of cars, and access control a queue of servers, not places.
        #expect(
            withoutPicture == [
                "maximization-bias", "pong-duel", "gamblers-problem", "random-walk", "baird", "bandit", "jacks-car-rental",
                "access-control",
            ])
    }

    @Test func framesFormOneStreamAcrossEpisodesWithABannerAtTheEnd() throws {
        var session = try makeWatchSession(policy: try policy("frozen-lake", agent: "value-iteration"), seed: 3)
        #expect(session.frameCount == 1 && session.episode == 1 && session.stepCount == 0)
        var steps = 0
        while !session.isEpisodeOver {
            session.advance()
            steps += 1
            #expect(session.stepCount == steps)
        }
        let texts = session.scene().texts
        #expect(texts.contains("GOAL") || texts.contains("HOLE") || texts.contains("TIME UP"))
        #expect(texts.contains("STEP \(steps)") && session.episodesFinished == 1)
        session.advance()
        #expect(session.episode == 2 && session.stepCount == 0 && !session.isEpisodeOver && session.frameCount == steps + 2)
    }

    @Test func theSameSeedShowsTheSameEpisodesAndTheOverlayShowsTheGreedyAction() throws {
        let loaded = try policy("taxi", agent: "value-iteration")
        var first = try makeWatchSession(policy: loaded, seed: 7)
        var second = try makeWatchSession(policy: loaded, seed: 7)
        for _ in 0..<60 {
            first.advance()
            second.advance()
            #expect(first.scene() == second.scene())
        }
        let session = try #require(first as? ToyTextWatchSession<TaxiWorld>)
        let view = session.agentView
        #expect(view.actionValues[view.chosenAction] == view.actionValues.max())
        #expect(view.stateLines.count == 3)
    }
}
