import RLBlackjack
import RLCliffWalking
import RLFrozenLake
import RLMaze
import RLRender
import RLShortCorridor
import RLTaxi
import RLWindyGridworld

/// The pictures of the toy-text worlds: each world's state drawn as a board under the HUD.
/// The worlds know nothing of them; they read only the worlds' public state.
public enum ToyTextScenes {
    static var cell: Double { ToyTextFrame.cell }
    /// The gap between cells, showing the grid.
    static let gap = 0.25

    static func cellRect(row: Int, column: Int, origin: (x: Double, y: Double), inset: Double = gap) -> Rect {
        Rect(
            x: origin.x + Double(column) * cell + inset, y: origin.y + Double(row) * cell + inset,
            width: cell - 2 * inset, height: cell - 2 * inset)
    }

    static func walker(row: Int, column: Int, origin: (x: Double, y: Double)) -> SceneItem {
        .circle(
            centerX: origin.x + (Double(column) + 0.5) * cell, centerY: origin.y + (Double(row) + 0.5) * cell,
            radius: cell * 0.3, ToyTextPalette.walker)
    }

    /// A board of `rows × columns` cells, each coloured by `color(row, column)`, with the walker
    /// on cell `position` (row-major): the grid worlds' common picture.
    static func board(
        rows: Int, columns: Int, position: Int, hud: ToyTextHUD, color: (_ row: Int, _ column: Int) -> RGBA
    ) -> Scene {
        let width = Double(columns) * cell, height = Double(rows) * cell
        let origin = ToyTextFrame.boardOrigin(boardWidth: width, metricNames: hud.metrics.map(\.name))
        var items: [SceneItem] = [.rectangle(Rect(x: origin.x, y: origin.y, width: width, height: height), ToyTextPalette.gridLine)]
        for row in 0..<rows {
            for column in 0..<columns {
                items.append(.rectangle(cellRect(row: row, column: column, origin: origin), color(row, column)))
            }
        }
        items.append(walker(row: position / columns, column: position % columns, origin: origin))
        return ToyTextFrame.scene(board: items, boardWidth: width, boardHeight: height, hud: hud)
    }

    /// FrozenLake: ice, holes, the start and the goal, and the walker on cell `position`.
    public static func frozenLake(map: LakeMap, position: Int, hud: ToyTextHUD) -> Scene {
        board(rows: map.rows, columns: map.columns, position: position, hud: hud) { row, column in
            switch map.tiles[row][column] {
            case .frozen: ToyTextPalette.ice
            case .start: ToyTextPalette.start
            case .hole: ToyTextPalette.hole
            case .goal: ToyTextPalette.goal
            }
        }
    }

    /// Cliff Walking: the grid, the cliff along the bottom, the start and the goal, the walker.
    public static func cliffWalking(position: GridPosition, hud: ToyTextHUD) -> Scene {
        board(
            rows: CliffWalking.rows, columns: CliffWalking.columns, position: position.row * CliffWalking.columns + position.column,
            hud: hud
        ) { row, column in
            let here = GridPosition(row: row, column: column)
            return CliffWalking.isCliff(here)
                ? ToyTextPalette.cliff
                : here == CliffWalking.goal ? ToyTextPalette.goal : here == CliffWalking.start ? ToyTextPalette.start : ToyTextPalette.ice
        }
    }

    /// The windy gridworld: the start, the goal, and each column tinted by its wind's strength
    /// (the stronger, the darker blue), the walker on cell `position`.
    public static func windyGridworld(position: Int, hud: ToyTextHUD) -> Scene {
        board(rows: WindyGridworld.rows, columns: WindyGridworld.columns, position: position, hud: hud) { row, column in
            let cell = row * WindyGridworld.columns + column
            if cell == WindyGridworld.start { return ToyTextPalette.start }
            if cell == WindyGridworld.goal { return ToyTextPalette.goal }
            return ToyTextPalette.wind[WindyGridworld.wind[column]]
        }
    }

    /// The short corridor: the start, the switched state (tinted as a wall), the third state and
    /// the goal, in a row, the walker on `state`.
    public static func shortCorridor(state: Int, hud: ToyTextHUD) -> Scene {
        board(rows: 1, columns: ShortCorridor.states + 1, position: state, hud: hud) { _, column in
            column == 0
                ? ToyTextPalette.start
                : column == ShortCorridor.switched
                    ? ToyTextPalette.cliff : column == ShortCorridor.goal ? ToyTextPalette.goal : ToyTextPalette.ice
        }
    }

    /// Example 4.1's gridworld: a `size × size` board, its two terminal corners (top left,
    /// bottom right) shaded as goals, the walker on `state`.
    public static func smallGridworld(size: Int, state: Int, hud: ToyTextHUD) -> Scene {
        board(rows: size, columns: size, position: state, hud: hud) { row, column in
            (row == 0 && column == 0) || (row == size - 1 && column == size - 1) ? ToyTextPalette.goal : ToyTextPalette.ice
        }
    }

    /// A maze: free cells, walls (as they stand now), the start, the goal, the walker.
    public static func maze(_ maze: Maze, hud: ToyTextHUD) -> Scene {
        let layout = maze.layout, walls = maze.walls
        return board(rows: layout.rows, columns: layout.columns, position: maze.position, hud: hud) { row, column in
            let cell = row * layout.columns + column
            return walls[cell]
                ? ToyTextPalette.mazeWall
                : cell == layout.goal ? ToyTextPalette.goal : cell == layout.start ? ToyTextPalette.start : ToyTextPalette.ice
        }
    }

