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
    // A parent may have started us with signals blocked (Foundation's Process does on Linux):
    // unblock SIGINT so Ctrl-C and `kill -INT` reach the handler.
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    sigprocmask(SIG_UNBLOCK, &interrupt, nil)
}

var wasInterrupted: Bool { interruptRequested.load(ordering: .relaxed) }
