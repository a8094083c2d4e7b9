import Foundation
import RLCore
import RLExperiments
import Synchronization

/// How `rl sweep` runs its grid.
public struct SweepOptions: Sendable {
    /// The results file (JSON lines), appended to; runs already in it are skipped.
    public var resultsPath: String
    /// Runs at once, each on its own thread.
    public var jobs: Int
    public var shard: Shard?
    /// A folder for TensorBoard logs: one subfolder per run.
    public var tensorBoard: String?

    public init(resultsPath: String, jobs: Int, shard: Shard? = nil, tensorBoard: String? = nil) {
        self.resultsPath = resultsPath
        self.jobs = jobs
        self.shard = shard
        self.tensorBoard = tensorBoard
    }

    /// The folder beside the results file that holds each run's curve and policy:
    /// `sweep.jsonl` → `sweep.runs/`.
    public var runsFolder: String {
        let url = URL(fileURLWithPath: resultsPath)
        let stem = url.pathExtension.isEmpty ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".runs").path
    }

    /// `runsFolder` as the results file's lines name it (relative to the results file's folder).
    var runsFolderName: String { URL(fileURLWithPath: runsFolder).lastPathComponent }
}

/// What a sweep did.
public struct SweepSummary: Sendable {
    /// Runs of the grid (in this shard).
    public var runs: Int
    /// Runs already in the results file, skipped.
    public var skipped: Int
    /// Runs finished and written now.
    public var finished: Int
    /// Runs that failed, with why.
    public var failures: [String]
    /// Ctrl-C stopped the sweep: the runs in flight were dropped and will run again on a restart.
    public var interrupted: Bool
    public var seconds: Double
    /// Lines of the results file that are not valid results (1-based): their runs were done
    /// again, but `rl report` refuses the file until they are removed.
    public var invalidLines: [Int] = []
}

/// Runs a sweep's runs (those of `options.shard`, minus those already in the results file) on
/// `options.jobs` threads, each run the ordinary single-threaded ``runTraining(_:observe:observeEpisodes:shouldStop:)``
/// with its own table, and appends one results line per finished run.
///
/// Threads rather than processes: a run shares nothing with the others (its own agent, world,
/// generators and files), so threads cost nothing to isolate it, and save a process start and a
/// registry set-up per run, which matters for runs of a fraction of a second.
///
/// - Parameters:
///   - finished: told of each finished run, with how many are done of how many to do; called
///     under the results file's lock, in the order lines are written.
///   - shouldStop: checked between episodes of every run (Ctrl-C): runs in flight stop and are
///     not written, no new run starts.
public func runSweep(
    _ runs: [SweepRun], options: SweepOptions,
    finished: @escaping @Sendable (SweepResult, _ done: Int, _ toDo: Int) -> Void = { _, _, _ in },
    shouldStop: @escaping @Sendable () -> Bool = { false }
) throws(ExperimentError) -> SweepSummary {
    let clock = ContinuousClock()
    let start = clock.now
    let inShard = options.shard.map { shard in runs.filter(shard.contains) } ?? runs
    // Held until the sweep returns: a second sweep on the same results would redo every run
    // this one has not written yet, and append them twice.
    let lock = try ResultsLock(resultsPath: options.resultsPath)
    defer { lock.release() }
    var done: Set<String> = []
    var invalidLines: [Int] = []
    var status = stat()
    if stat(options.resultsPath, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
        // An output first: a device or a folder cannot take results lines.
        throw ExperimentError("cannot write \(options.resultsPath): it is not a regular file", kind: .inputOutput)
    }
    if FileManager.default.fileExists(atPath: options.resultsPath) {
        (done, invalidLines) = try finishedRuns(in: options.resultsPath)
    }
    let toDo = inShard.filter { !done.contains($0.id) }
    let state = try SweepState(resultsPath: options.resultsPath)
    do {
        try FileManager.default.createDirectory(atPath: options.runsFolder, withIntermediateDirectories: true)
    } catch {
        throw ExperimentError("cannot create folder \(options.runsFolder)", kind: .inputOutput)
    }

    let group = DispatchGroup()
    for _ in 0..<max(1, min(options.jobs, toDo.count)) {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            // A write that failed (a full disk) fails every run after it: stop them all.
            let stopping = { @Sendable in shouldStop() || state.writeFailed.load(ordering: .relaxed) }
            while !stopping() {
                let next = state.next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard next < toDo.count else { return }
                let outcome = performRun(toDo[next], options: options, shouldStop: stopping)
                state.sink.withLock { sink in
                    switch outcome {
                    case .finished(let result):
                        do throws(ExperimentError) {
                            try sink.writer.append(result)
                            sink.finished += 1
                            finished(result, sink.finished, toDo.count)
                        } catch {
                            if sink.writeFailure == nil { sink.writeFailure = error }
                            state.writeFailed.store(true, ordering: .relaxed)
                        }
                    case .failedToWrite(let message):
                        if sink.writeFailure == nil { sink.writeFailure = ExperimentError(message, kind: .inputOutput) }
                        state.writeFailed.store(true, ordering: .relaxed)
                    case .failed(let message):
                        sink.failures.append(
                            "\(toDo[next].id) (\(toDo[next].world), \(toDo[next].agent), seed \(toDo[next].seed)): \(message)")
                    case .interrupted:
                        break
                    }
                }
            }
        }
        // Room for deep generic code: secondary threads get a small stack by default.
        thread.stackSize = 16 << 20
        thread.start()
    }
    group.wait()
    let (finishedCount, failures, closing, writeFailure) = state.sink.withLock { sink in
        let closing = Result { () throws(ExperimentError) in try sink.writer.close() }
        return (sink.finished, sink.failures, closing, sink.writeFailure)
    }
    // One line for the sweep, not one per run: the runs not written are run again next time.
    if let writeFailure { throw writeFailure }
    try closing.get()
    return SweepSummary(
        runs: inShard.count, skipped: inShard.count - toDo.count, finished: finishedCount,
        failures: failures, interrupted: shouldStop() && finishedCount + failures.count < toDo.count,
        seconds: seconds(clock.now - start), invalidLines: invalidLines)
}

