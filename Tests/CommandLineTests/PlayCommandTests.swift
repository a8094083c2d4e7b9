import Foundation
import Testing

@Suite struct PlayCommandTests {
    @Test func withoutADisplayPlaySaysSoInOneLine() throws {
        let run = try runWithTimeout(
            RL.executable.path, ["play", "predictor"], in: temporaryFolder(), environment: headlessEnvironment,
            seconds: 30)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("error: no display available ("))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    /// The human path for real: a window on a virtual X server, keys sent with xdotool (held
    /// down, as a player holds them), Esc to quit; the final state (`--json`) must show the
    /// right paddle where the keys sent it, and only the moves they asked for.
    @Test(arguments: [("Up", "up"), ("s", "down")])
    func keysHeldInTheWindowMoveTheHumanPaddle(key: String, direction: String) throws {
        guard let xvfbRun = ["/usr/bin/xvfb-run", "/usr/local/bin/xvfb-run"].first(where: FileManager.default.isExecutableFile),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/xdotool")
        else {
            if ProcessInfo.processInfo.environment["RL_REQUIRE_XVFB"] == "1" {
                Issue.record("xvfb-run or xdotool is missing, and RL_REQUIRE_XVFB=1")
            }
            print("skipped: xvfb-run or xdotool is not installed (scripts/setup --test installs them)")
            return
        }
        let folder = temporaryFolder()
        let script = """
            SDL_VIDEODRIVER=x11 '\(RL.executable.path)' play predictor --fps 30 --json > final.json &
            pid=$!
            i=0
            until win=$(xdotool search --name 'rl play' 2>/dev/null | head -1) && [ -n "$win" ] || [ $i -gt 100 ]; do
              sleep 0.2; i=$((i+1))
            done
            xdotool windowfocus --sync "$win"
            sleep 0.3
            xdotool keydown \(key); sleep 1.5; xdotool keyup \(key)
            sleep 0.3
            xdotool key Escape
            wait $pid
            """
        let run = try runWithTimeout(xvfbRun, ["-a", "-s", "-screen 0 800x600x24", "sh", "-c", script], in: folder, seconds: 90)
        #expect(run.status == 0, "\(run.standardError)")
        let data = try #require(FileManager.default.contents(atPath: folder + "/final.json"))
        let final = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let y = try #require(final["human_paddle_y"] as? Int)
        let range = try #require(final["paddle_range"] as? [Int])
        let up = try #require(final["human_up_moves"] as? Int), down = try #require(final["human_down_moves"] as? Int)
        // 1.5 s at 30 steps/s is about 45 steps of 2 pixels: more than the 32 pixels of travel.
        if direction == "up" {
            #expect(up >= 16 && down == 0 && y == range[1], "\(final)")
        } else {
            #expect(down >= 16 && up == 0 && y == range[0], "\(final)")
        }
        // Esc quit before the game was over.
        #expect(final["over"] as? Bool == false)
    }
}
