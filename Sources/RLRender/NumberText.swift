/// `value` with `digits` decimals, without Foundation.
public func fixed(_ value: Double, _ digits: Int) -> String {
    // Beyond 1e15 the integer arithmetic below would overflow: print as Swift does.
    guard value.isFinite, abs(value) < 1e15 else { return String(value) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + String(whole) }
    let fractionText = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
}
