import Foundation
import Testing

/// `rl book` through the real binary: every figure at its quick run count passes its checks, and
/// bad requests are one line and exit 64.
@Suite struct BookCommandTests {
    static let figures = [
        "2.2", "2.3", "2.4", "2.5", "2.6", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "example-6.2", "6.3", "6.4", "6.6", "6.5",
        "7.2", "8.2", "8.4", "8.5", "example-8.4", "8.7", "8.8", "9.1", "9.2", "9.5", "9.10", "10.1", "10.2", "10.3", "10.4", "10.5",
        "11.2", "11.5", "12.3", "12.6", "12.8", "12.10", "12.11", "13.1", "13.2",
    ]

    @Test(arguments: figures)
    func everyFigurePassesItsChecksQuickly(id: String) throws {
        let folder = temporaryFolder()
        let run = try RL.run(["book", id, "--quick", "--check", "--jobs", "2"], in: folder)
        #expect(run.status == 0, "rl book \(id): \(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("PASS") && !run.standardOutput.contains("FAIL"), "\(run.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: folder + "/figures/\(id).png"))
    }

    @Test func theListNamesEveryFigure() throws {
        let run = try RL.run(["book", "--list", "--json"])
        #expect(run.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]]
        #expect(list?.compactMap { $0["id"] as? String } == Self.figures)
        #expect(list?.allSatisfy { $0["title"] is String && $0["section"] is String } == true)
        let text = try RL.run(["book", "--list"])
        #expect(text.standardOutput.split(separator: "\n").count == Self.figures.count)
    }

    @Test func jsonHasTheIssuesSchema() throws {
        let folder = temporaryFolder()
        let run = try RL.run(["book", "2.4", "--runs", "3", "--json", "--out", "a/b.png"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(run.json)
        #expect(json["id"] as? String == "2.4" && json["title"] is String && json["runs"] as? Int == 3)
        let panels = try #require(json["panels"] as? [[String: Any]])
        #expect(panels.count == 1 && panels[0]["x_label"] as? String == "Steps" && panels[0]["y_label"] as? String == "Average reward")
        let series = try #require(panels[0]["series"] as? [[String: Any]])
        #expect(series.map { $0["label"] as? String } == ["UCB c = 2", "ε-greedy ε = 0.1"])
        #expect((series[0]["x"] as? [Double])?.count == 1000 && (series[0]["y"] as? [Double])?.count == 1000)
        #expect((json["checks"] as? [[String: Any]])?.count == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/a/b.png"))
    }

    @Test func aHeatmapPanelGivesItsGridInTheJSON() throws {
        let run = try RL.run(["book", "10.1", "--quick", "--json", "--out", "h.png"], in: temporaryFolder())
        #expect(run.status == 0, "\(run.standardError)")
        let panels = try #require(run.json?["panels"] as? [[String: Any]])
        let heatmap = try #require(panels.first?["heatmap"] as? [String: Any])
        #expect(heatmap["rows"] as? Int == 50 && heatmap["columns"] as? Int == 50 && heatmap["value_label"] as? String == "cost-to-go")
        #expect(heatmap["x_range"] as? [Double] == [-1.2, 0.5] && heatmap["y_range"] as? [Double] == [-0.07, 0.07])
        let series = try #require(panels.first?["series"] as? [[String: Any]])
        #expect(series.count == 5 && series.allSatisfy { ($0["y"] as? [Double])?.count == 2500 })
    }

    @Test func aFailedCheckIs65() throws {
        // One run: no standard error to widen the tolerance, and a greedy agent that found the
        // best arm (100%) or not (0%), never the book's third.
        let run = try RL.run(["book", "2.2", "--runs", "1", "--check"])
        #expect(run.status == 65, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("FAIL") && run.errorLines.count == 1)
    }

    @Test(arguments: [
        ["book", "99.9"], ["book", "2.2", "--runs", "0"], ["book", "2.2", "--runs", "100001"], ["book"],
        ["book", "2.2", "--quick", "--runs", "5"], ["book", "2.2", "--out", "x.jpg"], ["book", "2.2", "--jobs", "0"],
        ["book", "2.2", "--list"],
    ])
    func badRequestsAreOneLineAnd64(arguments: [String]) throws {
        let run = try RL.run(arguments)
        #expect(run.status == 64, "rl \(arguments.joined(separator: " ")): \(run.standardError)")
        #expect(run.errorLines.count == 1 && run.standardError.hasPrefix("error: "), "\(run.standardError)")
    }
}
