import RLCore

/// A training log read back for plotting: one value per episode, and the greedy evaluations
/// when the run had `--eval-every`.
public struct LearningCurve: Sendable, Equatable {
    public var episodes: [Int]
    public var returns: [Double]
    public var steps: [Double]
    /// (episode, greedy mean return, greedy mean steps) of each evaluation.
    public var evaluations: [(episode: Int, meanReturn: Double, meanSteps: Double)]

    public static func == (a: LearningCurve, b: LearningCurve) -> Bool {
        a.episodes == b.episodes && a.returns == b.returns && a.steps == b.steps
            && a.evaluations.elementsEqual(b.evaluations) { $0 == $1 }
    }

    public init(
        episodes: [Int], returns: [Double], steps: [Double], evaluations: [(episode: Int, meanReturn: Double, meanSteps: Double)] = []
    ) {
        self.episodes = episodes
        self.returns = returns
        self.steps = steps
        self.evaluations = evaluations
    }

    /// Parses the CSV that `rl train --log` writes. Only `episode`, `return` and `steps` are
    /// required, in any order; `eval_return` and `eval_steps` are read when present.
    /// - Throws: one line naming the file's problem (missing column, bad number, no rows).
    public init(csv text: String, name: String = "the log") throws(InspectionError) {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw InspectionError("\(name) is empty: expected a CSV header (episode,return,steps,...)") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let required = ["episode", "return", "steps"]
        let missing = required.filter { column($0) == nil }
        guard missing.isEmpty, let episodeColumn = column("episode"), let returnColumn = column("return"), let stepsColumn = column("steps")
        else {
            throw InspectionError(
                "\(name) has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")) (its header is: \(header.joined(separator: ",")))"
            )
        }
        let evaluationColumns = column("eval_return").flatMap { returnIndex in column("eval_steps").map { (returnIndex, $0) } }
        self.init(episodes: [], returns: [], steps: [])
        for (offset, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let lineNumber = offset + 2
            guard fields.count == header.count else {
                throw InspectionError("\(name), line \(lineNumber): \(fields.count) fields, but the header has \(header.count)")
            }
            func number(_ index: Int) throws(InspectionError) -> Double {
                guard let value = Double(fields[index]), value.isFinite else {
                    throw InspectionError("\(name), line \(lineNumber): '\(fields[index])' in column '\(header[index])' is not a number")
                }
                // Beyond this a moving sum or an axis range could overflow to infinity.
                guard abs(value) <= 1e15 else {
                    throw InspectionError(
                        "\(name), line \(lineNumber): '\(fields[index])' in column '\(header[index])' is out of range (±1e15)")
                }
                return value
            }
            guard let episode = Int(fields[episodeColumn]), episode >= 0, episode <= 1_000_000_000_000 else {
                throw InspectionError(
                    "\(name), line \(lineNumber): '\(fields[episodeColumn])' in column 'episode' is not a whole number in 0...1000000000000"
                )
            }
            episodes.append(episode)
            returns.append(try number(returnColumn))
            steps.append(try number(stepsColumn))
            if let (returnIndex, stepsIndex) = evaluationColumns, !fields[returnIndex].isEmpty {
                evaluations.append((episode, try number(returnIndex), try number(stepsIndex)))
            }
        }
        guard !episodes.isEmpty else { throw InspectionError("\(name) has a header but no episodes") }
    }
}

/// The trailing moving average: entry i is the mean of values[max(0, i − window + 1)...i], so
/// the curve starts at the first episode instead of `window` episodes in.
/// - Precondition: `window > 0` (``MovingWindow`` checks it).
public func movingAverage(_ values: [Double], window: Int) -> [Double] {
    var recent = MovingWindow(capacity: window)
    return values.map { value in
        recent.push(value)
        return recent.mean
    }
}
