import Foundation
import RLCore
import RLPong
import RLRender
import RLSDL
import RLTabular
import Testing

@testable import RLApp

@Suite struct PictureTests {
    static let log = """
        episode,return,steps,hits,misses,avoidable_misses,epsilon,eval_return,eval_steps,eval_avoidable_misses
        1,-20,97,1,3,3,1,,,
        2,-10,129,2,3,3,0.9,,,
        3,0,200,3,3,3,0.8,15,300,1
        4,30,400,6,3,3,0.7,,,
        5,60,700,9,3,3,0.6,90,800,0

        """

    @Test func theLogParsesWithItsEvaluations() throws {
        let curve = try LearningCurve(csv: Self.log)
        #expect(curve.episodes == [1, 2, 3, 4, 5] && curve.returns == [-20, -10, 0, 30, 60] && curve.steps == [97, 129, 200, 400, 700])
        #expect(curve.evaluations.map(\.episode) == [3, 5] && curve.evaluations.map(\.meanReturn) == [15, 90])
        // The core log without evaluation columns, columns in another order, is fine too.
        let plain = try LearningCurve(csv: "steps,episode,return\n10,1,-5\n20,2,5\n")
        #expect(plain.returns == [-5, 5] && plain.steps == [10, 20] && plain.evaluations.isEmpty)
    }

