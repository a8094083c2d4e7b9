import Foundation
import RLApp
import Testing

/// The exit statuses the README lists: 64 usage, 65 bad data, 66 missing input, 74 I/O failure
/// (sysexits.h), each through the real binary.
@Suite struct ExitCodeTests {
    static let policy = PolicyFixtures.shippedPath

    static func expect(
        _ arguments: [String], status: Int32, in folder: String = temporaryFolder(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let run = try RL.run(arguments, in: folder)
        #expect(run.status == status, "rl \(arguments.joined(separator: " ")): \(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1 && run.standardError.hasPrefix("error: "), "\(run.standardError)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ["inspect", policy, "--paddle", "-1"],  // refused by validate()
        ["inspect", policy, "--paddle", "12"],  // refused once the policy says it has 12 bins
        ["inspect", policy, "--state", "1,2"],
        ["inspect", policy, "--heatmap", "x.jpg"],
        ["inspect", policy, "--export", "q.txt"],
        ["plot", "run.csv", "--out", "curve.jpg"],
        ["train", "--unknown-flag"],
        ["train", "--episodes", "many"],
        ["fly"],
    ])
    func usageErrorsAre64(arguments: [String]) throws {
        try Self.expect(arguments, status: 64)
    }

    /// Requests that do not fit what they name: usage errors, whatever file is involved.
    @Test func requestsThatDoNotFitAre64() throws {
        let duel = URL(fileURLWithPath: Self.policy).deletingLastPathComponent().appendingPathComponent("pong-duel.safetensors").path
        try Self.expect(["play", duel, "--court", "classic"], status: 64)
        try Self.expect(["train", "--env", "pong", "--agent", "value-iteration", "--out", "p.safetensors"], status: 64)
        try Self.expect(["sweep", "--env", "pong", "--agent", "value-iteration", "--episodes", "1", "--out", "s.jsonl"], status: 64)
        let folder = temporaryFolder()
        #expect(try RL.run(["train", "--env", "cliff-walking", "--episodes", "5", "--out", "c.safetensors"], in: folder).status == 0)
        try Self.expect(["eval", "c.safetensors", "--baseline", "tracker", "--episodes", "1"], status: 64, in: folder)
    }

