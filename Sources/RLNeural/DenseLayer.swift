/// A fully connected layer followed by its activation: `y = f(x · Wᵀ + b)` on a batch of rows,
/// PyTorch's `nn.Linear` then `nn.ReLU` or `nn.Tanh`.
///
/// The weight is laid out as PyTorch lays it out, `[outputs, inputs]` row-major, so a state
/// dictionary moves between `rl` and PyTorch without conversion. Every buffer the forward and
/// backward passes write is kept from one call to the next: once a batch of the largest size has
/// gone through, no call allocates.
public final class DenseLayer<Scalar: NeuralScalar> {
    /// Inputs per row.
    public let inputSize: Int
    /// Outputs per row.
    public let outputSize: Int
    /// The function applied after the affine map.
    public let activation: Activation
    /// `W`, `[outputSize, inputSize]`.
    public let weight: Matrix<Scalar>
    /// `b`, one row of `outputSize`.
    public let bias: Matrix<Scalar>
    /// `∂L/∂W` from the last ``backward(input:outputGradient:propagatingToInput:)``.
    public let weightGradient: Matrix<Scalar>
    /// `∂L/∂b` from the last backward pass.
    public let biasGradient: Matrix<Scalar>
    /// `y` from the last ``forward(_:)``, `[batch, outputSize]`.
    public let output: Matrix<Scalar>
    /// `∂L/∂x` from the last backward pass that propagated to its input, `[batch, inputSize]`.
    public let inputGradient: Matrix<Scalar>
    /// `∂L/∂(x · Wᵀ + b)`: scratch for the backward pass.
    let affineGradient: Matrix<Scalar>

    /// A layer of zeros; ``Initialisation`` fills it.
    public init(inputSize: Int, outputSize: Int, activation: Activation) {
        precondition(inputSize > 0 && outputSize > 0, "a layer needs inputs and outputs")
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.activation = activation
        weight = Matrix(rows: outputSize, columns: inputSize)
        bias = Matrix(rows: 1, columns: outputSize)
        weightGradient = Matrix(rows: outputSize, columns: inputSize)
        biasGradient = Matrix(rows: 1, columns: outputSize)
        output = Matrix(rows: 0, columns: outputSize)
        inputGradient = Matrix(rows: 0, columns: inputSize)
        affineGradient = Matrix(rows: 0, columns: outputSize)
    }

    /// Computes ``output`` for a batch, one row per example.
    @_specialize(where Scalar == Float)
    public func forward(_ input: Matrix<Scalar>) {
        precondition(input.columns == inputSize, "\(input.columns) inputs into a layer of \(inputSize)")
        let batch = input.rows
        output.resize(rows: batch)
        let y = output.pointer
        let b = bias.pointer
        // The bias goes in first, so that one product with beta = 1 adds x · Wᵀ to it.
        for row in 0..<batch {
            (y + row * outputSize).update(from: b, count: outputSize)
        }
        Scalar.multiply(
            transposingA: false, transposingB: true, m: batch, n: outputSize, k: inputSize,
            alpha: 1, a: input.pointer, lda: inputSize, b: weight.pointer, ldb: inputSize,
            beta: 1, c: y, ldc: outputSize)
        activation.apply(to: y, count: batch * outputSize)
    }

    /// Computes ``weightGradient`` and ``biasGradient`` (overwriting them: gradients do not
    /// accumulate across calls) from `∂L/∂y`, and ``inputGradient`` when asked: the first layer
    /// of a network need not pay for it. `input` is the batch the last forward pass saw.
    @_specialize(where Scalar == Float)
    public func backward(input: Matrix<Scalar>, outputGradient: Matrix<Scalar>, propagatingToInput: Bool) {
        let batch = input.rows
        precondition(outputGradient.rows == batch && output.rows == batch, "the backward pass needs the forward pass's batch")
        precondition(outputGradient.columns == outputSize, "\(outputGradient.columns) output gradients for \(outputSize) outputs")
        affineGradient.resize(rows: batch)
        let dz = affineGradient.pointer
        activation.backward(output: output.pointer, outputGradient: outputGradient.pointer, into: dz, count: batch * outputSize)
        // ∂L/∂W = (∂L/∂z)ᵀ · x, [out, batch] · [batch, in].
        Scalar.multiply(
            transposingA: true, transposingB: false, m: outputSize, n: inputSize, k: batch,
            alpha: 1, a: dz, lda: outputSize, b: input.pointer, ldb: inputSize,
            beta: 0, c: weightGradient.pointer, ldc: inputSize)
        // ∂L/∂b: the column sums of ∂L/∂z.
        Scalar.columnSums(of: dz, rows: batch, columns: outputSize, into: biasGradient.pointer)
        if propagatingToInput {
            // ∂L/∂x = ∂L/∂z · W, [batch, out] · [out, in].
            inputGradient.resize(rows: batch)
            Scalar.multiply(
                transposingA: false, transposingB: false, m: batch, n: inputSize, k: outputSize,
                alpha: 1, a: dz, lda: outputSize, b: weight.pointer, ldb: inputSize,
                beta: 0, c: inputGradient.pointer, ldc: inputSize)
        }
    }

    /// The number of weights and biases.
    public var parameterCount: Int { outputSize * inputSize + outputSize }

    /// The layer's parameters with their gradients, weight first: what the optimiser and the
    /// gradient clipping walk over.
    public var parameters: [Parameter<Scalar>] {
        [Parameter(value: weight, gradient: weightGradient), Parameter(value: bias, gradient: biasGradient)]
    }
}

/// One tensor of parameters and the gradient of the loss with respect to it, of the same shape.
public struct Parameter<Scalar: NeuralScalar> {
    /// The values the optimiser changes.
    public let value: Matrix<Scalar>
    /// `∂L/∂value`, as the last backward pass left it.
    public let gradient: Matrix<Scalar>

    public init(value: Matrix<Scalar>, gradient: Matrix<Scalar>) {
        precondition(value.rows == gradient.rows && value.columns == gradient.columns, "a gradient has its parameter's shape")
        self.value = value
        self.gradient = gradient
    }
}
