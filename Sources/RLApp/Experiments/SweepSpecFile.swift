import Foundation
import RLCore
import RLTabular

extension SweepSpec {
    /// The largest spec file read: a grid is a few lines of JSON.
    public static let maximumFileBytes = 1 << 20

    /// Reads a sweep from a JSON spec file, the flags' counterpart:
    ///
    ///     {"env": ["pong"], "agent": ["q-learning", "sarsa"],
    ///      "set": {"learning-rate": [0.1, 0.5], "stay": [true, false]},
    ///      "seeds": "1-50", "episodes": 2000, "eval_episodes": 100, "eval_every": 500}
    ///
    /// `"steps": N` trains each run by environment steps, as `rl train --steps`.
    ///
    /// `env` and `agent` take a name or a list; `set` maps a name to a value or a list (numbers,
    /// strings or booleans); `seeds` a range text, a number or a list of numbers. JSON objects
    /// have no order, so the grid takes the settings in sorted order. Unknown keys are an error,
    /// so a typo does not silently run the defaults.
    public init(json text: String) throws(SettingError) {
        guard let data = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), case .object(let object) = data else {
            throw SettingError("the spec is not a JSON object")
        }
        let known = ["env", "agent", "set", "seeds", "episodes", "steps", "eval_episodes", "eval_every"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw SettingError("the spec has an unknown key '\(unknown)' (it knows \(known.joined(separator: ", ")))")
        }
        func list(_ value: JSONValue) -> [JSONValue] {
            if case .array(let values) = value { return values }
            return [value]
        }
        func names(_ key: String, default fallback: [String]) throws(SettingError) -> [String] {
            guard let value = object[key] else { return fallback }
            let names = list(value).compactMap { if case .string(let name) = $0 { name } else { nil } }
            guard !names.isEmpty, names.count == list(value).count else {
                throw SettingError("the spec's '\(key)' must be a name or a list of names")
            }
            return names
        }
        func whole(_ value: JSONValue) -> Int? {
            if case .number(let number) = value { Int(exactly: number) } else { nil }
        }
        func integer(_ key: String) throws(SettingError) -> Int? {
            guard let value = object[key] else { return nil }
            guard let integer = whole(value) else { throw SettingError("the spec's '\(key)' must be a whole number") }
            return integer
        }
        var settings: [SweepSetting] = []
        if let set = object["set"] {
            guard case .object(let set) = set else { throw SettingError("the spec's 'set' must map names to values") }
            for name in set.keys.sorted() {
                var texts: [String] = []
                for value in list(set[name]!) {
                    switch value {
                    case .string(let text): texts.append(text)
                    case .number(let number): texts.append(formatNumber(number))
                    case .bool(let flag): texts.append(flag ? "true" : "false")
                    default: throw SettingError("the spec's setting '\(name)' takes numbers, strings or booleans")
                    }
                }
                guard !texts.isEmpty else { throw SettingError("the spec's setting '\(name)' has no value") }
                settings.append(SweepSetting(name: name, values: texts))
            }
        }
        var seeds: [UInt64] = [1]
        switch object["seeds"] {
        case nil: break
        case .string(let range): seeds = try parseSeeds(range)
        case let value?:
            let numbers = list(value).compactMap(whole).filter { $0 >= 0 }.map(UInt64.init)
            guard !numbers.isEmpty, numbers.count == list(value).count else {
                throw SettingError("the spec's 'seeds' must be a range such as \"1-50\" or a list of whole numbers")
            }
            seeds = numbers
        }
        self.init(
            worlds: try names("env", default: []), agents: try names("agent", default: [QLearning.id]),
            settings: settings, seeds: seeds, episodes: try integer("episodes"), steps: try integer("steps"),
            evaluationEpisodes: try integer("eval_episodes") ?? 100, evaluationInterval: try integer("eval_every"))
    }
}
