import RLFeatures

/// v̂(s, w) = wᵀx(s) over the active features: the linear value of §9.4.
@inlinable
func linearValue(_ weights: [Double], _ features: ActiveFeatures) -> Double {
    features.withActive { indices, values in
        var total = 0.0
        for slot in indices.indices { total += weights[indices[slot]] * values[slot] }
        return total
    }
}

/// w ← w + scale · x(s): the semi-gradient step, ∇v̂(s, w) = x(s) for a linear v̂.
@inlinable
func addScaled(_ features: ActiveFeatures, _ scale: Double, to vector: inout [Double]) {
    features.withActive { indices, values in
        for slot in indices.indices { vector[indices[slot]] += scale * values[slot] }
    }
}
