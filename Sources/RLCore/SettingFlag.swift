/// A setting a user gives by name on the command line (`--lambda 0.9`, `--stay`), declared
/// beside what it sets: a world's configuration or an agent's settings. The command line
/// reads only these declarations, so a world or an agent brings its own flags.
public struct SettingFlag<Target> {
    /// The flag's name without its dashes (`lambda` for `--lambda`).
    public var name: String
    /// What the value looks like in help (`N`, `0...1`), or `nil` for a switch that takes none.
    public var valueName: String?
    /// One line of help.
    public var help: String
    /// Applies the flag's value (`nil` for a switch) to the target.
    public var apply: (inout Target, String?) throws(SettingError) -> Void

    public init(
        name: String, valueName: String?, help: String,
        apply: @escaping (inout Target, String?) throws(SettingError) -> Void
    ) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.apply = apply
    }

    /// A number in a closed range.
    public static func number(
        _ name: String, _ keyPath: WritableKeyPath<Target, Double>, in range: ClosedRange<Double>, help: String
    ) -> SettingFlag {
        SettingFlag(name: name, valueName: "\(formatBound(range.lowerBound))...\(formatBound(range.upperBound))", help: help) {
            (target: inout Target, text: String?) throws(SettingError) in
            guard let text, let value = Double(text), value.isFinite else {
                throw SettingError("--\(name) takes a number, got '\(text ?? "")'")
            }
            guard range.contains(value) else {
                throw SettingError("--\(name) must be in \(formatBound(range.lowerBound))...\(formatBound(range.upperBound)), got \(text)")
            }
            target[keyPath: keyPath] = value
        }
    }

    /// A whole number in a closed range.
    public static func integer(
        _ name: String, _ keyPath: WritableKeyPath<Target, Int>, in range: ClosedRange<Int>, help: String
    ) -> SettingFlag {
        SettingFlag(name: name, valueName: "\(range.lowerBound)...\(range.upperBound)", help: help) {
            (target: inout Target, text: String?) throws(SettingError) in
            guard let text, let value = Int(text) else {
                throw SettingError("--\(name) takes a whole number, got '\(text ?? "")'")
            }
            guard range.contains(value) else {
                throw SettingError("--\(name) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
            }
            target[keyPath: keyPath] = value
        }
    }

    /// One of a set of named values.
    public static func choice<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ keyPath: WritableKeyPath<Target, Value>, help: String
    ) -> SettingFlag where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        return SettingFlag(name: name, valueName: names.joined(separator: "|"), help: help) {
            (target: inout Target, text: String?) throws(SettingError) in
            guard let text, let value = Value(rawValue: text) else {
                throw SettingError("--\(name) must be one of \(names.joined(separator: ", ")), got '\(text ?? "")'")
            }
            target[keyPath: keyPath] = value
        }
    }

    /// A switch that turns something on (or, with `setting: false`, off: the way back from a
    /// default a world turned on).
    public static func toggle(
        _ name: String, _ keyPath: WritableKeyPath<Target, Bool>, setting value: Bool = true, help: String
    ) -> SettingFlag {
        SettingFlag(name: name, valueName: nil, help: help) { (target: inout Target, _: String?) throws(SettingError) in
            target[keyPath: keyPath] = value
        }
    }
}

/// A flag's value that does not fit, or a setting out of its range, said in one line.
public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, which decides the exit status: most settings are typed, but some name a
    /// file (`--map-file`) that may be missing or malformed.
    public enum Kind: Sendable, Equatable {
        /// A value that does not fit: a usage error.
        case usage
        /// A file a setting names is there but malformed.
        case badData
        /// A file a setting names is missing or cannot be opened.
        case missingInput
    }

    public var message: String
    public var kind: Kind
    public init(_ message: String, kind: Kind = .usage) {
        self.message = message
        self.kind = kind
    }
    public var description: String { message }
}

/// A range bound as typed on the command line: `0.5`, `1`, not `1.0`.
func formatBound(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
