import RLPong
import Testing

@Suite struct PongConfigurationTests {
    @Test func theReferenceCourtIsValid() throws {
        try PongConfiguration().validate()
        try PongConfiguration(observation: .classic, allowsStay: true).validate()
    }

    /// Every integer field set to extremes (Int.max, Int.min, 2^62 and just past each bound) is
    /// refused with an error, never a trap from the arithmetic of the check itself.
    @Test(arguments: [Int.max, Int.min, 1 << 62, -(1 << 62), PongConfiguration.Limits.size + 1, 0, -1])
    func extremeNumbersAreRefusedWithoutOverflow(value: Int) {
        let fields: [WritableKeyPath<PongConfiguration, Int>] = [
            \.courtWidth, \.courtHeight, \.movementStep, \.paddleHeight, \.paddleLineX, \.serveTopMargin, \.lives, \.stepCap,
        ]
        for field in fields {
            var configuration = PongConfiguration()
            configuration[keyPath: field] = value
            // 0 is a legitimate paddle line and serve margin, and 10001 a legitimate step cap;
            // everything else here is out of bounds.
            if value == 0 && (field == \.paddleLineX || field == \.serveTopMargin) { continue }
            if value == PongConfiguration.Limits.size + 1 && field == \.stepCap { continue }
            #expect(throws: PongConfigurationError.self, "\(field) = \(value)") { try configuration.validate() }
        }
    }

    @Test func theBoundsAreInclusive() throws {
        var large = PongConfiguration()
        large.courtWidth = PongConfiguration.Limits.size
        large.courtHeight = PongConfiguration.Limits.size
        large.paddleHeight = PongConfiguration.Limits.size / 2
        large.stepCap = PongConfiguration.Limits.stepCap
        large.lives = PongConfiguration.Limits.lives
        try large.validate()
        large.stepCap += 1
        #expect(throws: PongConfigurationError.self) { try large.validate() }
        var radius = PongConfiguration()
        for bad in [Double.nan, .infinity, -1, 1e300] {
            radius.ballRadius = bad
            #expect(throws: PongConfigurationError.self) { try radius.validate() }
        }
    }
}
