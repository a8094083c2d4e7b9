import Foundation
import RLExperiments
import RLRender
import Testing

@testable import RLApp

@Suite struct ReportTests {
    func line(_ id: String, rate: String, final: Double, hits: Double = 0, episodes: Int = 100) -> String {
        #"{"agent":"q-learning","curve":"c.csv","env":"pong","episodes":\#(episodes),"evaluation":{"return":\#(final),"hits":\#(hits)},"final":\#(final),"id":"\#(id)","metric":"return","policy":"p","resolved":{},"seconds":1,"training_seconds":1,"seed":1,"settings":{"learning-rate":"\#(rate)"},"steps":10}"#
    }

    func write(_ lines: [String], to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func runsGroupByConfigurationAndCountOnceAcrossFiles() throws {
        let folder = temporaryFolder()
        try write(
            [line("a", rate: "0.1", final: 1), line("b", rate: "0.5", final: 2), line("c", rate: "0.1", final: 3)],
            to: folder + "/one.jsonl")
        // "a" again (a merged file read with its shards), and a configuration that differs only in episodes.
        try write([line("a", rate: "0.1", final: 1), line("d", rate: "0.1", final: 5, episodes: 200)], to: folder + "/two.jsonl")
        let groups = try loadReportGroups([folder + "/one.jsonl", folder + "/two.jsonl"])
        #expect(groups.map(\.results.count) == [2, 1, 1])
        #expect(groups[0].label == "pong q-learning learning-rate=0.1")
        #expect(groups[0].curves[0] == folder + "/c.csv")
        #expect(try groups.named("2").label == "pong q-learning learning-rate=0.5")
        #expect(throws: ExperimentError.self) { try groups.named("pong q-learning learning-rate=0.1") }
        #expect(throws: ExperimentError.self) { try groups.named("9") }
        // Ids name configurations whatever the order of the files: the two that share a label too.
        #expect(Set(groups.map(\.id)).count == 3 && groups.allSatisfy { $0.id.count == 8 })
        #expect(try groups.named(groups[2].id).episodes == 200)
        #expect(try groups.named(groups[0].id.uppercased()).episodes == 100)
        let reversed = try loadReportGroups([folder + "/two.jsonl", folder + "/one.jsonl"])
        #expect(try reversed.named(groups[1].id).label == "pong q-learning learning-rate=0.5")
        #expect(reversed.map(\.id).sorted() == groups.map(\.id).sorted())
        // An unknown name lists a few choices, not hundreds.
        let many = (0..<10).map {
            ReportGroup(env: "pong", agent: "q-learning", episodes: 100, settings: ["discount": "0.\($0)"], results: [], curves: [])
        }
        let error = #expect(throws: ExperimentError.self) { try many.named("x") }
        #expect(error?.message.hasSuffix("and 2 more)") == true && error?.kind == .usage, "\(String(describing: error))")
    }

    @Test func statisticsAreOverRuns() throws {
        let folder = temporaryFolder()
        let finals: [Double] = [1, 2, 3, 4, 100, 6, 7, 8]
        try write(
            finals.enumerated().map { line("r\($0.offset)", rate: "0.1", final: $0.element, hits: 10 * $0.element) },
            to: folder + "/r.jsonl")
        let group = try loadReportGroups([folder + "/r.jsonl"])[0]
        let summary = try summarize(group, metric: nil, replicates: 2_000, seed: 1)
        #expect(summary.runs == 8 && summary.mean == 16.375)
        #expect(summary.median == 5)  // of the runs, not of one task's mean
        #expect(summary.iqm == 5)  // trim_mean([1...8 with 100], 0.25): the middle four, 3 4 6 7
        #expect(summary.iqmCI[0] <= summary.iqm && summary.iqm <= summary.iqmCI[1])
        #expect(try summarize(group, metric: "hits", replicates: 200).mean == 163.75)
        #expect(throws: ExperimentError.self) { try summarize(group, metric: "won", replicates: 200) }
        // The same seed, the same report.
        #expect(try summarize(group, metric: nil, replicates: 2_000, seed: 1) == summary)
    }

    @Test func aBandChartDrawsALegendLineAndABandPerSeries() {
        let series = [
            BandChart.Series(label: "first", x: [0, 1, 2], y: [1, 2, 3], low: [0, 1, 2], high: [2, 3, 4]),
            BandChart.Series(label: "second", x: [0, 1, 2], y: [3, 2, 1], low: [2, 1, 0], high: [4, 3, 2]),
        ]
        let picture = BandChart.picture(series, title: "t", xLabel: "x", yLabel: "y")
        #expect(picture.texts.contains("first") && picture.texts.contains("second"))
        let colours = Set(picture.filledRectangles().map(\.1))
        #expect(colours.contains(BandChart.palette[0]) && colours.contains(BandChart.palette[1]))
    }

    /// Past eight curves the colours come back dashed, then dotted: no two of 24 look alike.
    @Test func curvesNineToSixteenAreDashed() {
        #expect(BandChart.dashPattern(ofSeries: 7) == nil)
        #expect(BandChart.dashPattern(ofSeries: 8)! == (10, 6))
        #expect(BandChart.dashPattern(ofSeries: 16)! == (3, 5))
        var travelled = 0.0
        let pieces = BandChart.dashes(from: (0, 0), to: (32, 0), pattern: (10, 6), travelled: &travelled)
        #expect(pieces.map { [$0.0.0, $0.1.0] } == [[0, 10], [16, 26]])
        // The next segment goes on with the pattern where this one left it (32 = 2 periods).
        let next = BandChart.dashes(from: (32, 0), to: (40, 0), pattern: (10, 6), travelled: &travelled)
        #expect(next.map { [$0.0.0, $0.1.0] } == [[32, 40]])
        let series = (0..<12).map { BandChart.Series(label: "c\($0)", x: [0, 1], y: [0, 1], low: [0, 1], high: [0, 1]) }
        let picture = BandChart.picture(series, title: "t", xLabel: "x", yLabel: "y")
        // The ninth legend sample is drawn in pieces, the first in one.
        let ninth = picture.filledRectangles().filter { $0.1 == BandChart.palette[0] && $0.0.height == 6 }
        #expect(ninth.count > 2)
    }

    /// Two configurations with the same scores have the same profile: the second is drawn just
    /// below the first, not under it, and its legend says which it repeats.
    @Test func identicalCurvesAreBothVisibleAndTheLegendSaysSo() {
        let same = BandChart.Series(label: "a", x: [0, 1, 2], y: [1, 0.5, 0], low: [1, 0.4, 0], high: [1, 0.6, 0])
        var twin = same, other = same, third = same
        twin.label = "b"
        other.label = "c"
        other.y = [1, 0.2, 0]
        third.label = "d"
        third.y[1] += 1e-15  // the same means, summed in another order
        let series = [same, other, twin, third]
        #expect(BandChart.coincidences(series).map { $0.map { [$0.first, $0.rank] } } == [nil, nil, [0, 1], [0, 2]])
        let picture = BandChart.picture(series, title: "t", xLabel: "x", yLabel: "y")
        #expect(picture.texts.contains("a") && picture.texts.contains("c"))
        #expect(picture.texts.contains("b (same curve as the 1st, drawn 2 px lower)"))
        #expect(picture.texts.contains("d (same curve as the 1st, drawn 4 px lower)"))
        func curve(_ index: Int) -> [[Double]] {
            picture.items.compactMap { item in
                guard case .line(let x0, let y0, let x1, let y1, let colour) = item, colour == BandChart.palette[index] else { return nil }
                return [x0, y0, x1, y1]
            }
        }
        #expect(!curve(0).isEmpty && curve(2).count == curve(0).count)
        func shifted(_ lines: [[Double]], by pixels: Double) -> [[Double]] {
            lines.map { [$0[0], ($0[1] + pixels).rounded(), $0[2], ($0[3] + pixels).rounded()] }
        }
        #expect(shifted(curve(2), by: 0) == shifted(curve(0), by: 2))
        #expect(shifted(curve(3), by: 0) == shifted(curve(0), by: 4))
        #expect(curve(1) != curve(0))
        #expect(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th"] == [1, 2, 3, 4, 11, 12, 13, 21, 112].map(ordinal))
    }

    @Test func longTitlesAndLabelsWrapInsideThePicture() {
        let label = String(repeating: "mountain-car sarsa learning-rate=0.5 ", count: 4)
        let series = [BandChart.Series(label: label, x: [0, 1], y: [1, 2], low: [1, 2], high: [1, 2])]
        let picture = BandChart.picture(series, title: String(repeating: "a long title ", count: 20), xLabel: "x", yLabel: "y", width: 600)
        var widest = 0.0
        for item in picture.items {
            if case .text(let text, let x, _, _, _) = item { widest = max(widest, x + BandChart.textWidth(text)) }
        }
        #expect(widest <= 600)
        #expect(picture.texts.filter { $0.hasPrefix("mountain-car") }.count == 4)
    }

    @Test func aLogarithmicAxisIsTickedAtRoundValues() {
        #expect(logarithmicTicks(from: log10(90), to: log10(20_000)) == [100, 1_000, 10_000])
        #expect(logarithmicTicks(from: log10(90), to: log10(2_500)) == [100, 200, 500, 1_000, 2_000])
        // Narrower than a decade: linear round values, spaced by their logarithms on the chart.
        #expect(logarithmicTicks(from: log10(110), to: log10(205)) == [120, 140, 160, 180, 200])
        let series = [BandChart.Series(label: "s", x: [0, 1], y: [100, 1_000], low: [100, 1_000], high: [100, 1_000])]
        let picture = BandChart.picture(series, title: "t", xLabel: "x", yLabel: "y", logarithmicY: true)
        #expect(picture.texts.contains("100") && picture.texts.contains("1000"))
    }
}
