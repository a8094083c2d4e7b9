/// Converts a clock duration to seconds (what timings, benchmarks and progress report).
public func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
