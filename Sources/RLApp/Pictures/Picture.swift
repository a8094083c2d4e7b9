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
public func niceTicks(from low: Double, to high: Double, count: Int = 5) -> [Double] {
    guard high > low, low.isFinite, high.isFinite else { return [low] }
    let rough = (high - low) / Double(max(count, 1))
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    // The round step nearest the rough one (by ratio), so there are about `count` ticks.
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.min { max($0 / rough, rough / $0) < max($1 / rough, rough / $1) }!
    var ticks: [Double] = []
    var tick = (low / step).rounded(.up) * step
    while tick <= high + step * 1e-9 {
        ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
        tick += step
    }
    return ticks
}
