import Foundation
import Testing

/// The files `rl watch` writes: PNG names only, and no stale frames from an earlier recording.
@Suite struct WatchFilesTests {
    static let policy = PolicyFixtures.shippedPath

    @Test(arguments: ["s.jpg", "shot", "frame.png.txt"])
    func aScreenshotNamedOtherThanPNGIsRefused(name: String) throws {
        let folder = temporaryFolder()
        let run = try RL.run(["watch", Self.policy, "--screenshot", name], in: folder)
        #expect(run.status == 64 && run.errorLines.count == 1, "\(run.standardError)")
        #expect(run.standardError.contains("--screenshot writes a PNG picture"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try RL.run(["watch", Self.policy, "--screenshot", "S.PNG"], in: folder).status == 0)
    }

    @Test func aFolderWithAnEarlierRecordingIsRefusedUnlessOverwriting() throws {
        let folder = temporaryFolder()
        let frames = folder + "/frames"
        #expect(try RL.run(["watch", Self.policy, "--record", "frames", "--frames", "8", "--scale", "1"], in: folder).status == 0)
        precondition(FileManager.default.createFile(atPath: frames + "/notes.txt", contents: Data("mine".utf8)))
        let refused = try RL.run(["watch", Self.policy, "--record", "frames", "--frames", "3", "--scale", "1"], in: folder)
        #expect(
            refused.status == 64 && refused.errorLines.count == 1 && refused.standardError.contains("--overwrite"),
            "\(refused.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: frames).count == 9)

        let again = try RL.run(["watch", Self.policy, "--record", "frames", "--frames", "3", "--scale", "1", "--overwrite"], in: folder)
        #expect(again.status == 0, "\(again.standardError)")
        // The three new frames, and the user's file; none of the earlier recording's five extra frames.
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: frames))
                == ["frame-000000.png", "frame-000001.png", "frame-000002.png", "notes.txt"])
        let misuse = try RL.run(["watch", Self.policy, "--screenshot", "x.png", "--overwrite"], in: folder)
        #expect(misuse.status == 64 && misuse.errorLines.count == 1)
    }
}
