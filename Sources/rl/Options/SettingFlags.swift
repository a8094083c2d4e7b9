/// The flags a world (and an agent) declare for themselves, after a command's own, as `rl train`
/// and `rl predict` take them: `--name value`, `--name=value`, or `--name` alone for a switch.
enum SettingFlags {
    typealias Flag = (name: String, value: String?)

    /// A flag that does not fit, in one line: what the command reports as a usage error.
    struct Failure: Error {
        var message: String
    }

    /// Reads `tokens` as flags, each checked against the first of `declarations` that knows its
    /// name (the world's before the agent's).
    /// - Parameters:
    ///   - declarations: for each owner, whether a flag takes a value, or `nil` when it is not the owner's.
    ///   - owners: who was asked, for an unknown flag's message (`world taxi and agent sarsa`).
    /// - Returns: each flag with the index of its owner in `declarations`, in the order given.
    static func parse(
        _ tokens: [String], declarations: [(String) -> Bool?], owners: String
    ) throws(Failure) -> [(owner: Int, flag: Flag)] {
        var flags: [(owner: Int, flag: Flag)] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.hasPrefix("--"), token.count > 2 else { throw Failure(message: "unexpected argument '\(token)'") }
            let body = token.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            var value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let owner = declarations.firstIndex(where: { $0(name) != nil }), let takesValue = declarations[owner](name) else {
                throw Failure(message: "unknown option '--\(name)' for \(owners)")
            }
            if takesValue && value == nil {
                guard index < tokens.count else { throw Failure(message: "missing value for '--\(name)'") }
                value = tokens[index]
                index += 1
            } else if !takesValue && value != nil {
                throw Failure(message: "'--\(name)' takes no value")
            }
            flags.append((owner, (name, value)))
        }
        return flags
    }
}
