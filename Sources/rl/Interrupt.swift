import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT handler; read between episodes, so Ctrl-C stops cleanly.
let interruptRequested = Atomic<Bool>(false)

/// Routes Ctrl-C (and `kill`'s SIGTERM, and a closed terminal's SIGHUP) to
/// ``interruptRequested`` instead of killing the process, so a run stops cleanly: training saves
/// what it learned, and the terminal renderer restores the cursor and the terminal's mode.
func catchInterrupts() {
    var stopping = sigset_t()
    sigemptyset(&stopping)
    for stop in [SIGINT, SIGTERM, SIGHUP] {
        signal(stop) { _ in interruptRequested.store(true, ordering: .relaxed) }
        sigaddset(&stopping, stop)
    }
    // A parent may have started us with signals blocked (Foundation's Process does on Linux):
    // unblock them so Ctrl-C and `kill` reach the handler.
    sigprocmask(SIG_UNBLOCK, &stopping, nil)
}

var wasInterrupted: Bool { interruptRequested.load(ordering: .relaxed) }
