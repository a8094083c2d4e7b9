import Foundation
import RLApp
import RLCliffWalking
import RLPong
import RLTabular
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Mutated policy files, from a fixed seed: truncations, bit flips, header lengths, JSON edits,
/// huge and negative numbers, duplicate keys, non-UTF-8 bytes, deep nesting, NaN tensors and
/// extreme configurations. Every case goes through the library (`LoadedPolicy`: decoding, then
/// rebuilding and checking the environment); the first few hundred also through the real `rl`
/// (`inspect` and `eval --episodes 1`). A bad file must be one line on stderr and a non-zero
/// exit; a file that is still valid must play within a time bound. docs/FUZZING.md says how to
/// run more cases.
@Suite(.serialized) struct PolicyFuzzTests {
    /// `RL_FUZZ_CASES` (library cases), `RL_FUZZ_CLI_CASES` (files run through the binary, each
    /// twice) and `RL_FUZZ_SEED`, read from the environment.
    static func setting(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.map { max(0, $0) } ?? fallback
    }
    static let libraryCases = setting("RL_FUZZ_CASES", 3000)
    static let commandLineCases = setting("RL_FUZZ_CLI_CASES", 200)
    static let seed = UInt64(setting("RL_FUZZ_SEED", 2026))
    /// Seconds a valid file may take to play one episode in a debug build.
    static let timeBound = 60.0

    /// Small valid policies to mutate: small tables keep each case fast.
    static let corpus: [[UInt8]] = {
        let folder = temporaryFolder()
        var small = PongConfiguration(observation: .markov)
        small.courtWidth = 20
        small.courtHeight = 16
        small.paddleHeight = 4
        var classic = PongConfiguration(observation: .classic, allowsStay: true)
        classic.courtWidth = 24
        classic.courtHeight = 18
        classic.paddleHeight = 4
        // Every kind of file: both observations, agents with extra tensors and settings, and a
        // run interrupted half-way (its training state is read back by --resume).
        let runs: [TrainingOptions] = [
            TrainingOptions(PongWorld.self, configuration: small, episodes: 30, seed: 1, hyperparameters: .tutorial, outputPath: ""),
            TrainingOptions(
                PongWorld.self, configuration: classic, agent: "double-q-learning", episodes: 30, seed: 2,
                hyperparameters: .tutorial, outputPath: ""),
            TrainingOptions(
                CliffWalkingWorld.self, agent: "dyna-q", agentSettings: DynaQSettings(planningSteps: 2), episodes: 30, seed: 3,
                outputPath: ""),
            TrainingOptions(
                MaximizationBiasWorld.self, agent: "sarsa-lambda", agentSettings: SarsaLambdaSettings(lambda: 0.5),
                episodes: 30, seed: 4, outputPath: ""),
        ]
        return runs.enumerated().map { index, options in
            var options = options
            options.outputPath = folder + "/seed-\(index).safetensors"
            var played = 0
            _ = try! runTraining(
                options,
                shouldStop: {
                    played += 1; return index == 3 && played == 20
                })
            return Array(FileManager.default.contents(atPath: options.outputPath)!)
        }
    }()

    /// What the library says of a file: nil when it loads, else its one-line message.
    static func libraryVerdict(_ bytes: [UInt8], at path: String) -> String? {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        do { _ = try LoadedPolicy(path: path); return nil } catch { return error.message }
    }

