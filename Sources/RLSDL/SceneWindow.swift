import CSDL2
import RLRender

#if canImport(Glibc)
import Glibc
#endif

/// No display to open a window on: SDL could not start a video driver, or only found an
/// invisible one (`offscreen`, `dummy`) that the user did not ask for.
public struct NoDisplayError: Error, Sendable, CustomStringConvertible {
    /// Why, in a few words (for example "DISPLAY is not set").
    public var reason: String
    public var description: String { reason }
}

/// What the viewer did in the window, in words the caller maps to its own actions.
public enum WindowInput: Sendable, Equatable {
    /// The window was closed (or SDL was asked to quit).
    case closed
    case space, left, right, plus, minus, escape
    /// A letter or digit key, lower-case.
    case character(Character)
}

/// A resizable SDL window that paints scenes, scaled to fit with their aspect kept.
/// A class: the window is one thing on screen, with an identity and a lifetime.
public final class SceneWindow {
    let window: OpaquePointer
    let renderer: OpaquePointer

    /// Drivers SDL falls back to without showing anything.
    static let invisibleDrivers: Set<String> = ["offscreen", "dummy", "evdev"]

    /// Opens a window of `width` × `height` pixels.
    /// - Throws: ``NoDisplayError`` when there is no display to show it on (unless the user
    ///   chose a driver with `SDL_VIDEODRIVER`, which is then trusted); ``SDLError`` otherwise.
    /// - Parameter videoDriver: a driver to use (as if `SDL_VIDEODRIVER` named it), for tests
    ///   that need the `dummy` driver without touching the process's environment.
    public init(title: String, width: Int, height: Int, videoDriver: String? = nil) throws {
        if let videoDriver { SDL_SetHint("SDL_VIDEODRIVER", videoDriver) }
        let chosenDriver = videoDriver ?? getenv("SDL_VIDEODRIVER").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        if chosenDriver == nil && Self.isUnset("DISPLAY") && Self.isUnset("WAYLAND_DISPLAY") {
            throw NoDisplayError(reason: "neither DISPLAY nor WAYLAND_DISPLAY is set")
        }
        // Ctrl-C is the caller's to handle (it quits cleanly); SDL must not take the signal.
        SDL_SetHint("SDL_NO_SIGNAL_HANDLERS", "1")
        // Drivers that fail print their own complaints (libwayland does, on stderr); the
        // user gets one line from us instead, with SDL's reason in it.
        let started = Self.withStandardErrorSilenced { SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 }
        guard started else {
            let detail = String(cString: SDL_GetError())
            let displays = chosenDriver == nil ? Self.unopenedDisplays() : nil
            throw NoDisplayError(
                reason: [displays, detail.isEmpty ? "SDL could not start a video driver" : detail]
                    .compactMap { $0 }.joined(separator: ": "))
        }
        let driver = SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? ""
        // SDL 2.26 falls back silently to an invisible offscreen window.
        if chosenDriver == nil && Self.invisibleDrivers.contains(driver) {
            SDL_QuitSubSystem(SDL_INIT_VIDEO)
            throw NoDisplayError(reason: (Self.unopenedDisplays() ?? "no display") + "; SDL fell back to its invisible '\(driver)' driver")
        }
        let flags = SDL_WINDOW_RESIZABLE.rawValue | SDL_WINDOW_SHOWN.rawValue | SDL_WINDOW_ALLOW_HIGHDPI.rawValue
        guard
            let window = SDL_CreateWindow(
                title, RL_SDL_WINDOWPOS_CENTERED, RL_SDL_WINDOWPOS_CENTERED,
                Int32(width), Int32(height), flags)
        else {
            let error = SDLError.last("cannot open a window")
            SDL_QuitSubSystem(SDL_INIT_VIDEO)
            throw error
        }
        // Any renderer SDL has (accelerated when there is one, software otherwise): we pace frames ourselves.
        guard let renderer = SDL_CreateRenderer(window, -1, 0) else {
            let error = SDLError.last("cannot draw in the window")
            SDL_DestroyWindow(window)
            SDL_QuitSubSystem(SDL_INIT_VIDEO)
            throw error
        }
        self.window = window
        self.renderer = renderer
    }

    deinit {
        SDL_DestroyRenderer(renderer)
        SDL_DestroyWindow(window)
        SDL_QuitSubSystem(SDL_INIT_VIDEO)
    }

    static func withStandardErrorSilenced<T>(_ body: () -> T) -> T {
        let saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY)
        guard saved >= 0, null >= 0 else { return body() }
        dup2(null, STDERR_FILENO)
        close(null)
        defer {
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        return body()
    }

