import RLPong
import RLRender
import Testing

@testable import RLPongRender
@testable import RLSDL

/// `rl watch --scale 1...4`: painters snap font pixels to whole screen pixels, so text is
/// relatively larger at small scales. The layout makes room for it: HUD lines never overlap,
/// the banner stays inside the court, a notice stays readable. Checked on painted pixels.
@Suite(.serialized) struct SmallScaleTests {
    static let scales: [Double] = [1, 2, 3, 4, 5, 10]

    /// The bounding box, in screen pixels, of what `item` paints at `scale` on its frame's scene.
    static func paintedBox(_ item: SceneItem, in scene: Scene, scale: Double) throws -> (left: Int, top: Int, right: Int, bottom: Int)? {
        let alone = Scene(width: scene.width, height: scene.height, background: RGBA(0, 0, 0), items: [item])
        let canvas = try SoftwareCanvas(width: Int(scene.width * scale), height: Int(scene.height * scale))
        canvas.paint(alone, scale: scale)
        var box: (left: Int, top: Int, right: Int, bottom: Int)?
        for y in 0..<canvas.height {
            for x in 0..<canvas.width where canvas.pixel(x: x, y: y) != RGBA(0, 0, 0) {
                box = (min(box?.left ?? x, x), min(box?.top ?? y, y), max(box?.right ?? x, x), max(box?.bottom ?? y, y))
            }
        }
        return box
    }

    static func texts(of scene: Scene) -> [SceneItem] {
        scene.items.filter { if case .text = $0 { true } else { false } }
    }

    @Test(arguments: scales)
    func hudLinesDoNotOverlapAndStayAboveTheCourt(scale: Double) throws {
        var state = middleState
        state.score = -9999
        state.stepCount = 3000
        for status in [nil, "PAUSED", "1000 STEPS/S"] {
            let scene = frame(state, status: status).scene(scale: scale)
            let layout = PongLayout(configuration: PongConfiguration(), scale: scale, hasStatus: status != nil)
            let boxes = try Self.texts(of: scene).compactMap { try Self.paintedBox($0, in: scene, scale: scale) }
            #expect(boxes.count == (status == nil ? 4 : 5))
            for (index, box) in boxes.enumerated() {
                #expect(box.left >= 0 && box.right < Int(scene.width * scale), "scale \(scale): \(box)")
                #expect(box.bottom < Int(layout.court.y * scale) - 1, "scale \(scale): HUD line reaches the court")
                for other in boxes[(index + 1)...] {
                    let apart = box.right < other.left || other.right < box.left || box.bottom < other.top || other.bottom < box.top
                    #expect(apart, "scale \(scale), status \(status ?? "none"): \(box) overlaps \(other)")
                }
            }
        }
        // The default scale keeps its two-line HUD.
        if scale == 10 { #expect(PongLayout(configuration: PongConfiguration(), scale: 10, hasStatus: true).hudIsCompact) }
    }

    @Test(arguments: scales)
    func theBannerStaysInsideTheCourt(scale: Double) throws {
        for outcome in [EpisodeOutcome.gameOver, .won, .timeUp] {
            let scene = frame(outcome: outcome).scene(scale: scale)
            let court = ScenePainter.pixelRect(PongLayout(configuration: PongConfiguration(), scale: scale).court, scale: scale)
            let banner = Self.texts(of: scene).filter {
                if case .text(_, _, _, _, let colour) = $0 { colour != PongPalette.hudText } else { false }
            }
            #expect(!banner.isEmpty)
            #expect(
                banner.compactMap { if case .text(let text, _, _, _, _) = $0 { text } else { nil } }.joined(separator: " ")
                    == outcome.bannerText)
            for item in banner {
                let box = try #require(try Self.paintedBox(item, in: scene, scale: scale))
                #expect(
                    box.left > Int(court.x) && box.right < Int(court.x + court.w), "scale \(scale), \(outcome): \(box) vs court \(court)")
                #expect(box.top > Int(court.y) && box.bottom < Int(court.y + court.h))
            }
        }
    }

    @Test(arguments: scales)
    func aNoticeIsWrappedInsideTheCourt(scale: Double) throws {
        var shown = frame()
        let notice = "SAVED rl-watch-episode12-step3000.png"
        shown.notice = notice
        let scene = shown.scene(scale: scale)
        let court = ScenePainter.pixelRect(PongLayout(configuration: PongConfiguration(), scale: scale).court, scale: scale)
        let lines = scene.items.compactMap { item -> (String, SceneItem)? in
            if case .text(let text, _, _, _, PongPalette.noticeText) = item { return (text, item) }
            return nil
        }
        // Every character is shown, in order, across the lines; on the 50-pixel court of scale 1,
        // as much as fits, ending "..".
        let shownText = lines.map(\.0).joined().filter { $0 != " " }
        if scale == 1 {
            #expect(shownText.hasSuffix("..") && notice.filter { $0 != " " }.hasPrefix(shownText.dropLast(2)))
        } else {
            #expect(shownText == notice.filter { $0 != " " })
        }
        for (text, item) in lines {
            let box = try #require(try Self.paintedBox(item, in: scene, scale: scale))
            #expect(box.left >= Int(court.x) && box.right < Int(court.x + court.w), "scale \(scale): '\(text)' \(box) vs court \(court)")
            #expect(box.top > Int(court.y) && box.bottom < Int(court.y + court.h), "scale \(scale): '\(text)' \(box) vs court \(court)")
        }
        #expect(
            !frame().scene(scale: scale).items.contains { if case .text(_, _, _, _, PongPalette.noticeText) = $0 { true } else { false } })
    }
}
