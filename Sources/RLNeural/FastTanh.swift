import CNeuralKernels

/// tanh over a Float32 buffer in a loop the compiler vectorises: the C library's `tanhf` costs
/// about 19 ns a value here, as much as a third of a 256-wide layer's whole step, where this
/// costs about 0.3 ns. Accurate to a few units in the last place (the tests bound it), far
/// below the 1e-5 the PyTorch parity asks.
///
/// `tanh a = a · P(a²) / Q(a²)` for `a = |x|` capped at 9 (past which tanh is 1 in Float32 to
/// within one unit), with P of degree 6 and Q of degree 3: a rational fit to tanh(a)/a on
/// [0, 9] whose relative error is 7e-9 before rounding (scripts/fit-tanh.py made it), its
/// coefficients rounded to Float32 and nudged in their last bits to lower the worst rounded
/// error. Eleven fused multiply-adds and one division, with no exponential and no branch: the
/// earlier form (an exponential for |x| ≥ 0.5, tanh's series below, both computed) took three
/// times as long. The result is kept ≤ 1 and the sign is put back last.
///
/// The buffer form runs the same operations in C (`CNeuralKernels`), eight lanes at a time where
/// the processor has AVX2 and FMA: the same bits as this scalar form.
@usableFromInline
func fastHyperbolicTangent(_ values: UnsafeMutablePointer<Float>, count: Int) {
    rl_tanh_f32(values, count)
}

@inlinable @inline(__always)
func fastHyperbolicTangent(_ x: Float) -> Float {
    let signBit = x.bitPattern & 0x8000_0000
    let magnitude = Float(bitPattern: x.bitPattern & 0x7FFF_FFFF)
    let a = magnitude > 9 ? 9 : magnitude
    let t = a * a
    // P(t) and Q(t) by Horner's rule, each step one fused multiply-add (c + p · t).
    var p: Float = -0x1.7e0dd8p-44
    p = Float(0x1.d00de6p-35).addingProduct(p, t)
    p = Float(-0x1.5b6170p-26).addingProduct(p, t)
    p = Float(0x1.763ba8p-17).addingProduct(p, t)
    p = Float(0x1.96d342p-9).addingProduct(p, t)
    p = Float(0x1.0bf54ep-3).addingProduct(p, t)
    p = Float(1).addingProduct(p, t)
    var q: Float = 0x1.0af6acp-12
    q = Float(0x1.91521ep-6).addingProduct(q, t)
    q = Float(0x1.db4ff8p-2).addingProduct(q, t)
    q = Float(1).addingProduct(q, t)
    let result = min((a * p) / q, 1)
    return Float(bitPattern: result.bitPattern | signBit)
}