    @Test func mutatedFilesNeverTrapInTheLibrary() throws {
        var generator = PolicyMutator(seed: Self.seed, corpus: Self.corpus)
        let path = temporaryFolder() + "/case.safetensors"
        var failures: [String] = []
        var valid = 0
        var messages: [String: Int] = [:]
        for index in 0..<Self.libraryCases {
            let (bytes, description) = generator.next()
            let verdict = Self.libraryVerdict(bytes, at: path)
            if verdict == nil { valid += 1 }
            // The message without its numbers and names, to count kinds of refusal.
            let message = (verdict ?? "valid").replacingOccurrences(of: path, with: "FILE")
            messages[String(message.prefix(while: { !$0.isNumber && $0 != "'" })), default: 0] += 1
            if let verdict, verdict.isEmpty || verdict.contains("\n") {
                failures.append("case \(index) (\(description)): not one line: \(verdict.debugDescription)")
            }
            // The same bytes, the same verdict.
            if Self.libraryVerdict(bytes, at: path) != verdict {
                failures.append("case \(index) (\(description)): the verdict changed between two reads")
            }
        }
        if ProcessInfo.processInfo.environment["RL_FUZZ_VERBOSE"] != nil {
            for (message, count) in messages.sorted(by: { $0.value > $1.value }) { print("\(count)\t\(message)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
        // The mutations are not all fatal: some files stay valid and are played below.
        #expect(Self.libraryCases < 100 || (valid > 0 && valid < Self.libraryCases), "\(valid) of \(Self.libraryCases) valid")
    }

    @Test func mutatedFilesThroughTheBinaryAreOneLineOrPlay() throws {
        var generator = PolicyMutator(seed: Self.seed, corpus: Self.corpus)
        let folder = temporaryFolder()
        var failures: [String] = []
        for index in 0..<Self.commandLineCases {
            let (bytes, description) = generator.next()
            let valid = Self.libraryVerdict(bytes, at: folder + "/library.safetensors") == nil
            precondition(FileManager.default.createFile(atPath: folder + "/p.safetensors", contents: Data(bytes)))
            let commands = [["inspect", "p.safetensors", "--summary-only"], ["eval", "p.safetensors", "--episodes", "1"]]
            for arguments in commands {
                let run = try BoundedRun(arguments, in: folder, seconds: Self.timeBound)
                let name = "case \(index) (\(description)), rl \(arguments[0])"
                if let problem = run.problem(expectingSuccess: valid) { failures.append("\(name): \(problem)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// The largest valid numbers: a 10-million-step episode in which the ball can never be
    /// missed still ends, within the bound, with a report.
    @Test func anExtremeButValidConfigurationPlaysWithinTheBound() throws {
        let bytes = PolicyMutator.settingJSON(in: Self.corpus[0], field: "configuration") { object in
            object["step_cap"] = PongConfiguration.Limits.stepCap
            object["ball_radius"] = Double(PongConfiguration.Limits.size)
            object["hit_reward"] = PongConfiguration.Limits.reward
            object["lives"] = PongConfiguration.Limits.lives
            object["winning_score"] = PongConfiguration.Limits.winningScore
        }!
        #expect(Self.libraryVerdict(bytes, at: temporaryFolder() + "/x.safetensors") == nil)
        let folder = PolicyFixtures.folder(with: bytes)
        let run = try BoundedRun(["eval", "p.safetensors", "--episodes", "1"], in: folder, seconds: Self.timeBound)
        #expect(run.problem(expectingSuccess: true) == nil, "\(run.problem(expectingSuccess: true) ?? "")")
        #expect(run.standardOutput.contains("100.0% truncated by the step cap"), "\(run.standardOutput)")
    }
}

/// A run of `rl` that is killed when it takes too long.
struct BoundedRun {
    var status: Int32
    var killedBySignal: Bool
    var timedOut: Bool
    var standardOutput: String
    var standardError: String

    init(_ arguments: [String], in folder: String, seconds: Double) throws {
        let (process, output, error) = try RL.start(arguments, in: folder)
        let deadline = DispatchTime.now() + seconds
        let expired = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: expired)
        // Read both pipes at once, so a child filling one of them cannot block.
        nonisolated(unsafe) var errorData = Data()
        let errorRead = DispatchGroup()
        errorRead.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            errorRead.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        expired.cancel()
        timedOut = DispatchTime.now() >= deadline
        killedBySignal = process.terminationReason == .uncaughtSignal
        status = process.terminationStatus
        standardOutput = String(decoding: outputData, as: UTF8.self)
        standardError = String(decoding: errorData, as: UTF8.self)
    }

    /// What is wrong with the run, if anything: a valid file plays (exit 0); a bad one is one
    /// `error:` line and a non-zero exit; never a signal, a trap or a hang.
    func problem(expectingSuccess: Bool) -> String? {
        if timedOut { return "still running after the time bound" }
        if killedBySignal { return "killed by signal \(status): \(standardError.prefix(300))" }
        let lines = standardError.split(separator: "\n")
        if expectingSuccess {
            return status == 0 ? nil : "a valid file failed (\(status)): \(standardError.prefix(300))"
        }
        if status == 0 { return "an invalid file was accepted" }
        guard lines.count == 1, lines[0].hasPrefix("error: ") else { return "not one error line: \(standardError.prefix(300))" }
        return nil
    }
}

/// SplitMix64: a tiny seeded generator, so the cases are the same on every machine.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
}

/// Makes mutated policy files from valid ones.
struct PolicyMutator {
    var random: SplitMix64
    let corpus: [[UInt8]]

    init(seed: UInt64, corpus: [[UInt8]]) {
        random = SplitMix64(state: seed)
        self.corpus = corpus
    }

    /// Numbers that break careless code.
    static var extremeIntegers: [Any] {
        [
            Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62, -(1 << 62), 1 << 53, (1 << 53) + 1, Int(Int32.max) + 1,
            -1, 0, 1, 2, 10_000, 10_001, 10_000_000, 10_000_001, 1_000, 1_001,
        ]
    }
    static var extremeValues: [Any] {
        extremeIntegers + [
            1e308, -1e308, 1e-308, 0.5, -0.0, 2.5, 9.999e15, "NaN", "Infinity", "-1", "x", NSNull(), true, false, [] as [Any],
            [:] as [String: Any], [1, 2],
        ]
    }
    /// Raw JSON numbers JSONSerialization cannot write.
    static let rawNumbers = [
        "1e400", "-1e400", "99999999999999999999999", "-99999999999999999999999", "1.0e-400", "-0", "0.0000001", "NaN", "Infinity", "0x10",
        "01",
    ]

    /// The next case and a few words saying what was done to it.
    mutating func next() -> (bytes: [UInt8], description: String) {
        var bytes = random.pick(corpus)
        var done: [String] = []
        for _ in 0..<(1 + random.below(3)) {
            let (mutated, description) = mutate(bytes)
            bytes = mutated
            done.append(description)
        }
        return (bytes, done.joined(separator: ", "))
    }

    mutating func mutate(_ bytes: [UInt8]) -> ([UInt8], String) {
        switch random.below(14) {
        case 0:
            let length = random.chance(0.5) ? random.below(min(bytes.count, 200)) : random.below(bytes.count + 1)
            return (Array(bytes.prefix(length)), "truncated to \(length)")
        case 1:
            var flipped = bytes
            let count = 1 + random.below(8)
            // Most flips in the header, where the structure is.
            let headerEnd = Int(min(UInt64(bytes.count), 8 &+ (Self.headerLength(bytes) ?? 0)))
            for _ in 0..<count where !flipped.isEmpty {
                let index = random.chance(0.7) && headerEnd > 0 ? random.below(headerEnd) : random.below(flipped.count)
                flipped[index] ^= UInt8(1) << UInt8(random.below(8))
            }
            return (flipped, "\(count) bit flips")
        case 2:
            guard bytes.count >= 8 else { return (bytes, "short") }
            let current = Self.headerLength(bytes) ?? 0
            let length: UInt64 = random.pick([
                0, 1, 7, current &- 1, current &+ 1, current &+ 8, UInt64(bytes.count), UInt64(bytes.count - 7),
                100_000_001, UInt64(Int64.max), UInt64.max, UInt64(1) << 63,
            ])
            var changed = bytes
            for byte in 0..<8 { changed[byte] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(byte))) }
            return (changed, "header length \(length)")
        case 3:
            return editTensorEntry(bytes)
        case 4, 5:
            return editMetadataJSON(bytes)
        case 6:
            return editMetadataString(bytes)
        case 7:
            return rawHeaderEdit(bytes)
        case 8:
            return duplicateKey(bytes)
        case 9:
            return nonUTF8(bytes)
        case 10:
            return deepNesting(bytes)
        case 11:
            return poisonTensorData(bytes)
        case 12:
            return extremeConfiguration(bytes)
        default:
            return extraTensor(bytes)
        }
    }

    // MARK: The file's parts

    static func headerLength(_ bytes: [UInt8]) -> UInt64? {
        guard bytes.count >= 8 else { return nil }
        return bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    /// The header's bytes and the data, when the length is in bounds.
    static func parts(_ bytes: [UInt8]) -> (header: [UInt8], data: [UInt8])? {
        guard let length = headerLength(bytes), length <= UInt64(bytes.count - 8) else { return nil }
        let end = 8 + Int(length)
        return (Array(bytes[8..<end]), Array(bytes[end...]))
    }

    static func assemble(header: [UInt8], data: [UInt8]) -> [UInt8] {
        let length = UInt64(header.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + header + data
    }

    /// The header as a JSON object, edited, written back; nil when it does not parse.
    static func editingHeader(_ bytes: [UInt8], _ edit: (inout [String: Any]) -> Void) -> [UInt8]? {
        guard let (header, data) = parts(bytes),
            var object = (try? JSONSerialization.jsonObject(with: Data(header))) as? [String: Any]
        else { return nil }
        edit(&object)
        guard let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return assemble(header: Array(json), data: data)
    }

    /// One JSON-valued metadata string (`configuration`, `summary`, ...) edited.
    static func settingJSON(in bytes: [UInt8], field: String, _ edit: (inout [String: Any]) -> Void) -> [UInt8]? {
        var failed = false
        let result = editingHeader(bytes) { header in
            guard var metadata = header["__metadata__"] as? [String: String], let text = metadata[field],
                var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            else { failed = true; return }
            edit(&object)
            guard let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { failed = true; return }
            metadata[field] = String(decoding: json, as: UTF8.self)
            header["__metadata__"] = metadata
        }
        return failed ? nil : result
    }

    // MARK: Mutations

    mutating func editTensorEntry(_ bytes: [UInt8]) -> ([UInt8], String) {
        let tensor = random.pick(["q", "visits"])
        let key = random.pick(["dtype", "shape", "data_offsets", nil])
        var value: Any
        switch key {
        case "dtype": value = random.pick(["F64", "F32", "I64", "I32", "U64", "U8", "F16", "BF16", "", "f64", 64] as [Any])
        case "shape": value = random.pick([[], [0], [-1], [1 << 62, 1 << 62], [Int.max, 2], [2, 3, 2], [1.5], ["2"], 3] as [Any])
        case "data_offsets":
            value = random.pick(
                [[0, 0], [-8, 8], [8, 0], [0, Int.max], [Int.min, 0], [0], [0, 8, 16], ["0", "8"], [1e300, 1e301]] as [Any])
        default: value = random.pick([NSNull(), "q", [] as [Any], 7] as [Any])
        }
        let edited = Self.editingHeader(bytes) { header in
            if let key, var entry = header[tensor] as? [String: Any] {
                entry[key] = value
                header[tensor] = entry
            } else {
                header[tensor] = value is NSNull ? nil : value
            }
        }
        return edited.map { ($0, "tensor \(tensor).\(key ?? "itself") = \(value)") } ?? truncateRandomly(bytes)
    }

    mutating func editMetadataJSON(_ bytes: [UInt8]) -> ([UInt8], String) {
        let field = random.pick(["configuration", "summary", "hyperparameters"])
        let value = random.pick(Self.extremeValues)
        var changed = ""
        let edited = Self.settingJSON(in: bytes, field: field) { object in
            let keys = object.keys.sorted()
            guard !keys.isEmpty else { return }
            var key = random.pick(keys)
            if random.chance(0.1) { key = "unknown_key" }
            if random.chance(0.1) { object[key] = nil; changed = "removed \(key)"; return }
            // Schedules are objects: reach into them too.
            if var inner = object[key] as? [String: Any], !inner.isEmpty, random.chance(0.7) {
                inner[random.pick(inner.keys.sorted())] = value
                object[key] = inner
                changed = "\(key).* = \(value)"
                return
            }
            object[key] = value
            changed = "\(key) = \(value)"
        }
        return edited.map { ($0, "\(field): \(changed)") } ?? truncateRandomly(bytes)
    }

    mutating func editMetadataString(_ bytes: [UInt8]) -> ([UInt8], String) {
        let field = random.pick([
            "format_version", "seed", "environment", "observation", "actions", "state_dimensions",
            "episodes_trained", "configuration", "summary", "hyperparameters", "__metadata__",
        ])
        let value = random.pick([
            "", "0", "2", "-1", "1.0", "18446744073709551616", "99999999999999999999", "cliff-walking", "pong",
            "classic", "markov", "chess", "[]", "[\"up\"]", "[\"down\",\"up\"]", "{}", "null", "\u{0}", "é", "1e400",
        ])
        let edited = Self.editingHeader(bytes) { header in
            if field == "__metadata__" {
                header["__metadata__"] = random.pick([NSNull(), "x", ["a": 1], [] as [Any]] as [Any])
                return
            }
            guard var metadata = header["__metadata__"] as? [String: String] else { return }
            metadata[field] = random.chance(0.15) ? nil : value
            header["__metadata__"] = metadata
        }
        return edited.map { ($0, "metadata \(field) = \(value.debugDescription)") } ?? truncateRandomly(bytes)
    }

    /// Replaces a number in the header's text with one JSONSerialization would not write.
    mutating func rawHeaderEdit(_ bytes: [UInt8]) -> ([UInt8], String) {
        guard let (header, data) = Self.parts(bytes) else { return truncateRandomly(bytes) }
        let digits = header.indices.filter { (48...57).contains(header[$0]) && !(48...57).contains(header[max(0, $0 - 1)]) }
        guard !digits.isEmpty else { return truncateRandomly(bytes) }
        let start = random.pick(digits)
        var end = start
        while end < header.count && (48...57).contains(header[end]) { end += 1 }
        let number = random.pick(Self.rawNumbers)
        var edited = header
        edited.replaceSubrange(start..<end, with: Array(number.utf8))
        return (Self.assemble(header: edited, data: data), "raw number \(number)")
    }

    /// A key twice in one JSON object: a second `q`, `__metadata__` or `format_version`.
    mutating func duplicateKey(_ bytes: [UInt8]) -> ([UInt8], String) {
        guard let (header, data) = Self.parts(bytes), header.first == UInt8(ascii: "{") else { return truncateRandomly(bytes) }
        let duplicate = random.pick([
            "\"q\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},",
            "\"visits\":{\"dtype\":\"I64\",\"shape\":[0],\"data_offsets\":[0,0]},",
            "\"__metadata__\":{\"format_version\":\"1\"},",
            "\"__metadata__\":{},",
        ])
        let edited = Array(header.prefix(1)) + Array(duplicate.utf8) + Array(header.dropFirst())
        return (Self.assemble(header: edited, data: data), "duplicate key \(duplicate.prefix(16))")
    }

    /// Bytes that are not UTF-8, inside a string of the header.
    mutating func nonUTF8(_ bytes: [UInt8]) -> ([UInt8], String) {
        guard let (header, data) = Self.parts(bytes) else { return truncateRandomly(bytes) }
        let quotes = header.indices.filter { header[$0] == UInt8(ascii: "\"") }
        guard !quotes.isEmpty else { return truncateRandomly(bytes) }
        let position = random.pick(quotes) + 1
        let junk = random.pick(
            [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x00], [0xC0, 0xAF]] as [[UInt8]])
        var edited = header
        edited.insert(contentsOf: junk, at: min(position, edited.count))
        return (Self.assemble(header: edited, data: data), "non-UTF-8 \(junk)")
    }

    /// Arrays nested thousands deep: in the header itself, or in a metadata JSON string.
    mutating func deepNesting(_ bytes: [UInt8]) -> ([UInt8], String) {
        let depth = random.pick([100, 1_000, 10_000, 100_000])
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        if random.chance(0.5), let (header, data) = Self.parts(bytes), header.first == UInt8(ascii: "{") {
            let edited = Array("{\"deep\":\(nested),".utf8) + Array(header.dropFirst())
            return (Self.assemble(header: edited, data: data), "header nested \(depth) deep")
        }
        let field = random.pick(["configuration", "summary", "hyperparameters", "actions"])
        let edited = Self.editingHeader(bytes) { header in
            guard var metadata = header["__metadata__"] as? [String: String] else { return }
            metadata[field] = nested
            header["__metadata__"] = metadata
        }
        return edited.map { ($0, "\(field) nested \(depth) deep") } ?? truncateRandomly(bytes)
    }

    /// NaN, infinities or negative counts written into the tensors' data.
    mutating func poisonTensorData(_ bytes: [UInt8]) -> ([UInt8], String) {
        guard let (header, data) = Self.parts(bytes), data.count >= 16 else { return truncateRandomly(bytes) }
        let patterns: [(String, UInt64)] = [
            ("NaN", Double.nan.bitPattern), ("signalling NaN", 0x7FF0_0000_0000_0001), ("+inf", Double.infinity.bitPattern),
            ("-inf", (-Double.infinity).bitPattern), ("largest", Double.greatestFiniteMagnitude.bitPattern),
            ("subnormal", 1), ("-1", UInt64(bitPattern: -1)), ("Int64.min", UInt64(bitPattern: Int64.min)),
            // Past the bounds a resumed run could wrap or overflow (issue 18): refused when read.
            ("Int64.max", UInt64(Int64.max)), ("-1e308", (-1e308).bitPattern), ("1e301", (1e301).bitPattern),
        ]
        let (name, pattern) = random.pick(patterns)
        let word = random.below(data.count / 8)
        var edited = data
        for byte in 0..<8 { edited[word * 8 + byte] = UInt8(truncatingIfNeeded: pattern >> (8 * UInt64(byte))) }
        return (Self.assemble(header: header, data: edited), "\(name) at data word \(word)")
    }

    /// Configuration numbers at and past their bounds, one or several at once.
    mutating func extremeConfiguration(_ bytes: [UInt8]) -> ([UInt8], String) {
        let keys = [
            "court_width", "court_height", "movement_step", "paddle_height", "ball_radius", "paddle_line_x",
            "serve_top_margin", "lives", "hit_reward", "miss_reward", "step_reward", "step_cap", "winning_score", "max_steps",
        ]
        var changes: [String] = []
        let edited = Self.settingJSON(in: bytes, field: "configuration") { object in
            for _ in 0..<(1 + random.below(3)) {
                let key = random.pick(keys)
                // Mostly values that keep the table's shape (the case is then played), at the bounds.
                let value: Any = random.pick(
                    [
                        PongConfiguration.Limits.stepCap, PongConfiguration.Limits.stepCap + 1, 1, 0, -1, Int.max, Int.min, 1 << 62,
                        PongConfiguration.Limits.lives, PongConfiguration.Limits.lives + 1, PongConfiguration.Limits.size,
                        PongConfiguration.Limits.reward, -PongConfiguration.Limits.reward, PongConfiguration.Limits.winningScore, 1e13, 0.5,
                    ] as [Any])
                object[key] = value
                changes.append("\(key) = \(value)")
            }
            // A ball that cannot be missed plays to the step cap: keep such episodes short here
            // (anExtremeButValidConfigurationPlaysWithinTheBound plays the longest one).
            if let cap = object["step_cap"] as? Int, cap > 100_000, (object["ball_radius"] as? Double ?? 0) > 20 {
                object["step_cap"] = 100_000
                changes.append("step_cap = 100000")
            }
        }
        return edited.map { ($0, "configuration " + changes.joined(separator: ", ")) } ?? truncateRandomly(bytes)
    }

    /// Another tensor: zero-length at a boundary or inside, or one that overlaps.
    mutating func extraTensor(_ bytes: [UInt8]) -> ([UInt8], String) {
        let dataCount = Self.parts(bytes)?.data.count ?? 0
        let offsets = random.pick([
            [0, 0], [dataCount, dataCount], [8, 8], [0, 8], [dataCount - 8, dataCount], [dataCount, dataCount + 8],
        ])
        let name = random.pick(["empty", "a", "zz", "__metadata__x", "q2"])
        let edited = Self.editingHeader(bytes) { header in
            header[name] = ["dtype": "F64", "shape": [(offsets[1] - offsets[0]) / 8], "data_offsets": offsets] as [String: Any]
        }
        return edited.map { ($0, "extra tensor \(name) at \(offsets)") } ?? truncateRandomly(bytes)
    }

    mutating func truncateRandomly(_ bytes: [UInt8]) -> ([UInt8], String) {
        let length = random.below(bytes.count + 1)
        return (Array(bytes.prefix(length)), "truncated to \(length)")
    }
}
