import Foundation
import RLPong
import RLRender
import Testing

@testable import RLPongRender

@Suite struct TerminalPictureTests {
    /// Strips the colour escapes, leaving the characters.
    func characters(_ line: String) -> String {
        line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func aKnownFrameMatchesItsSnapshot() throws {
        let layout = PongLayout(configuration: PongConfiguration())
        let lines = TerminalPicture(region: layout.playArea).lines(for: frame(outcome: .gameOver).scene())
        let text = lines.joined(separator: "\n") + "\n"
        let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/terminal-frame.txt")
        if ProcessInfo.processInfo.environment["RL_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(text == expected, "re-record with RL_RECORD_SNAPSHOTS=1 if the change is intended")
    }

    @Test func theHUDIsTextAboveTheCourtAndTheBannerIsInsideIt() {
        let layout = PongLayout(configuration: PongConfiguration())
        let picture = TerminalPicture(region: layout.playArea)
        let lines = picture.lines(for: frame(outcome: .gameOver, status: "PAUSED").scene()).map(characters)
        #expect(picture.columns == 62 && picture.rows == 26)
        #expect(lines.count == 2 + 26)
        // Text keeps its place: one column per court pixel, so the HUD's x of 1 is column 1.
        #expect(lines[0].hasPrefix(" SCORE 30") && lines[0].contains("PAUSED") && lines[0].hasSuffix("LIVES 3"))
        #expect(lines[1].hasPrefix(" STEP 120") && lines[1].hasSuffix("EPISODE 2"))
        #expect(lines[0].count <= 62 && lines[1].count <= 62)
        #expect(lines.dropFirst(2).contains { $0.contains("GAME OVER") })
        #expect(lines.dropFirst(2).allSatisfy { $0.count == 62 })
    }

    @Test func theBallAndPaddleColoursAreInTheRightCells() {
        let layout = PongLayout(configuration: PongConfiguration())
        let scene = frame().scene()
        // Sampled at pixel centres: the ball's centre (31, 34) is in column 31 and, 26 units below
        // the top of the play area (y 8), in pixel row 26: text row 13, after the 2 HUD lines.
        #expect(TerminalPicture.color(of: scene, x: 31.5, y: 34.5) == PongPalette.ball)
        #expect(TerminalPicture.color(of: scene, x: 7.5, y: 34.5) == PongPalette.paddle)
        #expect(TerminalPicture.color(of: scene, x: 20.5, y: 34.5) == PongPalette.court)
        let lines = TerminalPicture(region: layout.playArea).lines(for: scene)
        let ballRow = lines[2 + 13]
        #expect(ballRow.contains("\u{1B}[38;2;255;204;0m"))
    }
}
