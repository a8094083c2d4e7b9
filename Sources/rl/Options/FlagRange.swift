import ArgumentParser
import RLApp

/// The one rule for a number a command takes: inside its range, or one line that names the
/// flag, the range and what was given (`--fps must be in 1...1000, got 0`). NaN is outside
/// every range.
func requireFlag(_ name: String, _ value: Int?, in range: ClosedRange<Int>) throws {
    guard let value, !range.contains(value) else { return }
    throw ValidationError("--\(name) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
}

func requireFlag(_ name: String, _ value: Double?, in range: ClosedRange<Double>) throws {
    guard let value, !range.contains(value) else { return }
    throw ValidationError("--\(name) must be in \(formatNumber(range.lowerBound))...\(formatNumber(range.upperBound)), got \(value)")
}

/// A count with no upper bound of its own (`--frames`): at least `minimum`.
func requireFlag(_ name: String, _ value: Int?, atLeast minimum: Int) throws {
    guard let value, value < minimum else { return }
    throw ValidationError("--\(name) must be at least \(minimum), got \(value)")
}
