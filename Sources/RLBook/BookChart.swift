import RLApp
import RLRender

/// A figure as one picture: its panels one above the other, each a ``BandChart`` with the book's
/// axes, scales and legend text, under the figure's number and caption.
public enum BookChart {
    public static let width = 1000
    /// The height of one panel.
    public static let panelHeight = 600
    /// A series of at most this many points is a parameter study: its points are marked.
    static let maximumStudyPoints = 20

    public static func picture(_ result: BookResult, figure: BookFigure) -> Scene {
        var picture = Scene(width: Double(width), height: Double(panelHeight * max(result.panels.count, 1)), background: .white)
        for (index, panel) in result.panels.enumerated() {
            let declared = figure.panels[index]
            // The first panel carries the figure's number and caption; the others their own title.
            let title =
                index == 0
                ? "\(figure.heading): \(figure.title)" + (panel.title.isEmpty ? "" : " - \(panel.title)")
                : panel.title
            // A parameter study's few points are marked, with a bar of ± one standard error; a
            // curve of many points is drawn as the book draws it, a line.
            let study = panel.series.allSatisfy { $0.x.count <= maximumStudyPoints }
            let chart = BandChart.picture(
                panel.series.map { series in
                    let error = study ? series.standardError : Array(repeating: 0, count: series.y.count)
                    return BandChart.Series(
                        label: series.label, x: series.x, y: series.y, low: zip(series.y, error).map { $0 - $1 },
                        high: zip(series.y, error).map { $0 + $1 })
                },
                title: title, xLabel: panel.xLabel, yLabel: panel.yLabel, yRange: declared.yRange, errorBars: study,
                logarithmicX: declared.xScale == .logarithmic2, bands: false, width: width, height: panelHeight)
            let top = Double(index * panelHeight)
            picture.items += chart.items.map { $0.offset(x: 0, y: top) }
        }
        return picture
    }
}
