import Foundation
import Testing

@testable import RLApp

/// The README's tables, lists and counts of worlds and agents say what the registry says, so a
/// world or agent added in one place and forgotten in the other fails here. `builtInWorlds`: rl's own
/// worlds, without those a test registers in this process (ExampleTests' corridor).
@Suite struct ReadmeTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }()

    /// The body rows of the Markdown table whose header line starts with `header`, as cells.
    static func table(startingWith header: String) -> [[String]] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) }) else { return [] }
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map(cells)
    }

    /// A table row's cells, trimmed; `\|` is a pipe inside a cell.
    static func cells(_ row: Substring) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for character in row.dropFirst() {
            if escaped {
                cell.append(character); escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces)); cell = ""
            } else {
                cell.append(character)
            }
        }
        return cells
    }

    /// The `code spans` of a text, in order.
    static func codeSpans(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The flag names (`--name ...` code spans) of a text, without the dashes.
    static func flagNames(_ text: String) -> [String] {
        codeSpans(text).filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2).prefix { $0 != " " }) }
    }

    static let numberWords = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "twenty-one", "twenty-two", "twenty-three", "twenty-four",
    ]

    /// The text in parentheses right after `phrase` (nested parentheses kept), and the number
    /// word just before it: "six tabular agents (Q-learning, ...)" gives (6, "Q-learning, ...").
    static func countedList(_ phrase: String) -> (count: Int?, items: String)? {
        let text = readme.replacingOccurrences(of: "\n", with: " ")
        guard let range = text.range(of: " " + phrase + " (") else { return nil }
        let word = text[..<range.lowerBound].split(separator: " ").last.map { $0.lowercased() } ?? ""
        var depth = 1, items = ""
        for character in text[range.upperBound...] {
            depth += character == "(" ? 1 : character == ")" ? -1 : 0
            if depth == 0 { break }
            items.append(character)
        }
        return (numberWords.firstIndex(of: word), items)
    }

    @Test func theWorldTableListsEveryWorldWithItsFlagsAndMetrics() throws {
        let rows = Self.table(startingWith: "| world | what |")
        #expect(rows.map { Self.codeSpans($0[0]).first ?? "" } == Registry.builtInWorlds.map(\.id))
        for (row, world) in zip(rows, Registry.builtInWorlds) {
            #expect(Self.codeSpans(row[2]) == world.metricNames, "\(world.id): \(row[2])")
            // The table names the main flags (`rl train --help` has them all): each is the world's,
            // with the world's choices when it shows them (`--map 4x4|8x8`).
            var choices = Dictionary(uniqueKeysWithValues: world.flagHelp.map { ($0.name, $0.valueName) })
            if !world.presets.isEmpty { choices["preset"] = world.presets.map(\.name).joined(separator: "|") }
            let named = Self.codeSpans(row[1]).filter { $0.hasPrefix("--") }
            #expect(!named.isEmpty || world.flagHelp.isEmpty, "\(world.id)")
            for span in named {
                let parts = span.dropFirst(2).split(separator: " ", maxSplits: 1).map(String.init)
                let flag = try #require(choices[parts[0]], "\(world.id) has no flag \(span)")
                if parts.count == 2 { #expect(parts[1] == flag, "\(world.id): \(span), but rl says <\(flag ?? "")>") }
            }
        }
    }

    @Test func theAgentTableListsEveryAgentAndPlannerWithItsFlags() throws {
        let rows = Self.table(startingWith: "| agent | update")
        #expect(rows.flatMap { Self.codeSpans($0[0]) } == Registry.builtInAgents.map(\.id) + Registry.planners.map(\.id))
        for row in rows {
            let flags = Self.codeSpans(row[0]).flatMap { id in Registry.agent(id)?.flagHelp.map(\.name) ?? ["?"] }
            #expect(Self.flagNames(row[2]) == flags, "\(row[0])")
        }
    }

    /// rl's own agents that learn tables (and linear functions): all but the deep ones.
    static var tableAgentCount: Int { Registry.builtInAgents.filter { !Registry.isDeep($0.id) }.count }

    @Test func theCountsAndListsInTheProseAreTheRegistrys() throws {
        // Each phrase names a number of things and lists them in parentheses, separated by `separator`.
        for (phrase, separator, count) in [
            ("worlds", ";", Registry.builtInWorlds.count), ("tabular agents", ",", Self.tableAgentCount),
            ("deep agents", ",", Registry.deepAgentIDs.count),
            ("exact planners", ",", Registry.planners.count),
        ] {
            let list = try #require(Self.countedList(phrase), "the README has no '... \(phrase) (...)'")
            #expect(
                list.count == count, "'\(phrase)': the README says \(list.count.map(String.init) ?? "no number"), the registry has \(count)"
            )
            #expect(list.items.split(separator: Character(separator)).count == count, "'\(phrase)': \(list.items)")
        }
        let text = Self.readme.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("`RLTabular` (tables, the \(Self.numberWords[Self.tableAgentCount]) agents,"))
    }
}