/// The ids of the runs a results file holds, read as `rl report` reads them: a line counts only
/// if it is a whole, valid result (``SweepResult/problem``). Other lines (damaged, or with a
/// readable id but a bad body) are listed by number, and their runs are done again.
func finishedRuns(in path: String) throws(ExperimentError) -> (ids: Set<String>, invalidLines: [Int]) {
    let decoder = JSONDecoder()
    var ids: Set<String> = []
    var invalid: [Int] = []
    // The last line without its newline is a writer's unfinished line: the writer cuts it off.
    for (number, line) in JSONLines.completeLines(in: try readBytes(path)).lines.enumerated() {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        guard let result = try? decoder.decode(SweepResult.self, from: Data(line)), result.problem == nil else {
            invalid.append(number + 1)
            continue
        }
        ids.insert(result.id)
    }
    return (ids, invalid)
}

/// What the sweep's threads share: the next run to take, and the results file.
private final class SweepState: Sendable {
    let next = Atomic<Int>(0)
    let writeFailed = Atomic<Bool>(false)
    let sink: Mutex<Sink>

    struct Sink {
        var writer: JSONLinesWriter
        var finished = 0
        var failures: [String] = []
        /// The first output that could not be written, which stops the sweep.
        var writeFailure: ExperimentError?
    }

    init(resultsPath: String) throws(ExperimentError) {
        sink = Mutex(Sink(writer: try JSONLinesWriter(path: resultsPath, durability: .syncEachLine)))
    }
}

private enum RunOutcome {
    case finished(SweepResult)
    case failed(String)
    /// A file of the run could not be written: the disk, not the run, is at fault.
    case failedToWrite(String)
    case interrupted
}

