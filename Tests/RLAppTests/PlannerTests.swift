import Foundation
import RLCore
import RLPlanning
import RLTabular
import Testing

@testable import RLApp

@Suite struct PlannerTests {
    func options(
        _ world: String, agent: String, flags: [(name: String, value: String?)] = [], discount: Double? = nil,
        in folder: String
    ) throws -> TrainingOptions {
        let registered = try #require(Registry.world(world))
        var hyperparameters = registered.defaultHyperparameters(forAgent: agent)
        if let discount { hyperparameters.discount = discount }
        return TrainingOptions(
            world: world, configuration: try registered.configure(flags: flags).configuration, agent: agent,
            episodes: 1, seed: 1, hyperparameters: hyperparameters, outputPath: folder + "/\(world)-\(agent).safetensors")
    }

    @Test(arguments: Registry.planners.map(\.id))
    func aPlannerSavesTheSolutionOfTaxiAsAPolicy(agent: String) throws {
        let folder = temporaryFolder()
        let outcome = try runTraining(try options("taxi", agent: agent, in: folder))
        let planning = try #require(outcome.planning)
        #expect(planning.converged && outcome.episodes == 0)
        let loaded = try LoadedPolicy(path: outcome.policy)
        #expect(loaded.policy.metadata.agent == agent)
        let values = try #require(loaded.policy.extraTensors[Planner.valuesTensor])
        #expect(values.shape == [5, 5, 5, 4])
        // q is the solution's action values: its greedy values are the state values.
        let model = try #require(Registry.world("taxi")?.model(loaded.policy.metadata.configuration)).model
        let solution = valueIteration(model, discount: 0.99)
        for state in stride(from: 0, to: 500, by: 7) {
            let best = (0..<6).map { loaded.policy.table[state, $0] }.max()!
            #expect(abs(best - solution.values[state]) < 1e-6)
        }
    }

    @Test func worldsWithoutAModelAndBadDiscountsAreRefusedInOneLine() throws {
        let folder = temporaryFolder()
        // Every registered world that publishes no model, and Taxi's fickle passenger (who acts outside the model).
        let withoutModel = Registry.builtInWorlds.filter { (try! $0.configure()).model == nil }.map {
            ($0.id, [(name: String, value: String?)]())
        }
        #expect(withoutModel.map(\.0).contains("blackjack"))
        for (world, flags) in withoutModel + [("taxi", [("fickle", nil)])] {
            let options = try options(world, agent: "value-iteration", flags: flags, in: folder)
            do throws(RunError) {
                _ = try runTraining(options)
                Issue.record("\(world) was solved without a model")
            } catch {
                // A request this rl cannot carry out, not a broken file.
                guard case .unsupported(let message) = error else { Issue.record("\(error) is not a refused request"); continue }
                #expect(message.contains("publishes none") && !message.contains("\n"))
            }
        }
        #expect(throws: RunError.self) { try runTraining(try options("cliff-walking", agent: "policy-iteration", discount: 1, in: folder)) }
        let solved = try runTraining(try options("cliff-walking", agent: "value-iteration", in: folder))
        #expect(throws: PolicyFileError.self) {
            try TrainingOptions(resuming: try Policy.load(from: solved.policy), outputPath: solved.policy)
        }
    }
}
