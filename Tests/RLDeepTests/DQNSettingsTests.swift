import RLCore
import Testing

@testable import RLDeep

@Suite struct DQNSettingsTests {
    @Test func theDefaultsAreTheZoosCartPole() throws {
        let settings = DQNSettings()
        #expect(settings.hiddenLayers == [256, 256] && settings.activation == .relu)
        #expect(settings.batchSize == 64 && settings.bufferSize == 100_000 && settings.learningStarts == 1000)
        #expect(settings.trainFrequency == 256 && settings.gradientSteps == 128 && settings.targetUpdateInterval == 10)
        #expect(settings.tau == 1 && settings.maxGradientNorm == 10 && settings.adamEpsilon == 1e-8 && !settings.doubleQ)
        try settings.validate()
        try settings.validate(inputWidth: 4, actionCount: 2)
    }

    func apply(_ name: String, _ value: String?, to settings: inout DQNSettings) throws(SettingError) {
        let flag = DQNSettings.flags.first { $0.name == name }!
        try flag.apply(&settings, value)
    }

    @Test func flagsSetEverySetting() throws {
        var settings = DQNSettings()
        try apply("hidden", "64,32,16", to: &settings)
        try apply("activation", "tanh", to: &settings)
        try apply("batch-size", "32", to: &settings)
        try apply("buffer-size", "5000", to: &settings)
        try apply("learning-starts", "0", to: &settings)
        try apply("train-frequency", "4", to: &settings)
        try apply("gradient-steps", "1", to: &settings)
        try apply("target-update-interval", "500", to: &settings)
        try apply("tau", "0.005", to: &settings)
        try apply("max-grad-norm", "0.5", to: &settings)
        try apply("adam-epsilon", "1e-5", to: &settings)
        try apply("double", nil, to: &settings)
        #expect(settings.hiddenLayers == [64, 32, 16] && settings.activation == .tanh)
        #expect(settings.batchSize == 32 && settings.bufferSize == 5000 && settings.learningStarts == 0)
        #expect(settings.trainFrequency == 4 && settings.gradientSteps == 1 && settings.targetUpdateInterval == 500)
        #expect(settings.tau == 0.005 && settings.maxGradientNorm == 0.5 && settings.adamEpsilon == 1e-5 && settings.doubleQ)
        try apply("hidden", "", to: &settings)
        #expect(settings.hiddenLayers == [])
        try settings.validate()
    }

    @Test func badFlagsAreRefusedInOneLine() {
        var settings = DQNSettings()
        for (name, value) in [("hidden", "256,x"), ("hidden", "5000"), ("hidden", "1,1,1,1,1,1,1,1,1"), ("activation", "sigmoid")] {
            #expect(throws: SettingError.self) { try apply(name, value, to: &settings) }
        }
        #expect(throws: SettingError.self) { try apply("buffer-size", "20000000", to: &settings) }
        #expect(settings == DQNSettings())
    }

    @Test func validateRefusesWhatWouldNotFit() {
        var settings = DQNSettings()
        settings.bufferSize = 1_000_000_000
        #expect(throws: SettingError.self) { try settings.validate() }
        do {
            try settings.validate()
        } catch {
            #expect(error.message.contains("GiB") && !error.message.contains("\n"))
        }
        // Within the row bound, but 10⁷ rows of a 30,000-input observation is terabytes.
        settings.bufferSize = 10_000_000
        do {
            try settings.validate(inputWidth: 30_000, actionCount: 4)
            Issue.record("a buffer of terabytes was accepted")
        } catch {
            #expect(error.message.contains("replay buffer") && error.message.contains("TiB"))
        }
        // Eight 4096-wide layers: 134 million parameters, 2.5 GiB with Adam and the target, plus the buffer.
        settings = DQNSettings()
        settings.hiddenLayers = Array(repeating: 4096, count: 8)
        settings.bufferSize = 5_000_000
        do {
            try settings.validate(inputWidth: 64, actionCount: 4)
            Issue.record("networks beyond the bound were accepted")
        } catch {
            #expect(error.message.contains("parameters") && error.message.contains("GiB"))
        }
        settings = DQNSettings()
        settings.tau = 0
        #expect(throws: SettingError.self) { try settings.validate() }
        settings = DQNSettings()
        settings.hiddenLayers = [0]
        #expect(throws: SettingError.self) { try settings.validate() }
        settings = DQNSettings()
        settings.batchSize = 0
        #expect(throws: SettingError.self) { try settings.validate() }
    }
}
