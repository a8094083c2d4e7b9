/// A multilayer perceptron: dense layers, the hidden ones followed by one activation, the last
/// one by its own (the identity for logits and values). PyTorch's
/// `nn.Sequential(Linear, Tanh, Linear, Tanh, Linear)`, numbered the same way: layer `i` is
/// module `2i` of the sequence.
public final class MLP<Scalar: NeuralScalar> {
    /// The layers, input side first.
    public let layers: [DenseLayer<Scalar>]
    /// The batch the last forward pass saw, copied: the backward pass needs it.
    public let input: Matrix<Scalar>

    /// A network over `layers`, each layer's inputs the previous layer's outputs.
    public init(layers: [DenseLayer<Scalar>]) {
        precondition(!layers.isEmpty, "a network has layers")
        for (previous, next) in zip(layers, layers.dropFirst()) {
            precondition(previous.outputSize == next.inputSize, "\(previous.outputSize) outputs into \(next.inputSize) inputs")
        }
        self.layers = layers
        input = Matrix(rows: 0, columns: layers[0].inputSize)
    }

    /// A network of `sizes` (inputs, hidden widths..., outputs), initialised layer after layer
    /// from `generator`: the hidden layers as `hiddenInitialisation`, the last as
    /// `outputInitialisation`.
    public convenience init<Generator: RandomNumberGenerator>(
        sizes: [Int], hiddenActivation: Activation, outputActivation: Activation = .identity,
        hiddenInitialisation: Initialisation = .pytorchDefault, outputInitialisation: Initialisation = .pytorchDefault,
        using generator: inout Generator
    ) {
        precondition(sizes.count >= 2, "a network has an input size and an output size")
        let count = sizes.count - 1
        var layers: [DenseLayer<Scalar>] = []
        for index in 0..<count {
            let last = index == count - 1
            let layer = DenseLayer<Scalar>(
                inputSize: sizes[index], outputSize: sizes[index + 1], activation: last ? outputActivation : hiddenActivation)
            (last ? outputInitialisation : hiddenInitialisation).initialise(layer, using: &generator)
            layers.append(layer)
        }
        self.init(layers: layers)
    }

    /// Inputs per row.
    public var inputSize: Int { layers[0].inputSize }
    /// Outputs per row.
    public var outputSize: Int { layers[layers.count - 1].outputSize }
    /// The network's output from the last forward pass, `[batch, outputSize]`. It is the last
    /// layer's buffer: the next forward pass overwrites it.
    public var output: Matrix<Scalar> { layers[layers.count - 1].output }
    /// `∂L/∂input` from the last backward pass that propagated to the input.
    public var inputGradient: Matrix<Scalar> { layers[0].inputGradient }

    /// Runs a batch (one example per row) through the network and returns ``output``.
    @_specialize(where Scalar == Float)
    @discardableResult
    public func forward(_ batch: Matrix<Scalar>) -> Matrix<Scalar> {
        if batch !== input { input.copy(from: batch) }
        var current = input
        for layer in layers {
            layer.forward(current)
            current = layer.output
        }
        return current
    }

    /// Fills every layer's gradients from `∂L/∂output` for the batch of the last forward pass
    /// (overwriting, not accumulating); ``inputGradient`` too when `propagatingToInput`.
    @_specialize(where Scalar == Float)
    public func backward(_ outputGradient: Matrix<Scalar>, propagatingToInput: Bool = false) {
        var gradient = outputGradient
        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[index]
            let layerInput = index == 0 ? input : layers[index - 1].output
            layer.backward(input: layerInput, outputGradient: gradient, propagatingToInput: index > 0 || propagatingToInput)
            gradient = layer.inputGradient
        }
    }

    /// Every parameter with its gradient, layer after layer, weight before bias: the order of
    /// PyTorch's `parameters()`.
    public var parameters: [Parameter<Scalar>] { layers.flatMap(\.parameters) }

    /// The number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The parameters under the names of PyTorch's `nn.Sequential` state dictionary,
    /// `prefix.0.weight` `[out, in]`, `prefix.0.bias` `[out]`, `prefix.2.weight`... (the
    /// activations take the odd numbers), with their shapes.
    public func namedParameters(prefix: String) -> [(name: String, shape: [Int], value: Matrix<Scalar>)] {
        layers.enumerated().flatMap { index, layer in
            [
                (name: "\(prefix).\(2 * index).weight", shape: [layer.outputSize, layer.inputSize], value: layer.weight),
                (name: "\(prefix).\(2 * index).bias", shape: [layer.outputSize], value: layer.bias),
            ]
        }
    }

    /// A network of the same shape with the same weights, its own buffers: what an evaluation
    /// plays while training goes on with the original.
    public func copy() -> MLP<Scalar> {
        let twin = MLP(
            layers: layers.map { DenseLayer<Scalar>(inputSize: $0.inputSize, outputSize: $0.outputSize, activation: $0.activation) })
        twin.copyParameters(from: self)
        return twin
    }

    /// Takes `other`'s weights and biases (a DQN target network's update): no allocation.
    public func copyParameters(from other: MLP<Scalar>) {
        precondition(other.layers.count == layers.count, "networks of the same shape")
        for (mine, theirs) in zip(layers, other.layers) {
            mine.weight.copy(from: theirs.weight)
            mine.bias.copy(from: theirs.bias)
        }
    }
}
