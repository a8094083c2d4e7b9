import RLBlackjack
import RLCliffWalking
import RLFrozenLake
import RLRender
import RLTaxi
import Testing

@testable import RLGridRender
@testable import RLSDL

/// Paints one known frame of each toy-text world and reads the pixels back: the walker, the
/// holes, the cliff, the taxi, the passenger and the cards are where the state puts them.
/// SDL keeps global state, so these run one at a time.
@Suite(.serialized) struct ToyTextPixelTests {
    let scale = 10.0
    let hud = ToyTextHUD(episode: 3, step: 7, episodeReturn: -2, metrics: [("success", 0)], status: "30 STEPS/S")

    func painted(_ scene: Scene) throws -> SoftwareCanvas {
        let canvas = try SoftwareCanvas(width: Int(scene.width * scale), height: Int(scene.height * scale))
        canvas.paint(scene, scale: scale)
        return canvas
    }

    /// The pixel at the centre of a board cell (or at a fraction of the cell from its corner).
    func pixel(_ canvas: SoftwareCanvas, boardWidth: Double, row: Int, column: Int, at fraction: Double = 0.5) -> RGBA {
        let origin = ToyTextFrame.boardOrigin(boardWidth: boardWidth, metricNames: hud.metrics.map(\.name))
        let cell = ToyTextFrame.cell
        return canvas.pixel(
            x: Int((origin.x + (Double(column) + fraction) * cell) * scale),
            y: Int((origin.y + (Double(row) + fraction) * cell) * scale))
    }

    @Test func frozenLakeShowsTheWalkerTheHolesAndTheGoal() throws {
        // The walker on cell 5's neighbour 6 (row 1, column 2) of the 4x4 map.
        let canvas = try painted(ToyTextScenes.frozenLake(map: .fourByFour, position: 6, hud: hud))
        let width = 4 * ToyTextFrame.cell
        #expect(pixel(canvas, boardWidth: width, row: 1, column: 2) == ToyTextPalette.walker)
        #expect(pixel(canvas, boardWidth: width, row: 1, column: 2, at: 0.1) == ToyTextPalette.ice)
        #expect(pixel(canvas, boardWidth: width, row: 1, column: 1) == ToyTextPalette.hole)
        #expect(pixel(canvas, boardWidth: width, row: 3, column: 3) == ToyTextPalette.goal)
        #expect(pixel(canvas, boardWidth: width, row: 0, column: 0) == ToyTextPalette.start)
        #expect(canvas.pixel(x: 2, y: Int(ToyTextFrame.hudHeight * scale) + 2) == ToyTextPalette.background)
    }

    @Test func cliffWalkingShowsTheCliffAndTheWalker() throws {
        let canvas = try painted(ToyTextScenes.cliffWalking(position: GridPosition(row: 2, column: 5), hud: hud))
        let width = 12 * ToyTextFrame.cell
        #expect(pixel(canvas, boardWidth: width, row: 2, column: 5) == ToyTextPalette.walker)
        #expect(pixel(canvas, boardWidth: width, row: 3, column: 5) == ToyTextPalette.cliff)
        #expect(pixel(canvas, boardWidth: width, row: 3, column: 11) == ToyTextPalette.goal)
        #expect(pixel(canvas, boardWidth: width, row: 0, column: 0) == ToyTextPalette.ice)
    }

    @Test func taxiShowsTheTaxiThePassengerTheDestinationAndTheWalls() throws {
        // Taxi at (2, 2), passenger waiting at Yellow (4, 0), destination Blue (4, 3).
        let state = TaxiState(taxiRow: 2, taxiColumn: 2, passenger: 2, destination: 3)
        let canvas = try painted(ToyTextScenes.taxi(state: state, hud: hud))
        let width = 5 * ToyTextFrame.cell
        #expect(pixel(canvas, boardWidth: width, row: 2, column: 2) == ToyTextPalette.taxi)
        #expect(pixel(canvas, boardWidth: width, row: 4, column: 0) == ToyTextPalette.passenger)
        #expect(pixel(canvas, boardWidth: width, row: 4, column: 3, at: 0.5) == ToyTextPalette.stands[3])
        #expect(pixel(canvas, boardWidth: width, row: 4, column: 3, at: 0.15) == ToyTextPalette.destination)
        #expect(pixel(canvas, boardWidth: width, row: 1, column: 1) == ToyTextPalette.road)
        // The wall between columns 1 and 2 on row 0 ("|R: | : :G|").
        #expect(pixel(canvas, boardWidth: width, row: 0, column: 2, at: 0) == ToyTextPalette.wall)
        // Aboard, the taxi turns green.
        let aboard = try painted(ToyTextScenes.taxi(state: TaxiState(taxiRow: 1, taxiColumn: 3, passenger: 4, destination: 0), hud: hud))
        #expect(pixel(aboard, boardWidth: width, row: 1, column: 3) == ToyTextPalette.taxiFull)
    }

