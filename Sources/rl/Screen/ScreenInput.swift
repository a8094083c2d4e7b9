import RLApp
import RLSDL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScreenKey {
    /// A window's key as the key both screens read.
    init(_ input: WindowInput) {
        switch input {
        case .closed: self = .closed
        case .space: self = .space
        case .left: self = .left
        case .right: self = .right
        case .plus: self = .plus
        case .minus: self = .minus
        case .escape: self = .escape
        case .character(let character): self = .character(character)
        }
    }
}

/// Milliseconds on a monotonic clock, for pacing.
func monotonicMilliseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000
}

func sleepMilliseconds(_ milliseconds: Int) {
    guard milliseconds > 0 else { return }
    var time = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
    nanosleep(&time, nil)
}
