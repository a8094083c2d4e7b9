import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT handler; read between episodes, so Ctrl-C stops cleanly.
let interruptRequested = Atomic<Bool>(false)

/// Routes Ctrl-C to ``interruptRequested`` instead of killing the process.
func catchInterrupts() {
    signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
}

var wasInterrupted: Bool { interruptRequested.load(ordering: .relaxed) }
