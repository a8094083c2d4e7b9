import Foundation
import RLCore
import Testing

@testable import RLPongDuel

@Suite struct PongDuelConfigurationTests {
    @Test func bothCourtsAreValid() throws {
        try PongDuelConfiguration.classic.validate()
        try PongDuelConfiguration.fast.validate()
        #expect(PongDuelConfiguration.fast.paddleSpeed < PongDuelConfiguration.fast.ballSpeedX)
        #expect(PongDuelConfiguration.classic.pointsToWin == 11 && PongDuelConfiguration.fast.pointsToWin == 11)
    }

    /// Every number has bounds, and no value, however large, traps on the way to the error.
    @Test func everyNumberIsBounded() {
        let integers: [WritableKeyPath<PongDuelConfiguration, Int>] = [
            \.courtWidth, \.courtHeight, \.paddleHeight, \.paddleLineX, \.paddleSpeed, \.ballSpeedX,
            \.ballSpeedY, \.serveMargin, \.pointsToWin, \.stepCap, \.binWidth,
        ]
        for court in PongDuelCourt.allCases {
            for key in integers {
                for value in [Int.max, Int.min, -1, 1_000_000_000] {
                    var configuration = PongDuelConfiguration(court: court)
                    configuration[keyPath: key] = value
                    #expect(throws: PongDuelConfigurationError.self, "\(key) = \(value)") { try configuration.validate() }
                }
            }
            let doubles: [WritableKeyPath<PongDuelConfiguration, Double>] = [\.ballRadius, \.pointReward, \.hitReward]
            for key in doubles {
                for value in [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude] {
                    var configuration = PongDuelConfiguration(court: court)
                    configuration[keyPath: key] = value
                    #expect(throws: PongDuelConfigurationError.self, "\(key) = \(value)") { try configuration.validate() }
                }
            }
        }
        var odd = PongDuelConfiguration.classic
        odd.courtWidth = 51
        #expect(throws: PongDuelConfigurationError.self) { try odd.validate() }
        var tooManyStates = PongDuelConfiguration.classic
        (tooManyStates.courtWidth, tooManyStates.courtHeight, tooManyStates.binWidth) = (1_000, 1_000, 1)
        #expect(throws: PongDuelConfigurationError.self) { try tooManyStates.validate() }
        #expect(throws: PongDuelConfigurationError.self) { try PongDuel(configuration: tooManyStates) }
    }

    @Test func aFileNeedOnlyListWhatItChanges() throws {
        let decoder = JSONDecoder()
        let fast = try decoder.decode(PongDuelConfiguration.self, from: Data(#"{"court": "fast", "pointsToWin": 5}"#.utf8))
        var expected = PongDuelConfiguration.fast
        expected.pointsToWin = 5
        #expect(fast == expected)
        #expect(try decoder.decode(PongDuelConfiguration.self, from: Data("{}".utf8)) == .classic)
        let encoded = try JSONEncoder().encode(expected)
        #expect(try decoder.decode(PongDuelConfiguration.self, from: encoded) == expected)
        // Numbers too large for an Int are a decoding error, not a trap.
        #expect(throws: DecodingError.self) {
            try decoder.decode(PongDuelConfiguration.self, from: Data(#"{"stepCap": 1e300}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(PongDuelConfiguration.self, from: Data(#"{"court": "wide"}"#.utf8))
        }
    }
}
