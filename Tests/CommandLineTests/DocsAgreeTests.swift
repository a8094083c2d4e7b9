import Foundation
import RLTestSupport
import Testing

/// What the docs promise of a command's output, checked against the command: docs that drift
/// fail here.
@Suite struct DocsAgreeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The backquoted names in the paragraph of `file` that starts with `opening`.
    static func documentedNames(in file: String, paragraphStartingWith opening: String) throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        let paragraph = try #require(text.components(separatedBy: "\n\n").first { $0.hasPrefix(opening) })
        return Set(paragraph.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
    }

    @Test func docsInspectListsTheKeysOfRlEvalJson() throws {
        let folder = temporaryFolder()
        #expect(
            try RL.run(["train", "--env", "frozen-lake", "--episodes", "50", "--quiet", "--out", "p.safetensors"], in: folder).status == 0)
        let eval = try RL.run(["eval", "p.safetensors", "--episodes", "3", "--json"], in: folder)
        let keys = Set(try #require(eval.json).keys)
        let documented = try Self.documentedNames(in: "docs/INSPECT.md", paragraphStartingWith: "`--json` keys for one agent:")
        let pong = try RL.run(["eval", "--baseline", "tracker", "--episodes", "2", "--json"], in: folder)
        let metric = try #require((pong.json?["metrics"] as? [[String: Any]])?.first { $0["name"] as? String == "misses" })
        let metricKeys = Set(metric.keys)
        #expect(metricKeys.isSubset(of: documented), "\(metricKeys)")
        // Every documented key is there, and every key is documented.
        #expect(documented.subtracting(metricKeys).filter { !$0.hasPrefix("-") && !$0.hasPrefix("{") } == keys)
    }

    @Test func docsInspectNamesTheEvaluationColumnsOfTheLog() throws {
        let folder = temporaryFolder()
        let train = try RL.run(
            [
                "train", "--episodes", "20", "--eval-every", "10", "--eval-episodes", "2", "--log", "run.csv", "--quiet", "--out",
                "p.safetensors",
            ],
            in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let header = try String(contentsOfFile: folder + "/run.csv", encoding: .utf8).split(separator: "\n")[0]
        let evaluationColumns = Set(header.split(separator: ",").map(String.init).filter { $0.hasPrefix("eval_") })
        let documented = try Self.documentedNames(in: "docs/INSPECT.md", paragraphStartingWith: "`--eval-every N` plays")
        #expect(evaluationColumns == documented.filter { $0.hasPrefix("eval_") && $0 != "eval_" }, "\(header)")
    }
}