    /// Taxi: the road, the four coloured stands, the walls, the destination (a magenta mark),
    /// the waiting passenger (a blue disc) and the taxi (yellow, green with the passenger aboard).
    public static func taxi(state: TaxiState, hud: ToyTextHUD) -> Scene {
        let size = 5
        let width = Double(size) * cell, height = Double(size) * cell
        let origin = ToyTextFrame.boardOrigin(boardWidth: width, metricNames: hud.metrics.map(\.name))
        var items: [SceneItem] = [.rectangle(Rect(x: origin.x, y: origin.y, width: width, height: height), ToyTextPalette.gridLine)]
        for row in 0..<size {
            for column in 0..<size {
                items.append(.rectangle(cellRect(row: row, column: column, origin: origin), ToyTextPalette.road))
            }
        }
        for (index, stand) in Taxi.stands.enumerated() {
            items.append(.rectangle(cellRect(row: stand.row, column: stand.column, origin: origin, inset: 1), ToyTextPalette.stands[index]))
        }
        // Walls: a '|' in Gymnasium's map between two cells, and the border.
        let wall = 0.8
        for row in 0..<size {
            let line = Array(Taxi.map[row + 1])
            for column in 0..<(size - 1) where line[2 * column + 2] == "|" {
                items.append(
                    .rectangle(
                        Rect(
                            x: origin.x + Double(column + 1) * cell - wall / 2, y: origin.y + Double(row) * cell,
                            width: wall, height: cell), ToyTextPalette.wall))
            }
        }
        items += [
            .rectangle(Rect(x: origin.x - wall, y: origin.y - wall, width: width + 2 * wall, height: wall), ToyTextPalette.wall),
            .rectangle(Rect(x: origin.x - wall, y: origin.y + height, width: width + 2 * wall, height: wall), ToyTextPalette.wall),
            .rectangle(Rect(x: origin.x - wall, y: origin.y, width: wall, height: height), ToyTextPalette.wall),
            .rectangle(Rect(x: origin.x + width, y: origin.y, width: wall, height: height), ToyTextPalette.wall),
        ]
        let destination = Taxi.stands[state.destination]
        let mark = cellRect(row: destination.row, column: destination.column, origin: origin, inset: 1)
        items.append(.rectangle(Rect(x: mark.x, y: mark.y, width: mark.width, height: 1.2), ToyTextPalette.destination))
        let aboard = state.passenger == TaxiState.inTaxi
        items.append(
            .rectangle(
                cellRect(row: state.taxiRow, column: state.taxiColumn, origin: origin, inset: 2),
                aboard ? ToyTextPalette.taxiFull : ToyTextPalette.taxi))
        if !aboard {
            let stand = Taxi.stands[state.passenger]
            items.append(
                .circle(
                    centerX: origin.x + (Double(stand.column) + 0.5) * cell,
                    centerY: origin.y + (Double(stand.row) + 0.5) * cell, radius: cell * 0.2, ToyTextPalette.passenger))
        }
        return ToyTextFrame.scene(board: items, boardWidth: width, boardHeight: height, hud: hud)
    }

    /// The size of a card, in scene units.
    public static let cardWidth = 7.0
    public static let cardHeight = 10.0
    /// Cards a row shows before the table widens.
    static let cardsPerRow = 7

    /// Blackjack: the dealer's hand above (its second card face down until the game ends) and
    /// the player's below, each with its total.
    public static func blackjack(player: [Int], dealer: [Int], dealerRevealed: Bool, hud: ToyTextHUD) -> Scene {
        let step = cardWidth + 1.5
        let count = max(cardsPerRow, player.count, dealer.count)
        let width = Double(count) * step + 1.5, height = 2 * cardHeight + 14
        let origin = ToyTextFrame.boardOrigin(boardWidth: width, metricNames: hud.metrics.map(\.name))
        var items: [SceneItem] = [.rectangle(Rect(x: origin.x, y: origin.y, width: width, height: height), ToyTextPalette.table)]
        let size = ToyTextFrame.textPixelSize
        func hand(_ cards: [Int], top: Double, hidingSecond: Bool, label: String) {
            items.append(.text(label, x: origin.x + 1.5, y: top, pixelSize: size, ToyTextPalette.hudText))
            for (index, card) in cards.enumerated() {
                let rect = Rect(x: origin.x + 1.5 + Double(index) * step, y: top + 3, width: cardWidth, height: cardHeight)
                if hidingSecond && index == 1 {
                    items.append(.rectangle(rect, ToyTextPalette.cardBack))
                    continue
                }
                items.append(.rectangle(rect, ToyTextPalette.card))
                let text = card == 1 ? "A" : String(card)
                items.append(.text(text, x: rect.x + 1, y: rect.y + 1, pixelSize: size * 1.5, ToyTextPalette.cardText))
            }
        }
        let dealerWords =
            dealerRevealed
            ? "DEALER \(blackjackTotal(dealer).total)" : "DEALER SHOWS \(dealer.first.map { $0 == 1 ? "A" : String($0) } ?? "")"
        let playerTotal = blackjackTotal(player)
        hand(dealer, top: origin.y + 1, hidingSecond: !dealerRevealed, label: dealerWords)
        hand(
            player, top: origin.y + cardHeight + 8, hidingSecond: false,
            label: "PLAYER \(playerTotal.total)" + (playerTotal.usableAce ? " USABLE ACE" : ""))
        return ToyTextFrame.scene(board: items, boardWidth: width, boardHeight: height, hud: hud)
    }
}
