import CNeuralKernels

/// tanh over a Float32 buffer in a loop the compiler vectorises: the C library's `tanhf` costs
/// about 19 ns a value here, as much as a third of a 256-wide layer's whole step, where this
/// costs about 1 ns. Accurate to a few units in the last place (the tests bound it), which is
/// below the 1e-5 the PyTorch parity asks.
///
/// For |x| ≥ 0.5, `tanh|x| = (1 − e) / (1 + e)` with `e = exp(−2|x|)`: the exponential by
/// Cody and Waite's reduction `e = 2ⁿ · exp(r)`, |r| ≤ ln 2 / 2, and exp(r)'s Taylor series to
/// r⁷ (truncation under 6e-9). Below 0.5, where `1 − e` would cancel, tanh's own Taylor series
/// to x¹⁹ (truncation under 1e-10 relative). |x| is capped at 9, past which tanh is 1 in Float32;
/// the sign is put back last. Every branch is a select, so the loop has none.
///
/// The buffer form runs the same operations in C (`CNeuralKernels`), eight lanes at a time where
/// the processor has AVX2: the same bits as this scalar form, about twice as fast.
@usableFromInline
func fastHyperbolicTangent(_ values: UnsafeMutablePointer<Float>, count: Int) {
    rl_tanh_f32(values, count)
}

@inlinable @inline(__always)
func fastHyperbolicTangent(_ x: Float) -> Float {
    let signBit = x.bitPattern & 0x8000_0000
    let magnitude = Float(bitPattern: x.bitPattern & 0x7FFF_FFFF)
    let a = magnitude > 9 ? 9 : magnitude

    // exp(−2a) = 2ⁿ · exp(r): n = round(−2a / ln 2) by adding and taking away 1.5 · 2²³, whose
    // bit pattern then holds n in its low bits; r = −2a − n · ln 2 in two parts.
    let y = -2 * a
    let roundingConstant: Float = 12_582_912
    let shifted = y * 1.442_695_04 + roundingConstant
    let n = shifted - roundingConstant
    let r = (y - n * 0.693_145_751_953_125) - n * 1.428_606_765_330_187_e-6
    var p: Float = 1.0 / 5040
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    // 2ⁿ: n + 127 in the exponent field (n lies in −26...0).
    let twoToTheN = Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23)
    let e = p * twoToTheN
    let large = (1 - e) / (1 + e)

    // tanh a = a − a³/3 + 2a⁵/15 − 17a⁷/315 + ..., the coefficients of its Taylor series
    // (2²ⁿ(2²ⁿ − 1)B₂ₙ/(2n)!), each divided in Double and rounded once to Float.
    let a2 = a * a
    var q = Float(Double(-443_861_162) / 1_856_156_927_625)
    q = q * a2 + Float(Double(6_404_582) / 10_854_718_875)
    q = q * a2 - Float(Double(929_569) / 638_512_875)
    q = q * a2 + Float(Double(21_844) / 6_081_075)
    q = q * a2 - Float(Double(1_382) / 155_925)
    q = q * a2 + Float(Double(62) / 2_835)
    q = q * a2 - Float(Double(17) / 315)
    q = q * a2 + Float(Double(2) / 15)
    q = q * a2 - Float(Double(1) / 3)
    let small = a + a * a2 * q

    let result = a < 0.5 ? small : large
    return Float(bitPattern: result.bitPattern | signBit)
}
