import Foundation
import Testing
import RLCore
import RLGridRender
import RLTabular
@testable import RLApp

@Suite struct ToyTextWatchSessionTests {
    func policy(_ world: String, agent: String = "q-learning", episodes: Int = 300) throws -> LoadedPolicy {
        let registered = try #require(Registry.world(world))
        let options = TrainingOptions(
            world: world, configuration: try registered.configure().configuration, agent: agent, episodes: episodes, seed: 1,
            hyperparameters: registered.defaultHyperparameters(forAgent: agent), outputPath: temporaryFolder() + "/\(world).safetensors")
        return try LoadedPolicy(path: try runTraining(options).policy)
    }

    @Test func everyWorldWithAPictureCanBeWatched() throws {
        for world in ["frozen-lake", "taxi", "blackjack", "cliff-walking"] {
            var session = try makeWatchSession(policy: try policy(world, episodes: 20), seed: 1)
            for _ in 0..<5 { session.advance() }
            let scene = session.scene(status: "PAUSED", showingAgentView: true)
            #expect(scene.texts.contains("PAUSED") && scene.texts.contains { $0.hasPrefix("EPISODE ") }, "\(world)")
            #expect(scene.texts.contains { $0.hasPrefix(">") }, "\(world): the overlay marks the chosen action")
        }
        #expect(throws: WatchError.self) { try makeWatchSession(policy: try policy("maximization-bias", episodes: 5), seed: 1) }
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
