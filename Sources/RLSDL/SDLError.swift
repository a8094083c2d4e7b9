import CSDL2

/// A failure reported by SDL, in one line.
public struct SDLError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// `context`, followed by SDL's own last error.
    static func last(_ context: String) -> SDLError {
        let detail = String(cString: SDL_GetError())
        return SDLError(detail.isEmpty ? context : "\(context): \(detail)")
    }
}
