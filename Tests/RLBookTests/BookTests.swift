import Foundation
import RLApp
import RLBook
import RLCore
import RLExperiments
import RLRender
import RLTabular
import Testing

/// The book's figures as declarations: each well formed, run the same whatever the threads, and
/// each registered world's run the same as `rl train`'s.
@Suite struct BookTests {
    @Test func everyFigureIsWellFormed() {
        #expect(Set(Book.figures.map(\.id)).count == Book.figures.count)
        // Each figure as the book's run count draws it, and as `--quick` does.
        for figure in Book.figures.flatMap({ [$0, $0.sized(quick: true)] }) {
            #expect(figure.quickRuns >= 1 && figure.quickRuns <= figure.runs, "\(figure.id)")
            let labels = figure.series.map(\.label)
            #expect(Set(labels).count == labels.count, "\(figure.id): two series with one label")
            for panel in figure.panels {
                // Every series the panel shows has the measure it plots.
                let shown = figure.series.filter { panel.series?.contains($0.label) ?? true }
                #expect(shown.allSatisfy { panel.measure < $0.measures }, "\(figure.id): \(panel.yLabel)")
                #expect(panel.series.map { Set($0).isSubset(of: labels) } ?? true, "\(figure.id): \(panel.yLabel)")
            }
            for check in figure.checks {
                var readings = [check.reading]
                if case .above(let other) = check.claim { readings.append(other) }
                for reading in readings {
                    #expect(
                        labels.contains(reading.series) && figure.panels.indices.contains(reading.panel), "\(figure.id): \(check.words)")
                    let series = figure.series.first { $0.label == reading.series }
                    #expect(series?.x.contains { reading.x.contains($0) } ?? false, "\(figure.id): \(check.words) reads no point")
                }
            }
            // Every character of a picture's words has a glyph: no hollow boxes in a legend.
            let words = [figure.title, figure.id] + labels + figure.panels.flatMap { [$0.title, $0.xLabel, $0.yLabel] }
            for text in words {
                #expect(text.allSatisfy { BitmapFont.hasGlyph(for: $0) }, "\(figure.id): '\(text)'")
            }
        }
    }

    /// `--quick` draws what it plays: Figure 10.1's last panels are the episodes it stops at,
    /// Figure 10.5's R̄ panel ends where its run does.
    @Test func aQuickFigureSaysWhatItPlays() throws {
        let book = Book.figure("10.1")!, quick = book.sized(quick: true)
        #expect(book.series.map(\.label) == ["Step 428", "Episode 12", "Episode 104", "Episode 1000", "Episode 9000"])
        #expect(quick.series.map(\.label) == ["Step 428", "Episode 12", "Episode 104", "Episode 150", "Episode 300"])
        #expect(quick.checks.last?.reading.series == "Episode 300" && book.checks.last?.reading.series == "Episode 9000")
        let queue = Book.figure("10.5")!, quickQueue = queue.sized(quick: true)
        let averageReward = "R-bar, the learned average reward", secondHalf = "R-bar's mean over the second half of the run"
        #expect(queue.series.first { $0.label == averageReward }?.x.last == 2000)
        #expect(quickQueue.series.first { $0.label == averageReward }?.x.last == 300)
        #expect(quickQueue.series.first { $0.label == secondHalf }?.x == [150, 300])
        #expect(quickQueue.checks.filter { $0.reading.panel == 2 }.allSatisfy { $0.reading.x == 300...300 })
        let trajectories = Book.figure("8.8")!.sized(quick: true)
        #expect(trajectories.panels.map(\.title) == ["100 states", "1000 states"])
        #expect(trajectories.series.first?.x.last == 2000 && trajectories.series.last?.x.last == 20_000)
        #expect(Book.figure("5.1")!.sized(quick: true).series.map(\.label) == ["After 10,000 episodes", "After 100,000 episodes"])
        // A parameter study that plays each curve at its best α only draws that point.
        #expect(Book.figure("10.4")!.sized(quick: true).series.allSatisfy { $0.x.count == 1 })
        // A figure whose --quick changes nothing it shows is itself.
        #expect(Book.figure("2.2")!.sized(quick: true).series.map(\.x) == Book.figure("2.2")!.series.map(\.x))
    }

    @Test func aLabelSaysTheRunsPlayed() {
        let figure = BookFigure(
            id: "test", title: "", section: "", page: 0, runs: 100, quickRuns: 3, settings: "", series: [],
            panels: [
                BookPanel(title: "", xLabel: "", yLabel: "steps, averaged over 100 runs"),
                BookPanel(title: "reward (100 runs)", xLabel: "", yLabel: "not 1100 runs"),
            ], checks: [])
        #expect(figure.counting(runs: 3).panels.map(\.yLabel) == ["steps, averaged over 3 runs", "not 1100 runs"])
        #expect(figure.counting(runs: 3).panels[1].title == "reward (3 runs)")
        #expect(figure.counting(runs: 1).panels[0].yLabel == "steps, averaged over 1 run")
        #expect(figure.counting(runs: 100).panels[0].yLabel == "steps, averaged over 100 runs")
    }

    @Test func aKeptSeriesIsTheFirstPointsOfEachMeasure() throws {
        // Two measures of three points: run s gives s, 2s, 3s and 10s, 20s, 30s.
        let series = BookSeries(label: "all", x: [1, 2, 3], measures: 2) { seeds, _, sums in
            for seed in seeds {
                let s = Double(seed)
                sums.add([s, 2 * s, 3 * s, 10 * s, 20 * s, 30 * s])
            }
        }
        let kept = series.keeping(first: 2, label: "kept")
        #expect(kept.label == "kept" && kept.x == [1, 2] && kept.measures == 2)
        let figure = BookFigure(
            id: "test", title: "", section: "", page: 0, runs: 3, quickRuns: 3, settings: "", series: [kept],
            panels: [BookPanel(title: "", xLabel: "", yLabel: ""), BookPanel(title: "", xLabel: "", yLabel: "", measure: 1)], checks: [])
        let result = BookResult(try runFigure(figure, options: BookRunOptions(runs: 3, seed: 1)))
        // Seeds 1, 2, 3: means 2, 4 and 20, 40.
        #expect(result.panels[0].series[0].y == [2, 4] && result.panels[1].series[0].y == [20, 40])
    }

    @Test func theRunsAreTheSameBitsWhateverTheJobs() throws {
        // 45 runs: two whole blocks and a part, on one thread and on three.
        let figure = Book.figure("2.3")!
        let one = BookResult(try runFigure(figure, options: BookRunOptions(runs: 45, seed: 7, jobs: 1)))
        let three = BookResult(try runFigure(figure, options: BookRunOptions(runs: 45, seed: 7, jobs: 3)))
        #expect(one.panels.map { $0.series.map(\.y) } == three.panels.map { $0.series.map(\.y) })
        let other = BookResult(try runFigure(figure, options: BookRunOptions(runs: 45, seed: 8, jobs: 3)))
        #expect(one.panels.map { $0.series.map(\.y) } != other.panels.map { $0.series.map(\.y) })
    }

    @Test func aRunOfARegisteredWorldIsRlTrainsRunWithTheSameSeed() throws {
        // Run 0 of seed 5 is `rl train --env cliff-walking --agent sarsa --seed 5`: the same
        // return in every episode as the training log says.
        let settings = Hyperparameters(learningRate: .constant(0.5), discount: 1, epsilon: .constant(0.1))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rl-book-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = TrainingOptions(
            CliffWalkingWorld.self, configuration: CliffWalkingConfiguration(maxSteps: 100_000), agent: "sarsa", episodes: 30, seed: 5,
            hyperparameters: settings, outputPath: folder + "/p.safetensors", logPath: folder + "/log.csv")
        options.reportInterval = 10
        _ = try runTraining(options)
        let log = try LearningCurve.load(from: folder + "/log.csv")

        let series = BookSeries.episodes(
            "Sarsa", world: "cliff-walking", flags: [("max-steps", "100000")], agent: "sarsa", hyperparameters: settings, episodes: 30)
        let figure = BookFigure(
            id: "test", title: "", section: "", page: 0, runs: 1, quickRuns: 1, settings: "", series: [series],
            panels: [BookPanel(title: "", xLabel: "", yLabel: "")], checks: [])
        let result = BookResult(try runFigure(figure, options: BookRunOptions(runs: 1, seed: 5)))
        #expect(result.panels[0].series[0].y == log.returns)
    }

    @Test func checksCompareWithTheBooksValueOrOrder() throws {
        let x = (1...10).map(Double.init)
        let figure = BookFigure(
            id: "test", title: "", section: "", page: 0, runs: 4, quickRuns: 4, settings: "",
            series: [.constant("a", x: x, value: 2), .constant("b", x: x, value: 1)],
            panels: [BookPanel(title: "", xLabel: "", yLabel: "")],
            checks: [
                BookCheck("a is 2.05", .init("a", x: 1...10), .value(2.05, reading: 0.1), source: "here"),
                BookCheck("a is 2.5", .init("a", x: 1...10), .value(2.5, reading: 0.1), source: "here"),
                BookCheck("a above b", .init("a", x: 1...10), .above(.init("b", x: 1...10)), source: "here"),
                BookCheck("b above a", .init("b", x: 1...10), .above(.init("a", x: 1...10)), source: "here"),
            ])
        let result = BookResult(try runFigure(figure, options: BookRunOptions(runs: 4)))
        #expect(result.checks.map(\.passed) == [true, false, true, false])
        // A constant has no standard error: the tolerance is the book's precision alone.
        #expect(result.checks[0].tolerance == 0.1)
        #expect(BookText.checks(result)[1].hasPrefix("FAIL  a is 2.5: 2.000, book 2.5 ± 0.100"))
    }

    @Test func aRootMeanSquareSeriesIsTheRootOfItsRunsMean() throws {
        // Runs give the squared errors 9 and 16 (then 0 and 0): the curve is √12.5 (then 0), its
        // standard error the mean square's (3.5) over 2√12.5.
        let series = BookSeries(label: "rms", x: [1, 2], aggregate: .rootMeanSquare) { seeds, _, sums in
            for seed in seeds { sums.add([seed == 1 ? 9 : 16, 0]) }
        }
        let figure = BookFigure(
            id: "test", title: "", section: "", page: 0, runs: 2, quickRuns: 2, settings: "", series: [series],
            panels: [BookPanel(title: "", xLabel: "", yLabel: "")], checks: [])
        let result = BookResult(try runFigure(figure, options: BookRunOptions(runs: 2, seed: 1)))
        let curve = result.panels[0].series[0]
        #expect(abs(curve.y[0] - 12.5.squareRoot()) < 1e-12 && curve.y[1] == 0)
        #expect(abs(curve.standardError[0] - 3.5 / (2 * 12.5.squareRoot())) < 1e-12 && curve.standardError[1] == 0)
    }

    /// A categorical panel (Figure 10.5's policy): each cell drawn in the category most runs
    /// gave it, the shares in the JSON with the grid's shape; other panels' JSON unchanged.
    @Test func aCategoricalPanelDrawsTheMajorityAndSaysItsGrid() throws {
        // Runs of seeds 1, 2, 3: the last cell is "yes" in one run of three.
        func category(_ yes: Bool) -> BookSeries {
            BookSeries(label: yes ? "yes" : "no", x: [0, 1, 2, 3]) { seeds, _, sums in
                for seed in seeds {
                    let cells: [Double] = [1, 1, 0, seed == 1 ? 1 : 0]
                    sums.add(yes ? cells : cells.map { 1 - $0 })
                }
            }
        }
        let categories = BookPanel.Categories(
            rows: 2, columns: 2, categories: [.init("yes", mark: "Y", colour: .white), .init("no", mark: "N", colour: .black)],
            rowLabels: ["a", "b"], columnLabels: ["1", "2"], rowTitle: "row", columnTitle: "column")
        let figure = BookFigure(
            id: "test", title: "T", section: "", page: 0, runs: 3, quickRuns: 3, settings: "",
            series: [category(true), category(false), .constant("line", x: [0, 1], value: 1)],
            panels: [.categorical(title: "Policy", categories), BookPanel(title: "", xLabel: "x", yLabel: "y", series: ["line"])],
            checks: [])
        let result = BookResult(try runFigure(figure, options: BookRunOptions(runs: 3, seed: 1)))
        #expect(result.panels[0].series.map(\.label) == ["yes", "no"])
        #expect(abs(result.panels[0].series[0].y[3] - 1.0 / 3) < 1e-12)
        // Two cells of each, and each mark once more in the legend.
        let texts = BookChart.picture(result, figure: figure).texts
        #expect(texts.filter { $0 == "Y" }.count == 3 && texts.filter { $0 == "N" }.count == 3)
        #expect(texts.contains("column") && texts.contains("row") && texts.contains("yes"))
        let json = try JSONSerialization.jsonObject(with: Data(JSONText.encode(result).utf8)) as? [String: Any]
        let panels = try #require(json?["panels"] as? [[String: Any]])
        let grid = try #require(panels[0]["categorical"] as? [String: Any])
        #expect(grid["rows"] as? Int == 2 && grid["columns"] as? Int == 2 && grid["categories"] as? [String] == ["yes", "no"])
        #expect(grid["row_labels"] as? [String] == ["a", "b"] && grid["column_title"] as? String == "column")
        #expect(panels[1]["categorical"] == nil)
    }

    @Test func aFigureDrawsEveryPanel() throws {
        let figure = Book.figure("2.2")!
        let result = BookResult(try runFigure(figure, options: BookRunOptions(runs: 4)))
        let picture = BookChart.picture(result, figure: figure)
        #expect(picture.height == Double(BookChart.panelHeight * 2))
        let texts = picture.items.compactMap { item -> String? in
            if case .text(let text, _, _, _, _) = item { return text }
            return nil
        }
        #expect(texts.contains("% Optimal action") && texts.contains("Average reward") && texts.contains("ε = 0.1"))
    }
}
