import RLApp

/// The terminal while a game is on it, for `rl watch` and `rl play` alike: keys read one at a
/// time when standard input is a terminal, the cursor hidden and the screen cleared once, then
/// every frame redrawn in place from the top left. ``restore()`` gives the terminal back.
/// A class: it owns the terminal's mode while it lives.
final class TerminalScreen {
    private let output = ConsoleStream.standardOutput
    private let keyboard = TerminalKeyboard()

    init() { output.write("\u{1B}[?25l\u{1B}[2J") }

    /// Whether keys can be read (standard input is a terminal).
    var hasKeyboard: Bool { keyboard != nil }

    /// The keys pressed since the last call.
    func pendingKeys() -> [ScreenKey] { ScreenKey.keys(inTerminalInput: keyboard?.pendingBytes() ?? []) }

    /// Draws a frame over the last one.
    func show(_ lines: [String]) {
        output.write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\r\n") + "\u{1B}[K\u{1B}[J")
    }

    /// The terminal's own mode, colours and cursor again.
    func restore() {
        keyboard?.restore()
        output.write("\u{1B}[0m\u{1B}[?25h\n")
    }
}
