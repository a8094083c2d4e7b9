import Testing
import RLCore
@testable import RLPongDuel

@Suite struct AnticipationTests {
    /// The fast court's promise (docs/PONG-DUEL.md): at least 30% of the tracker's misses are
    /// balls the predictor returns from the same situation. Fixed seeds: a quality test.
    @Test func onTheFastCourtTheTrackerMissesBallsThePredictorReaches() throws {
        let report = try measureAnticipation(configuration: .fast, games: 200, seed: 2026)
        print("fast court: \(report.trackerMisses) tracker misses over \(report.games) games, \(report.reachedByPredictor) reached by the predictor (\(report.share)); \(report.trackerHits) tracker hits")
        #expect(report.trackerMisses > 500)
        #expect(report.share >= 0.30)
    }
}
