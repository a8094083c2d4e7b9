/// A key pressed while a game is on screen, from a window or a terminal alike: the one set of
/// keys `rl watch` and `rl play` read, each command mapping it to what it does.
public enum ScreenKey: Sendable, Equatable {
    case up, down, left, right, space, plus, minus, escape
    /// The window was closed (or SDL was asked to quit).
    case closed
    /// A letter or digit, lower-case.
    case character(Character)

    /// The keys in bytes read from a terminal in key-at-a-time mode: arrows (ESC [ A…D, or
    /// ESC O A…D), a lone Esc, and characters (letters lower-cased; `+`/`=` and `-`/`_` as the
    /// keys they share).
    public static func keys(inTerminalInput bytes: [UInt8]) -> [ScreenKey] {
        var keys: [ScreenKey] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x1B {
                // An arrow is ESC [ X or ESC O X; anything else after ESC is a lone Esc.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "O") {
                    switch bytes[index + 1] {
                    case UInt8(ascii: "A"): keys.append(.up)
                    case UInt8(ascii: "B"): keys.append(.down)
                    case UInt8(ascii: "C"): keys.append(.right)
                    case UInt8(ascii: "D"): keys.append(.left)
                    default: break
                    }
                    index += 2
                } else {
                    keys.append(.escape)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "): keys.append(.space)
            case UInt8(ascii: "+"), UInt8(ascii: "="): keys.append(.plus)
            case UInt8(ascii: "-"), UInt8(ascii: "_"): keys.append(.minus)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                keys.append(.character(Character(Unicode.Scalar(byte))))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                keys.append(.character(Character(Unicode.Scalar(byte + 32))))
            default: break
            }
        }
        return keys
    }
}