    @Test(arguments: [
        ("", "is empty"),
        ("episode,steps\n1,2\n", "no column 'return'"),
        ("a,b\n", "no column 'episode', 'return', 'steps'"),
        ("episode,return,steps\n", "no episodes"),
        ("episode,return,steps\n1,x,3\n", "line 2: 'x' in column 'return' is not a number"),
        ("episode,return,steps\n1,2\n", "line 2: 2 fields, but the header has 3"),
        ("episode,return,steps\n1.5,2,3\n", "not a whole number"),
    ])
    func badLogsAreOneLine(text: String, expected: String) {
        do {
            _ = try LearningCurve(csv: text, name: "run.csv")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func movingAveragesByHand() {
        #expect(movingAverage([1, 2, 3, 4, 5], window: 2) == [1, 1.5, 2.5, 3.5, 4.5])
        #expect(movingAverage([4, 8, 0], window: 5) == [4, 6, 4])
        #expect(movingAverage([7], window: 1) == [7])
    }

    @Test func niceTicksAreRound() {
        #expect(niceTicks(from: 0, to: 100) == [0, 20, 40, 60, 80, 100])
        #expect(niceTicks(from: -23, to: 61) == [-20, 0, 20, 40, 60])
        #expect(niceTicks(from: 1, to: 6000) == [1000, 2000, 3000, 4000, 5000, 6000])
    }

    @Test func theChartStaysInsideItsFramesAndDrawsEverySeries() throws {
        let curve = try LearningCurve(csv: Self.log)
        let picture = LearningCurveChart.picture(curve, window: 2, width: 600, height: 400)
        #expect(picture.width == 600 && picture.height == 400)
        let frames = LearningCurveChart.frames(width: 600, height: 400)
        var averageLines = 0, dots = 0, bars = 0
        for shape in picture.items {
            switch shape {
            case .line(let x0, let y0, let x1, let y1, let colour) where colour == LearningCurveChart.averageColour:
                averageLines += 1
                #expect(
                    frames.contains { f in
                        [x0, x1].allSatisfy { $0 >= f.x - 0.5 && $0 <= f.x + f.width + 0.5 }
                            && [y0, y1].allSatisfy { $0 >= f.y && $0 <= f.y + f.height + 1 }
                    })
            case .circle(_, _, _, let colour) where colour == LearningCurveChart.evaluationColour: dots += 1
            case .rectangle(_, let colour) where colour == LearningCurveChart.rawColour: bars += 1
            default: break
            }
        }
        #expect(averageLines == 2 * 2 * 4 && dots == 2 * 2 && bars == 2 * 5)
        // The highest return is drawn at the top of its panel (5% padding), the lowest at the bottom.
        let returnsFrame = frames[0]
        let dotYs = picture.items.compactMap { shape -> Double? in
            if case .circle(_, let y, _, let colour) = shape, colour == LearningCurveChart.evaluationColour { return y }
            return nil
        }
        #expect(dotYs[0] > dotYs[1] && dotYs[1] > returnsFrame.y)
        #expect(picture.texts.contains("return per episode"))
    }

    @Test func theHeatmapColoursCellsByValueAndGreysUnvisitedOnes() throws {
        let loaded = try InspectionTests.handMadePolicy(in: temporaryFolder())
        let panels = try loaded.panels()
        let picture = PolicyHeatmap.picture(panels, table: loaded.policy.table, actions: ["up", "down"], cellSize: 10)
        let cells = picture.items.compactMap { item -> (Double, Double, RGBA)? in
            if case .rectangle(let rect, let colour) = item, rect.width == 10, rect.height == 10 { return (rect.x, rect.y, colour) }
            return nil
        }
        #expect(cells.count == 4 * 6 * 5)
        #expect(cells.filter { $0.2 == PolicyHeatmap.unvisitedColour }.count == 4 * 6 * 5 - 3)
        // Best values: 1.9, 12.25 and 0 (the tie): 12.25 is the greenest end, 0 the reddest.
        let coloured = Set(cells.map(\.2)).subtracting([PolicyHeatmap.unvisitedColour])
        #expect(
            coloured == [
                PolicyHeatmap.colour(atPosition: 1), PolicyHeatmap.colour(atPosition: 0), PolicyHeatmap.colour(atPosition: 1.9 / 12.25),
            ])
        // Two arrows (three strokes each); the tie has a question mark instead, inside its cell.
        let strokes = picture.items.filter { if case .line(_, _, _, _, PolicyHeatmap.arrowColour) = $0 { true } else { false } }
        #expect(strokes.count == 6)
        let tieMarks = picture.items.compactMap { item -> (Double, Double)? in
            if case .text("?", let x, let y, _, PolicyHeatmap.arrowColour) = item { return (x, y) }
            return nil
        }
        #expect(tieMarks.count == 1)
        let tieCell = try #require(cells.first { $0.2 == PolicyHeatmap.colour(atPosition: 0) })
        #expect(tieMarks.allSatisfy { $0.0 > tieCell.0 && $0.0 + 5 < tieCell.0 + 10 && $0.1 > tieCell.1 && $0.1 + 7 < tieCell.1 + 10 })
        // The legend explains the marks and the axes; each grid has tick labels on both axes.
        let texts = picture.texts
        #expect(texts.contains { $0.contains("? = tie") && $0.contains("grey = never visited") })
        #expect(texts.contains("rows: ball y (top of the court first), columns: ball x (lowest x of the bin; the paddle is on the left)"))
        let firstRow = try #require(panels[0].rowLabels.first?.split(separator: " ").last?.split(separator: ".").first)
        let lastColumn = try #require(panels[0].columnLabels.last)
        #expect(texts.filter { $0 == String(firstRow) }.count >= panels.count)
        #expect(texts.filter { $0 == lastColumn }.count >= panels.count)
        #expect(PolicyHeatmap.colour(atPosition: 0) == RGBA(215, 48, 39))
        #expect(PolicyHeatmap.colour(atPosition: 1) == RGBA(26, 152, 80))
    }