/// One run: training with its final evaluation, its CSV curve, policy and TensorBoard log.
private func performRun(_ run: SweepRun, options sweep: SweepOptions, shouldStop: @escaping @Sendable () -> Bool) -> RunOutcome {
    let clock = ContinuousClock()
    let start = clock.now
    var options = run.options
    let folder = URL(fileURLWithPath: sweep.runsFolder)
    options.outputPath = folder.appendingPathComponent(run.id + ".safetensors").path
    // A planner solves the world from its model: no episodes, so no curve.
    let plans = Registry.planner(run.agent) != nil
    options.logPath = plans ? nil : folder.appendingPathComponent(run.id + ".csv").path
    var logs: RunLogs?
    if let board = sweep.tensorBoard {
        let directory = URL(fileURLWithPath: board).appendingPathComponent(tensorBoardRunName(run)).path
        // A run that was stopped earlier starts again from scratch: so does its log.
        try? FileManager.default.removeItem(atPath: directory)
        do { logs = try RunLogs(tensorBoard: directory, progressPath: nil) } catch { return .failedToWrite(error.message) }
    }
    let outcome: TrainingOutcome
    do {
        outcome = try runTraining(
            options, observe: { logs?.handle($0) },
            observeEpisodes: logs.map { logs in { logs.episode($0) } }, shouldStop: shouldStop)
    } catch {
        _ = logs?.finish()
        if case .file(let file) = error, file.kind == .inputOutput { return .failedToWrite(error.message) }
        return .failed(error.message)
    }
    if let failure = logs?.finish() { return .failedToWrite(failure) }
    if outcome.interrupted { return .interrupted }
    var finalEvaluation = outcome.lastEvaluation
    if finalEvaluation?.episodes != options.episodes {
        // No evaluation at the end of training (a planner): evaluate the saved policy, seeded as
        // training's own final evaluation would have been, which is `rl eval --seed <seed>`'s.
        do {
            let report = try evaluatePolicy(
                LoadedPolicy(path: options.outputPath), episodes: options.evaluationEpisodes,
                seed: options.seed, shouldStop: shouldStop)
            if shouldStop() { return .interrupted }
            finalEvaluation = EvaluationPoint(
                episodes: options.steps == nil ? options.episodes : outcome.episodes, evaluationEpisodes: report.episodes,
                meanReturn: report.meanReturn, meanSteps: report.meanSteps, metrics: report.metricValues)
        } catch {
            return .failed(error.message)
        }
    }
    guard let evaluation = finalEvaluation else { return .failed("the run ended without its final evaluation") }
    var values = evaluation.metrics
    values["return"] = evaluation.meanReturn
    values["steps"] = evaluation.meanSteps
    guard let final = values[run.mainMetric] else {
        return .failed("world \(run.world) names '\(run.mainMetric)' as its main metric, which its evaluation lacks")
    }
    let resolved = JSONValue.object([
        "configuration": JSONValue(parsing: options.configuration),
        "agent_settings": JSONValue(parsing: options.agentSettings),
        "hyperparameters": JSONValue(parsing: JSONText.encode(options.hyperparameters)),
    ])
    return .finished(
        SweepResult(
            id: run.id, env: run.world, agent: run.agent, seed: run.seed, settings: run.settings, metric: run.mainMetric,
            final: final, evaluation: values, episodes: outcome.episodes, steps: outcome.steps, stepsRequested: options.steps,
            seconds: seconds(clock.now - start), trainingSeconds: outcome.seconds,
            curve: plans ? "" : sweep.runsFolderName + "/" + run.id + ".csv",
            policy: sweep.runsFolderName + "/" + run.id + ".safetensors", resolved: resolved))
}

/// A run's TensorBoard folder: readable in TensorBoard's run list, unique by the id.
func tensorBoardRunName(_ run: SweepRun) -> String {
    let settings = run.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return ([run.world, run.agent] + settings + ["seed\(run.seed)", run.id]).joined(separator: ",")
}

/// An exclusive `flock` on a lock file beside a results file (`sweep.jsonl.lock`), so one sweep
/// at a time appends to it. The lock file stays: removing it would let a third sweep lock a new
/// file while the second still holds the old one.
final class ResultsLock {
    private var descriptor: Int32

    init(resultsPath: String) throws(ExperimentError) {
        let path = resultsPath + ".lock"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ExperimentError("cannot write \(path): \(String(cString: strerror(errno)))", kind: .inputOutput)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            descriptor = -1
            throw busy
                ? ExperimentError(
                    "another rl sweep is writing \(resultsPath) (it holds \(path)): wait for it to finish, or give another --out",
                    kind: .busy)
                : ExperimentError("cannot lock \(path): \(reason)", kind: .inputOutput)
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
