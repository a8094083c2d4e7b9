import Foundation
import RLTestSupport

/// Runs a Python script on JSON input and decodes its JSON output: the reference side of the
/// statistics tests (NumPy and SciPy, which `scripts/setup --test` installs).
///
/// The script reads the input from the file named by `sys.argv[1]` and prints one JSON document
/// as its last line. JSON carries doubles exactly both ways: Swift writes the shortest text that
/// reads back to the same double, and Python's `json` module does the same.
func referencePython<Input: Encodable, Output: Decodable>(
    _ script: String, input: Input, output: Output.Type
) throws -> Output {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rl-reference-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try JSONEncoder().encode(input).write(to: URL(fileURLWithPath: path))
    let run = try runPython(script, arguments: [path])
    guard run.status == 0, let last = run.output.split(separator: "\n").last else {
        throw ReferenceFailure(output: run.output)
    }
    return try JSONDecoder().decode(Output.self, from: Data(last.utf8))
}

struct ReferenceFailure: Error, CustomStringConvertible {
    var output: String
    var description: String { "the Python reference failed:\n\(output)" }
}

/// Relative closeness, for results that differ only in the order of a floating-point sum
/// (NumPy sums pairwise, we sum left to right).
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