    /// A lake's holes are the world's own cells, dark with their letter, never the grey of a cell
    /// not visited; a single panel grows to fill the picture; long titles wrap inside their panel.
    @Test func theHeatmapMarksTheWorldsCellsAndWrapsTitles() throws {
        var table = QTable(stateShape: [16], actionCount: 4)
        for state in 0..<16 where state != 5 { table.setInPlace(Double(state), state: state, action: state % 4, countingVisit: true) }
        let panel = PolicyPanel(
            title: "a lake of four by four cells whose title runs on and on", rowLabels: ["0", "1", "2", "3"],
            columnLabels: ["0", "1", "2", "3"], rowAxis: "row", columnAxis: "column",
            states: (0..<4).map { row in (0..<4).map { row * 4 + $0 } }, marks: [5: "H", 15: "G"])
        let single = PolicyHeatmap.picture([panel], table: table, actions: ["left", "down", "right", "up"])
        let cells = single.items.compactMap { item -> (Rect, RGBA)? in
            if case .rectangle(let rect, let colour) = item, rect.width == rect.height, rect.width > 10 { return (rect, colour) }
            return nil
        }
        #expect(cells.count == 16, "one panel fills the legend's width with cells larger than 10 pixels")
        #expect(cells.filter { $0.1 == PolicyHeatmap.markedColour }.count == 2)
        #expect(cells.filter { $0.1 == PolicyHeatmap.unvisitedColour }.isEmpty)
        #expect(single.texts.contains { $0.contains("dark = the world's own cells") })
        // Four panels in a row: every title line ends before the next panel begins.
        let four = PolicyHeatmap.picture(Array(repeating: panel, count: 4), table: table, actions: ["left", "down", "right", "up"])
        let titleLines = four.items.compactMap { item -> (x: Double, width: Double)? in
            if case .text(let text, let x, let y, _, _) = item, y < 40, text.count > 3 {
                return (x, Double(BitmapFont.width(of: text)))
            }
            return nil
        }
        let starts = Set(titleLines.map(\.x)).sorted()
        #expect(starts.count == 4 && titleLines.count > 4, "the titles wrap: \(titleLines)")
        for line in titleLines {
            let next = starts.first { $0 > line.x } ?? four.width
            #expect(line.x + line.width < next, "\(line)")
        }
    }

    @Test func pngFilesReadBackWithTheDrawnPixels() throws {
        let folder = temporaryFolder()
        // The heatmap: a never-visited cell is grey, the best cell the scale's green end.
        let loaded = try InspectionTests.handMadePolicy(in: temporaryFolder())
        let panels = try loaded.panels()
        let heatmap = PolicyHeatmap.picture(panels, table: loaded.policy.table, actions: ["up", "down"], cellSize: 10)
        try PNGFile.write(heatmap, scale: 1, to: folder + "/heat.png")
        let image = try PNGFile.read(folder + "/heat.png")
        #expect(image.width == Int(heatmap.width) && image.height == Int(heatmap.height))
        func pixel(_ x: Double, _ y: Double) -> RGBA { image.pixels[Int(y) * image.width + Int(x)] }
        let cells = heatmap.items.compactMap { item -> (Rect, RGBA)? in
            if case .rectangle(let rect, let colour) = item, rect.width == 10 { return (rect, colour) }
            return nil
        }
        let grey = try #require(cells.first { $0.1 == PolicyHeatmap.unvisitedColour })
        #expect(pixel(grey.0.x + 1, grey.0.y + 1) == PolicyHeatmap.unvisitedColour)
        let best = try #require(cells.first { $0.1 == PolicyHeatmap.colour(atPosition: 1) })
        // A corner pixel: the arrow runs through the middle of the cell.
        #expect(pixel(best.0.x + 1, best.0.y + 1) == RGBA(26, 152, 80))
        #expect(pixel(0, 0) == .white)

        // The learning curve: the moving average's colour appears, the background is white.
        let curve = try LearningCurve(csv: Self.log)
        let chart = LearningCurveChart.picture(curve, window: 2, width: 400, height: 300)
        try PNGFile.write(chart, scale: 1, to: folder + "/curve.png")
        let picture = try PNGFile.read(folder + "/curve.png")
        #expect(picture.width == 400 && picture.height == 300)
        #expect(picture.pixels.contains(LearningCurveChart.averageColour))
        #expect(picture.pixels.contains(LearningCurveChart.evaluationColour))
        #expect(picture.pixels[picture.width * 299 + 399] == .white)
        let frame = LearningCurveChart.frames(width: 400, height: 300)[0]
        // The y axis is a black vertical line at the frame's left edge.
        #expect(picture.pixels[Int(frame.y + frame.height / 2) * 400 + Int(frame.x)] == .black)
    }
}
