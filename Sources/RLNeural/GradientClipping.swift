/// Scales every gradient so that their global norm is at most `maxNorm`, as PyTorch's
/// `clip_grad_norm_` does (and CleanRL's and SB3's PPO with `max_grad_norm` 0.5): the norm of all
/// gradients taken as one vector, the factor `maxNorm / (norm + 1e-6)` capped at 1. Returns the
/// norm before clipping.
@_specialize(where Scalar == Float)
@discardableResult
public func clipGradientNorm<Scalar: NeuralScalar>(_ parameters: [Parameter<Scalar>], maxNorm: Double) -> Double {
    precondition(maxNorm > 0, "a positive maximum norm")
    // Accumulated in Double (the norm of a few hundred thousand Float32 squares), in four sums
    // so that the additions need not wait for one another.
    var sums: (Double, Double, Double, Double) = (0, 0, 0, 0)
    for parameter in parameters {
        let g = parameter.gradient.pointer
        let count = parameter.gradient.count
        var index = 0
        while index + 4 <= count {
            sums.0 += Double(g[index]) * Double(g[index])
            sums.1 += Double(g[index + 1]) * Double(g[index + 1])
            sums.2 += Double(g[index + 2]) * Double(g[index + 2])
            sums.3 += Double(g[index + 3]) * Double(g[index + 3])
            index += 4
        }
        while index < count {
            sums.0 += Double(g[index]) * Double(g[index])
            index += 1
        }
    }
    let norm = ((sums.0 + sums.1) + (sums.2 + sums.3)).squareRoot()
    // PyTorch's 1e-6 keeps the factor finite for a zero gradient.
    let factor = min(maxNorm / (norm + 1e-6), 1)
    if factor < 1 {
        let scale = Scalar(factor)
        for parameter in parameters {
            let g = parameter.gradient.pointer
            for index in 0..<parameter.gradient.count { g[index] *= scale }
        }
    }
    return norm
}
