import RLClassicControl
import RLCliffWalking
import RLCore
import RLNeural
import Testing

@testable import RLDeep

@Suite struct ObservationEncoderTests {
    @Test func coordinatesGoInAsTheyAre() {
        var world = CartPole(seed: 0)
        let observation = world.reset(seed: 3)
        let encoder = CoordinateEncoder<CartPole.Observation>()
        var row = [Float](repeating: -1, count: encoder.width)
        row.withUnsafeMutableBufferPointer { encoder.encode(observation, into: $0.baseAddress!) }
        #expect(encoder.width == 4)
        #expect(row == observation.coordinates.map(Float.init))
    }

    @Test func aFiniteStateIsOneHot() {
        var world = CliffWalking()
        let observation = world.reset(seed: 1)
        let encoder = OneHotEncoder(space: world.observationSpace)
        var row = [Float](repeating: 7, count: encoder.width)
        row.withUnsafeMutableBufferPointer { encoder.encode(observation, into: $0.baseAddress!) }
        #expect(encoder.width == 48)
        #expect(row.filter { $0 == 1 }.count == 1)
        #expect(row.filter { $0 == 0 }.count == 47)
        #expect(row[world.observationSpace.index(of: observation)] == 1)
    }

    @Test func theGreedyPlayerTakesTheLargestOutput() {
        // One layer whose bias alone decides: the second of three actions.
        let layer = DenseLayer<Float>(inputSize: 4, outputSize: 2, activation: .identity)
        layer.bias[1] = 1
        let network = MLP(layers: [layer])
        let world = CartPole(seed: 0)
        var agent = GreedyNetworkAgent(network: network, encoder: CoordinateEncoder<CartPole.Observation>(), actionSpace: world.actionSpace)
        var copy = world
        let observation = copy.reset(seed: 1)
        #expect(world.actionSpace.index(of: agent.action(for: observation, mode: .evaluation)) == 1)
        #expect(agent.outputs(for: observation) == [0, 1])
    }
}
