import ArgumentParser
import RLApp
import RLCore
import RLExperiments
import RLTabular

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
        version: RLVersion.current,
        subcommands: [
            TrainCommand.self, EvalCommand.self, InspectCommand.self, WatchCommand.self, PlayCommand.self, PlotCommand.self,
            BenchCommand.self,
            SweepCommand.self, ReportCommand.self, BookCommand.self, PredictCommand.self,
        ])
}

/// An error the user can act on, said in one line, with the exit status it ends the run with.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32 = ExitStatus.failure
    init(_ description: String, exitCode: Int32 = ExitStatus.failure) {
        self.description = description
        self.exitCode = exitCode
    }

    /// The library's error, said in its own words, with the exit status ``ExitStatus/of(_:)``
    /// gives it.
    /// - Parameter hint: words to add after the message.
    init(_ error: any Error, hint: String = "") {
        if let error = error as? CommandError {
            self = error
            description += hint
            return
        }
        self.init("\(error)" + hint, exitCode: ExitStatus.of(error))
    }

    /// A request that does not fit (an option out of range for this policy): exit status 64.
    static func usage(_ description: String) -> CommandError {
        CommandError(description, exitCode: ExitStatus.usage)
    }
}

/// The exit statuses of `rl`, from BSD's sysexits.h where one fits (the README lists them).
enum ExitStatus {
    /// Anything else that went wrong (no display, for example).
    static let failure: Int32 = 1
    /// EX_USAGE: a bad flag or argument.
    static let usage: Int32 = 64
    /// EX_DATAERR: an input file is there but malformed.
    static let dataError: Int32 = 65
    /// EX_NOINPUT: an input file is missing or cannot be opened.
    static let noInput: Int32 = 66
    /// EX_UNAVAILABLE: a tool the command needs is missing (ffmpeg for `rl watch --video x.mp4`).
    static let unavailable: Int32 = 69
    /// EX_IOERR: an output could not be written.
    static let inputOutputError: Int32 = 74

    /// The exit status of each error the library names: the one place they are mapped.
    static func of(_ error: any Error) -> Int32 {
        switch error {
        case let error as PolicyFileError: of(error.kind)
        case let error as InspectionError: of(error.kind)
        case let error as RunError:
            switch error {
            case .unsupported: usage
            case .file(let error): of(error.kind)
            }
        // A configuration that does not decode or fit comes from a file (a policy's, a sweep's).
        case is WorldConfigurationError: dataError
        case let error as SettingError:
            switch error.kind {
            case .usage: usage
            case .badData: dataError
            case .missingInput: noInput
            }
        case let error as ExperimentError:
            switch error.kind {
            case .badData: dataError
            case .usage: usage
            case .missingInput: noInput
            case .inputOutput: inputOutputError
            case .busy: failure
            }
        case let error as CommandError: error.exitCode
        default: failure
        }
    }

    static func of(_ kind: PolicyFileError.Kind) -> Int32 {
        switch kind {
        case .missingFile: noInput
        case .malformedData: dataError
        case .inputOutput: inputOutputError
        case .usage: usage
        }
    }
}

extension RL {
    /// The help that goes with a command line: `rl train --help` for `rl train ...`, `rl --help`
    /// when no subcommand is named.
    static func helpCommand(for arguments: [String]) -> String {
        guard let name = arguments.dropFirst().first,
            configuration.subcommands.contains(where: { $0._commandName == name })
        else { return "rl --help" }
        return "rl \(name) --help"
    }
}

@main
enum Main {
    static func main() {
        do {
            var command = try RL.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            // An exit status chosen by a command (128 + the signal after Ctrl-C or kill): it has said what it had to.
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
            ConsoleStream.standardError.writeLine("error: \(trimmed) (see '\(RL.helpCommand(for: CommandLine.arguments))')")
            // Parsing and validate() failures are usage errors (ArgumentParser's own choice, 64,
            // made explicit); anything else thrown by a command is a plain failure.
            exit(code == .validationFailure ? ExitStatus.usage : (code.rawValue == 0 ? ExitStatus.failure : code.rawValue))
        }
    }
}

/// The policy a command reads when none is named: the trained one, else the shipped one, with a
/// note on stderr when it falls back on the shipped one.
func defaultPolicyPath(world: String) -> String {
    let chosen = PolicyPaths.defaultPolicy(world)
    if let note = chosen.note { ConsoleStream.standardError.writeLine(note) }
    return chosen.path
}

/// Whether `path` names something there that is not a regular file or a folder (`/dev/null`):
/// an output there fails as an I/O error (74), not as a misnamed file (64).
func isDevice(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    let type = status.st_mode & S_IFMT
    return type != S_IFREG && type != S_IFDIR
}
