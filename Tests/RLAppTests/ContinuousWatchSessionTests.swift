import RLClassicControl
import RLCore
import RLGridRender
import RLRender
import RLTabular
import Testing

@testable import RLApp

/// `rl watch` on the classic-control worlds: a linear policy played frame by frame, seeded as
/// `rl eval` seeds it, under the toy-text worlds' HUD.
@Suite struct ContinuousWatchSessionTests {
    func policy(_ world: String, episodes: Int = 30, maxSteps: Int? = nil) throws -> LoadedPolicy {
        let registered = try #require(Registry.world(world))
        let flags = maxSteps.map { [(name: "max-steps", value: Optional("\($0)"))] } ?? []
        let configured = try registered.configure(flags: flags)
        let options = TrainingOptions(
            world: world, configuration: configured.configuration, agent: "q-learning", episodes: episodes,
            seed: 1, hyperparameters: configured.defaultHyperparameters(forAgent: "q-learning"),
            outputPath: temporaryFolder() + "/\(world).safetensors")
        return try LoadedPolicy(path: try runTraining(options).policy)
    }

    func session<W: ContinuousWorld>(_ world: W.Type, _ loaded: LoadedPolicy, seed: UInt64, epsilon: Double = 0) throws
        -> ContinuousWatchSession<W>
    {
        try #require(try makeWatchSession(policy: loaded, seed: seed, epsilon: epsilon) as? ContinuousWatchSession<W>)
    }

    /// Plays the current episode to its end and returns its return.
    func finishEpisode(_ session: inout some WatchableSession) -> Int {
        var steps = 0
        while !session.isEpisodeOver {
            session.advance()
            steps += 1
        }
        return steps
    }

    @Test func theEpisodesWatchedAreTheEpisodesRlEvalScores() throws {
        try expectEvalEpisodes(CartPoleWorld.self, "cart-pole")
        try expectEvalEpisodes(MountainCarWorld.self, "mountain-car")
        try expectEvalEpisodes(AcrobotWorld.self, "acrobot")
    }

    func expectEvalEpisodes<W: ContinuousWorld>(_ world: W.Type, _ id: String) throws {
        let loaded = try policy(id)
        // Trained under the world's defaults.
        let configuration = W.defaultConfiguration
        var evaluated = W.makeWorld(configuration)
        let records = playGreedy(
            weights: loaded.policy.table, features: try W.features(configuration), on: &evaluated, episodes: 3, seed: 9,
            shouldStop: { false })
        var watched = try session(W.self, loaded, seed: 9)
        for record in records {
            let steps = finishEpisode(&watched)
            #expect(steps == record.steps && watched.episodeReturn == record.totalReward, "\(id), episode \(watched.episode)")
            #expect(watched.ending?.terminated == record.terminated && watched.ending?.truncated == record.truncated)
            watched.advance()
        }
        #expect(watched.episode == 4 && watched.episodesFinished == 3)
    }

    @Test func framesFormOneStreamWithTheHUDAndABannerAtTheEnd() throws {
        // An untrained Mountain Car rarely reaches the flag in 50 steps: the cap ends the episode.
        var watched = try session(MountainCarWorld.self, try policy("mountain-car", episodes: 1, maxSteps: 50), seed: 2)
        #expect(watched.frameCount == 1 && watched.episode == 1 && watched.stepCount == 0)
        let steps = finishEpisode(&watched)
        #expect(steps == 50 && watched.frameCount == 51 && watched.ending?.truncated == true)
        let texts = watched.scene().texts
        #expect(texts.contains("TIME UP") && texts.contains("STEP 50") && texts.contains("RETURN -50") && texts.contains("EPISODE 1"))
        watched.advance()
        #expect(watched.episode == 2 && watched.stepCount == 0 && !watched.isEpisodeOver && watched.frameCount == 52)
        #expect(!watched.scene().texts.contains("TIME UP"))
        // A cart-pole episode that ends before its cap is a fall.
        var cartPole = try session(CartPoleWorld.self, try policy("cart-pole", episodes: 1), seed: 2)
        _ = finishEpisode(&cartPole)
        #expect(cartPole.ending?.terminated == true && cartPole.scene().texts.contains("FELL"))
    }

    @Test func skippingAnEpisodeStartsTheNextAsRlEvalWould() throws {
        let loaded = try policy("acrobot", episodes: 1)
        var watched = try session(AcrobotWorld.self, loaded, seed: 4)
        for _ in 0..<10 { watched.advance() }
        watched.skipEpisode()
        #expect(watched.episode == 2 && watched.episodesFinished == 1 && watched.stepCount == 0 && watched.frameCount == 12)
        // Episode 2 starts from rl eval's second start, whatever happened in the first.
        var world = AcrobotWorld.makeWorld(AcrobotWorld.defaultConfiguration)
        let start = world.reset(seed: evaluationEpisodeSeed(derivedSeed(4, purpose: SeedPurpose.evaluation), episode: 1))
        #expect(watched.observation == start)
    }

    @Test func theOverlayNamesTheCoordinatesAndMarksTheGreedyAction() throws {
        var watched = try session(CartPoleWorld.self, try policy("cart-pole"), seed: 3)
        for _ in 0..<5 { watched.advance() }
        let view = watched.agentView
        #expect(
            view.stateLines.map { String($0.prefix { !$0.isNumber && $0 != "-" }) }
                == ["cart position ", "cart velocity ", "pole angle ", "pole angular velocity "])
        #expect(view.actionNames == ["LEFT", "RIGHT"])
        #expect(view.actionValues[view.chosenAction] == view.actionValues.max())
        let texts = watched.scene(status: nil, showingAgentView: true).texts
        #expect(texts.contains("POLE ANGULAR VELOCITY \(fixed(watched.observation.poleAngularVelocity, 3))"))
        #expect(texts.filter { $0.hasPrefix(">") }.count == 1)
        // At an episode's end the overlay still shows what the agent would do.
        _ = finishEpisode(&watched)
        #expect(watched.scene(status: nil, showingAgentView: true).texts.filter { $0.hasPrefix(">") }.count == 1)
    }

    @Test func theSameSeedShowsTheSameFramesAndEpsilonIsChecked() throws {
        let loaded = try policy("mountain-car")
        var first = try session(MountainCarWorld.self, loaded, seed: 8, epsilon: 0.3)
        var second = try session(MountainCarWorld.self, loaded, seed: 8, epsilon: 0.3)
        for _ in 0..<40 {
            first.advance()
            second.advance()
        }
        #expect(first.scene() == second.scene() && first.observation == second.observation)
        #expect(throws: WatchError.self) { try makeWatchSession(policy: loaded, seed: 1, epsilon: 1.5) }
    }
}
