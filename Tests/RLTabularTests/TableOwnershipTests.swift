import RLCliffWalking
import RLCore
import Testing

@testable import RLTabular

/// The framework, not each agent, makes learned tables the agent's own at the start of every
/// episode: a copy taken between episodes (what `--eval-every` evaluates) never sees the
/// writes of the episodes after it, for every agent, whatever tables it has.
@Suite struct TableOwnershipTests {
    typealias Walk = TimeLimit<CliffWalking>

    func copyStaysAsItWas<A: TabularAgent>(_ make: (Walk.ObservationSpace, Walk.ActionSpace) -> A)
    where A.ObservationSpace == Walk.ObservationSpace, A.ActionSpace == Walk.ActionSpace {
        var world = CliffWalking.capped(at: 200)
        var agent = make(world.observationSpace, world.actionSpace)
        var copy: A?
        var valuesWhenCopied: [TensorValues] = []
        _ = train(&agent, on: &world, episodes: 20, seed: 1) { record, soFar in
            if record.episode == 4 {
                copy = soFar
                valuesWhenCopied = [.floats(soFar.table.values)] + soFar.extraTensors.keys.sorted().map { soFar.extraTensors[$0]!.values }
            }
            return .proceed
        }
        let kept = try! #require(copy)
        #expect(
            [.floats(kept.table.values)] + kept.extraTensors.keys.sorted().map { kept.extraTensors[$0]!.values } == valuesWhenCopied,
            "\(A.self)")
        #expect(agent.table.values != kept.table.values, "\(A.self) learned nothing after the copy")
    }

    @Test func aCopyTakenBetweenEpisodesIsNotChangedByLaterTraining() {
        let settings = Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.1))
        copyStaysAsItWas { QLearningAgent(observationSpace: $0, actionSpace: $1, hyperparameters: settings, seed: 1) }
        copyStaysAsItWas { SarsaAgent(observationSpace: $0, actionSpace: $1, hyperparameters: settings, seed: 1) }
        copyStaysAsItWas { ExpectedSarsaAgent(observationSpace: $0, actionSpace: $1, hyperparameters: settings, seed: 1) }
        copyStaysAsItWas { DoubleQLearningAgent(observationSpace: $0, actionSpace: $1, hyperparameters: settings, seed: 1) }
        copyStaysAsItWas {
            SarsaLambdaAgent(observationSpace: $0, actionSpace: $1, hyperparameters: settings, settings: SarsaLambdaSettings(), seed: 1)
        }
        copyStaysAsItWas {
            DynaQAgent(observationSpace: $0, actionSpace: $1, hyperparameters: settings, settings: DynaQSettings(), seed: 1)
        }
    }
}

@Suite struct TableOwnershipCostTests {
    /// Owning a table that nothing else holds copies nothing: the same storage before and after.
    @Test func owningAnUnsharedTableCopiesNothing() {
        let world = CliffWalking.capped(at: 200)
        var agent = QLearningAgent(
            observationSpace: world.observationSpace, actionSpace: world.actionSpace,
            hyperparameters: Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.1)), seed: 1)
        let before = ObjectIdentifier(agent.table.storage)
        agent.ownStorageForEpisode()
        #expect(ObjectIdentifier(agent.table.storage) == before)
    }
}
