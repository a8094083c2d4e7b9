import RLRender

extension RGBA {
    public static let grey = RGBA(128, 128, 128)

    /// The colour `fraction` (0...1) of the way from `self` to `other`.
    public func mixed(with other: RGBA, _ fraction: Double) -> RGBA {
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * min(max(fraction, 0), 1)).rounded())
        }
        return RGBA(channel(red, other.red), channel(green, other.green), channel(blue, other.blue), channel(alpha, other.alpha))
    }
}

extension Scene {
    mutating func add(_ item: SceneItem) { items.append(item) }
}

/// Round tick values for an axis from `low` to `high`: steps of 1, 2 or 5 × 10^k, about `count` of them.
public func niceTicks(from low: Double, to high: Double, count: Int = 5, minimumStep: Double = 0) -> [Double] {
    guard high > low, low.isFinite, high.isFinite else { return [low] }
    let rough = (high - low) / Double(max(count, 1))
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    // The round step nearest the rough one (by ratio), so there are about `count` ticks.
    let step = max(minimumStep, [1.0, 2, 5, 10].map { $0 * magnitude }.min { max($0 / rough, rough / $0) < max($1 / rough, rough / $1) }!)
    // Each tick is computed afresh as a whole number of steps, in units where the step is whole
    // (tenths for 0.2), then divided back: 0.6, not 0.6000000000000001.
    let unitsPerOne = step < 1 ? (1 / magnitude).rounded() : 1
    let first = (low / step).rounded(.up)
    var ticks: [Double] = []
    var index = 0.0
    while (first + index) * step <= high + step * 1e-9 {
        let tick = ((first + index) * step * unitsPerOne).rounded() / unitsPerOne
        ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
        index += 1
    }
    return ticks
}
