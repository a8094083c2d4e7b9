#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads keys from a terminal without waiting for Enter and without echo, for `rl watch
/// --renderer terminal`. Ctrl-C still raises SIGINT. The terminal's settings are restored by
/// ``restore()`` (and on deinit). A class: it owns the terminal's mode while it lives.
final class TerminalKeyboard {
    private var saved = termios()
    private var active = false

    /// Switches standard input to key-at-a-time mode; `nil` when it is not a terminal.
    init?() {
        guard isatty(STDIN_FILENO) != 0, tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // Reads return at once with what is there (VMIN 0, VTIME 0): the loop never blocks.
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 0
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        active = true
    }

    /// The bytes typed since the last call.
    func pendingBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Puts the terminal back as it was.
    func restore() {
        guard active else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        active = false
    }

    deinit { restore() }
}