    @Test func blackjackShowsBothHandsAndHidesTheDealersSecondCard() throws {
        let scene = ToyTextScenes.blackjack(player: [10, 6], dealer: [1, 9], dealerRevealed: false, hud: hud)
        let canvas = try painted(scene)
        let count = 7.0, step = ToyTextScenes.cardWidth + 1.5
        let origin = ToyTextFrame.boardOrigin(boardWidth: count * step + 1.5, metricNames: hud.metrics.map(\.name))
        func cardPixel(_ index: Int, top: Double) -> RGBA {
            canvas.pixel(
                x: Int((origin.x + 1.5 + Double(index) * step + ToyTextScenes.cardWidth - 1) * scale),
                y: Int((top + 3 + ToyTextScenes.cardHeight - 1) * scale))
        }
        #expect(cardPixel(0, top: origin.y + 1) == ToyTextPalette.card)
        #expect(cardPixel(1, top: origin.y + 1) == ToyTextPalette.cardBack)
        #expect(cardPixel(2, top: origin.y + 1) == ToyTextPalette.table)
        #expect(cardPixel(1, top: origin.y + ToyTextScenes.cardHeight + 8) == ToyTextPalette.card)
        #expect(scene.texts.contains("DEALER SHOWS A") && scene.texts.contains("PLAYER 16"))
        #expect(ToyTextScenes.blackjack(player: [10, 6, 5], dealer: [1, 9], dealerRevealed: true, hud: hud).texts.contains("DEALER 20"))
    }

    @Test func theHUDFollowsPongsConventions() {
        var withView = hud
        withView.agentView = ToyTextAgentView(
            stateLines: ["cell 6"], actionNames: ["left", "down"], actionValues: [0.5, 0.25], chosenAction: 0)
        withView.banner = ("GOAL", ToyTextPalette.success)
        let texts = ToyTextScenes.frozenLake(map: .fourByFour, position: 6, hud: withView).texts
        for line in ["RETURN -2", "EPISODE 3", "30 STEPS/S", "STEP 7", "SUCCESS 0", "CELL 6", ">LEFT 0.50", " DOWN 0.25", "GOAL"] {
            #expect(texts.contains(line), "\(line)")
        }
    }

    @Test func theBannerGoesBelowAnOverlayThatReachesTheMiddle() {
        let view = ToyTextAgentView(
            stateLines: (1...6).map { "coordinate \($0) 0.000" }, actionNames: ["left", "none", "right"], actionValues: [0, 0, 0],
            chosenAction: 0)
        func layout(boardHeight: Double) -> (panelBottom: Double, bannerTop: Double) {
            let hud = ToyTextHUD(episode: 1, step: 9, episodeReturn: -9, banner: ("TIME UP", ToyTextPalette.timeUp), agentView: view)
            let scene = ToyTextFrame.scene(board: [], boardWidth: 60, boardHeight: boardHeight, hud: hud)
            let panel = scene.items.compactMap { if case .rectangle(let rect, ToyTextPalette.shade) = $0 { rect } else { nil } }[0]
            let banner = scene.items.compactMap { if case .text("TIME UP", _, let y, _, _) = $0 { y } else { nil } }[0]
            return (panel.y + panel.height, banner)
        }
        let roomy = layout(boardHeight: 40)
        #expect(roomy.bannerTop - 1 >= roomy.panelBottom)
        // A board too short for both keeps the banner in its middle.
        let short = layout(boardHeight: 30)
        #expect(abs(short.bannerTop - (ToyTextFrame.boardOrigin(boardWidth: 60).y + (30 - 7 * 0.6) / 2)) < 1e-9)
    }
}