    /// The displays the environment named and SDL could not open, in the user's words:
    /// "cannot open X display ':99' named by DISPLAY". Nil when none is named.
    static func unopenedDisplays(_ variable: (String) -> String? = { name in getenv(name).map { String(cString: $0) } }) -> String? {
        let named = [("Wayland display", "WAYLAND_DISPLAY"), ("X display", "DISPLAY")].compactMap { kind, name -> String? in
            guard let value = variable(name), !value.isEmpty else { return nil }
            return "\(kind) '\(value)' named by \(name)"
        }
        return named.isEmpty ? nil : "cannot open " + named.joined(separator: " or ")
    }

    static func isUnset(_ name: String) -> Bool {
        guard let value = getenv(name) else { return true }
        return value.pointee == 0
    }

    /// The name of the video driver SDL is using, such as "x11".
    public var videoDriver: String { SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? "" }

    /// The drawable size in pixels (larger than the window's size on high-DPI screens).
    public var pixelSize: (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        SDL_GetRendererOutputSize(renderer, &width, &height)
        return (Int(width), Int(height))
    }

    /// Where `scene` goes in a drawable of the given size: the largest scale that fits, centred.
    public static func placement(of scene: Scene, inWidth width: Int, height: Int) -> (scale: Double, x: Double, y: Double) {
        let scale = max(0.01, min(Double(width) / scene.width, Double(height) / scene.height))
        return (
            scale, ((Double(width) - scene.width * scale) / 2).rounded(.down),
            ((Double(height) - scene.height * scale) / 2).rounded(.down)
        )
    }

    /// Paints `scene` to fit the window, with black bars where the aspect differs, and shows it.
    public func show(_ scene: Scene) {
        let size = pixelSize
        let place = Self.placement(of: scene, inWidth: size.width, height: size.height)
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255)
        SDL_RenderClear(renderer)
        ScenePainter.paint(scene, on: renderer, scale: place.scale, offsetX: place.x, offsetY: place.y)
        SDL_RenderPresent(renderer)
    }

    /// The window's pixels as last drawn, row-major (for tests).
    public func readPixels() throws(SDLError) -> (width: Int, height: Int, pixels: [RGBA]) {
        let size = pixelSize
        var words = [UInt32](repeating: 0, count: size.width * size.height)
        let status = words.withUnsafeMutableBytes { buffer in
            SDL_RenderReadPixels(renderer, nil, RL_SDL_PIXELFORMAT_RGBA32, buffer.baseAddress, Int32(size.width * 4))
        }
        guard status == 0 else { throw SDLError.last("cannot read the window's pixels") }
        // RGBA32 is R, G, B, A in memory order whatever the machine's endianness.
        let pixels = words.map { word -> RGBA in
            withUnsafeBytes(of: word) { RGBA($0[0], $0[1], $0[2], $0[3]) }
        }
        return (size.width, size.height, pixels)
    }

    /// Everything the viewer did since the last call.
    public func pendingInput() -> [WindowInput] {
        var inputs: [WindowInput] = []
        var event = SDL_Event()
        while SDL_PollEvent(&event) != 0 {
            switch event.type {
            case SDL_QUIT.rawValue:
                inputs.append(.closed)
            case SDL_WINDOWEVENT.rawValue where event.window.event == UInt8(SDL_WINDOWEVENT_CLOSE.rawValue):
                inputs.append(.closed)
            case SDL_KEYDOWN.rawValue:
                if let input = Self.input(for: event.key.keysym.sym) { inputs.append(input) }
            default:
                continue
            }
        }
        return inputs
    }

    /// Whether the keys that steer a paddle are held down now (as of the last
    /// ``pendingInput()``, which reads the events): up is ↑ or W, down is ↓ or S. Held keys,
    /// not presses, so a paddle moves for as long as the player holds it.
    public var heldDirection: (up: Bool, down: Bool) {
        guard let keys = SDL_GetKeyboardState(nil) else { return (false, false) }
        func held(_ code: SDL_Scancode) -> Bool { keys[Int(code.rawValue)] != 0 }
        return (held(SDL_SCANCODE_UP) || held(SDL_SCANCODE_W), held(SDL_SCANCODE_DOWN) || held(SDL_SCANCODE_S))
    }

    static func input(for key: SDL_Keycode) -> WindowInput? {
        switch key {
        case Int32(SDLK_SPACE.rawValue): .space
        case Int32(SDLK_LEFT.rawValue): .left
        case Int32(SDLK_RIGHT.rawValue): .right
        case Int32(SDLK_PLUS.rawValue), Int32(SDLK_EQUALS.rawValue), Int32(SDLK_KP_PLUS.rawValue): .plus
        case Int32(SDLK_MINUS.rawValue), Int32(SDLK_KP_MINUS.rawValue): .minus
        case Int32(SDLK_ESCAPE.rawValue): .escape
        case 0x20..<0x7F:
            Character(Unicode.Scalar(UInt8(key))).lowercased().first
                .map { WindowInput.character($0) }
        default: nil
        }
    }
}
