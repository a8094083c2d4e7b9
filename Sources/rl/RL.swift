import ArgumentParser
import RLApp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rl`: train, evaluate, watch and inspect reinforcement-learning agents.
struct RL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rl",
        abstract: "A reinforcement-learning toolkit: tabular agents on Pong and friends.",
        subcommands: [TrainCommand.self, EvalCommand.self, InspectCommand.self, WatchCommand.self, PlayCommand.self, PlotCommand.self, BenchCommand.self])
}

/// An error the user can act on, said in one line.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32 = 1
    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

@main
enum Main {
    static func main() {
        do {
            var command = try RL.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            // An exit status chosen by a command (130 after Ctrl-C): it has said what it had to.
            exit(code.rawValue)
        } catch let error as CommandError {
            ConsoleStream.standardError.writeLine("error: \(error.description)")
            exit(error.exitCode)
        } catch {
            let code = RL.exitCode(for: error)
            if code == .success {
                // --help and --version are not errors.
                ConsoleStream.standardOutput.writeLine(RL.fullMessage(for: error))
                exit(0)
            }
            // One line, not ArgumentParser's usage block: the first line of its message.
            let message = RL.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            let trimmed = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            ConsoleStream.standardError.writeLine("error: \(trimmed) (see 'rl --help')")
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}


/// Exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells expect.
let interruptedExitCode: Int32 = 130
