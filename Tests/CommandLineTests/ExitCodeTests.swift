import Foundation
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

    @Test func outputFailuresAre74() throws {
        // /proc takes no new files, even for root; /dev/null is not a regular file.
        try Self.expect(["inspect", Self.policy, "--export", "/proc/rl-test-q.npy"], status: 74)
        // A link to /dev/null: the write follows it and finds a device, not a regular file.
        let folder = temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder + "/null.safetensors", withDestinationPath: "/dev/null")
        try Self.expect(["train", "--episodes", "5", "--out", "null.safetensors"], status: 74, in: folder)
        try Self.expect(["train", "--episodes", "5", "--out", "/proc/rl-test.safetensors"], status: 74)
        try Self.expect(["watch", Self.policy, "--screenshot", "/proc/rl-test.png"], status: 74)
    }
}
