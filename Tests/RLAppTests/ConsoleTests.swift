import RLRender
import Testing

@testable import RLApp

@Suite struct ConsoleTests {
    @Test func theProgressBarShowsEpisodesRateAndETA() {
        #expect(
            TrainingProgressView.bar(episodes: 3000, total: 6000, elapsedSeconds: 0.5, width: 10)
                == "[#####.....] 3000/6000 episodes  6000 episodes/s  ETA 0.5 s")
        #expect(
            TrainingProgressView.bar(episodes: 6000, total: 6000, elapsedSeconds: 1, width: 4)
                == "[####] 6000/6000 episodes  6000 episodes/s  ETA 0.0 s")
    }

    @Test func theReportLineIsTheTutorialsInEnglish() {
        let line = TrainingProgressView.reportLine(
            IntervalReport(episodes: 500, averageReturn: 35.25, averageSteps: 295.04, bestReturn: 410))
        #expect(line == "episodes 500: average return 35.3, average steps 295.0, best return 410")
    }

    @Test func numbersAreFormattedWithoutFoundation() {
        #expect(fixed(3.14159, 2) == "3.14")
        #expect(fixed(-0.04, 1) == "0.0")
        #expect(fixed(-2.5, 0) == "-3")
        #expect(fixed(889.87, 2) == "889.87")
        #expect(fixed(0.05, 2) == "0.05")
        #expect(grouped(8_935_654) == "8,935,654" && grouped(-1234) == "-1,234" && grouped(12) == "12")
        #expect(formatNumber(-20) == "-20" && formatNumber(0.25) == "0.25")
    }

    /// `abs(Int.min)` traps; grouping must not.
    @Test func everyIntIsGrouped() {
        #expect(grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(grouped(Int.max) == "9,223,372,036,854,775,807")
        #expect(grouped(0) == "0" && grouped(-999) == "-999" && grouped(-1000) == "-1,000")
    }
}
