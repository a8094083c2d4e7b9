import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal that asked the run to stop (SIGINT, SIGTERM or SIGHUP); 0 while none has. Set by
/// the handler, read between episodes, so a stop request ends the run cleanly. The first signal
/// wins: a Ctrl-C after a SIGTERM does not change the exit status.
let interruptSignal = Atomic<Int32>(0)

/// Routes Ctrl-C (and `kill`'s SIGTERM, and a closed terminal's SIGHUP) to
/// ``interruptSignal`` instead of killing the process, so a run stops cleanly: training saves
/// what it learned, and the terminal renderer restores the cursor and the terminal's mode.
/// SIGPIPE is ignored, so a reader that goes away (`rl train | head -1`) does not kill the run:
/// writes to a closed pipe fail with EPIPE instead, and ``ConsoleStream`` stops writing there.
func catchInterrupts() {
    var stopping = sigset_t()
    sigemptyset(&stopping)
    for stop in [SIGINT, SIGTERM, SIGHUP] {
        signal(stop) { number in _ = interruptSignal.compareExchange(expected: 0, desired: number, ordering: .relaxed) }
        sigaddset(&stopping, stop)
    }
    signal(SIGPIPE, SIG_IGN)
    // A parent may have started us with signals blocked (Foundation's Process does on Linux):
    // unblock them so Ctrl-C and `kill` reach the handler.
    sigprocmask(SIG_UNBLOCK, &stopping, nil)
}

var wasInterrupted: Bool { interruptSignal.load(ordering: .relaxed) != 0 }

/// Exit status of a run stopped by a signal, as shells expect: 128 + the signal (130 after
/// Ctrl-C, 143 after SIGTERM, 129 after SIGHUP).
var interruptExitCode: Int32 {
    let number = interruptSignal.load(ordering: .relaxed)
    return 128 + (number == 0 ? SIGINT : number)
}