    /// A request the parser refuses points to the help of the subcommand it was for.
    @Test func errorsPointToTheSubcommandsHelp() throws {
        for (arguments, help) in [
            (["train", "--episodes", "0"], "(see 'rl train --help')"), (["sweep", "--steps", "x"], "(see 'rl sweep --help')"),
            (["frobnicate"], "(see 'rl --help')"),
        ] {
            let run = try RL.run(arguments)
            #expect(
                run.status == 64 && run.errorLines.count == 1 && run.standardError.hasSuffix(help + "\n"),
                "\(arguments): \(run.standardError)")
        }
    }

    @Test func versionIsPrinted() throws {
        let run = try RL.run(["--version"])
        #expect(run.status == 0 && run.standardError.isEmpty, "\(run.standardError)")
        #expect(run.standardOutput == RLVersion.current + "\n", "\(run.standardOutput)")
    }

    @Test func badDataIs65() throws {
        let folder = PolicyFixtures.folder(with: Array(PolicyFixtures.shipped.prefix(100)))
        try Self.expect(["inspect", "p.safetensors"], status: 65, in: folder)
        let configured = PolicyFixtures.folder(with: PolicyFixtures.settingMetadataJSON("configuration", "paddle_height", to: 1 << 62))
        try Self.expect(["inspect", "p.safetensors"], status: 65, in: configured)
        precondition(FileManager.default.createFile(atPath: folder + "/run.csv", contents: Data("not,a,log\n".utf8)))
        try Self.expect(["plot", "run.csv"], status: 65, in: folder)
        // The two-player commands read policy files the same way.
        try Self.expect(["play", "p.safetensors"], status: 65, in: folder)
        try Self.expect(["eval", "--env", "pong-duel", "p.safetensors", "--opponent", "tracker"], status: 65, in: folder)
        try Self.expect(["play", "missing.safetensors"], status: 66, in: folder)
    }

    @Test func missingInputIs66() throws {
        try Self.expect(["inspect", "missing.safetensors"], status: 66)
        try Self.expect(["inspect", "/dev/zero"], status: 66)
        try Self.expect(["inspect", "/"], status: 66)
        try Self.expect(["plot", "missing.csv"], status: 66)
        try Self.expect(["watch", "missing.safetensors", "--screenshot", "x.png"], status: 66)
    }

    /// A file a flag names (`--map-file`, `--spec`): missing is 66, there but malformed 65.
    @Test func mapAndSpecFilesAreInputs() throws {
        let folder = temporaryFolder()
        let write = { (name: String, bytes: [UInt8]) in
            precondition(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)))
        }
        write("lake.txt", Array("SFFF\nFHFH\nFFFH\nHFFG\n".utf8))
        write("not-a-lake.txt", Array("hello\n".utf8))
        write("latin1.txt", [0x53, 0xFF, 0x0A])
        write("huge.txt", Array((String(repeating: "F", count: 70) + "\n").utf8) + Array("SG\n".utf8))
        let train = ["train", "--env", "frozen-lake", "--episodes", "1", "--out", "p.safetensors"]
        try Self.expect(train + ["--map-file", "missing.txt"], status: 66, in: folder)
        try Self.expect(train + ["--map-file", "."], status: 66, in: folder)
        try Self.expect(train + ["--map-file", "not-a-lake.txt"], status: 65, in: folder)
        try Self.expect(train + ["--map-file", "latin1.txt"], status: 65, in: folder)
        try Self.expect(train + ["--map-file", "huge.txt"], status: 65, in: folder)
        // Both a built-in map and a file: refused, not the last one silently taken.
        try Self.expect(train + ["--map", "8x8", "--map-file", "lake.txt"], status: 64, in: folder)
        try Self.expect(train + ["--map-file", "lake.txt", "--map", "4x4"], status: 64, in: folder)
        #expect(try RL.run(train + ["--map-file", "lake.txt"], in: folder).status == 0)

        write("latin1.json", [0x7B, 0xFF, 0x7D])
        write("list.json", Array("[1, 2]".utf8))
        write("chess.json", Array(#"{"env": "chess"}"#.utf8))
        let sweep = ["sweep", "--out", "s.jsonl", "--spec"]
        try Self.expect(sweep + ["missing.json"], status: 66, in: folder)
        try Self.expect(sweep + ["latin1.json"], status: 65, in: folder)
        try Self.expect(sweep + ["list.json"], status: 65, in: folder)
        try Self.expect(sweep + ["chess.json"], status: 65, in: folder)
        // The same grid from flags is a usage error.
        try Self.expect(["sweep", "--out", "s.jsonl", "--env", "chess"], status: 64, in: folder)
    }

    @Test func outputFailuresAre74() throws {
        // /proc takes no new files, even for root; /dev/null is not a regular file.
        try Self.expect(["inspect", Self.policy, "--export", "/proc/rl-test-q.npy"], status: 74)
        // A link to /dev/null: the write follows it and finds a device, not a regular file.
        let folder = temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder + "/null.safetensors", withDestinationPath: "/dev/null")
        try Self.expect(["train", "--episodes", "5", "--out", "null.safetensors"], status: 74, in: folder)
        try Self.expect(["train", "--episodes", "5", "--out", "/proc/rl-test.safetensors"], status: 74)
        try Self.expect(["watch", Self.policy, "--screenshot", "/proc/rl-test.png"], status: 74)
        // The README's example, and a file in /dev (which root could create).
        try Self.expect(["train", "--episodes", "5", "--out", "/dev/null"], status: 74)
        try Self.expect(["train", "--episodes", "5", "--out", "/dev/full.safetensors"], status: 74)
        #expect(!FileManager.default.fileExists(atPath: "/dev/full.safetensors"))
        // Logs are outputs too: /dev/full is a disk that is always full.
        let train = ["train", "--env", "cliff-walking", "--episodes", "20", "--out", "p.safetensors"]
        try Self.expect(train + ["--progress-jsonl", "/dev/full"], status: 74)
        try Self.expect(train + ["--tensorboard", "/proc/rl-test-board"], status: 74)
    }

    /// A sweep on a full disk says so once (not once per run) and exits 74.
    @Test func aSweepOnAFullDiskIsOneLine() throws {
        let folder = temporaryFolder()
        let sweep = ["sweep", "--env", "cliff-walking", "--seeds", "1-6", "--episodes", "20", "--eval-episodes", "2", "--jobs", "2"]
        try FileManager.default.createSymbolicLink(atPath: folder + "/full.jsonl", withDestinationPath: "/dev/full")
        try Self.expect(sweep + ["--out", "full.jsonl"], status: 74, in: folder)
        // A disk that fills up under the sweep: files may grow to 2 KB (the shell's ulimit, in
        // 512-byte blocks), and the write fails with EFBIG instead of killing the process.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\"", RL.executable.path] + sweep + ["--out", "s.jsonl"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74, "\(text)")
        #expect(text.split(separator: "\n").count == 1 && text.hasPrefix("error: "), "\(text)")
    }
}
