import RLNeural
import Testing

@Suite struct ProductFloorTests {
    /// DQN's 4 → 256 → 256 → 2 network on a batch of 64: the products its layers compute.
    @Test func aNetworksPassesAreItsLayersProducts() {
        let sizes = [4, 256, 256, 2]
        let forward = MatrixProduct.forward(sizes: sizes, batch: 64)
        let forwardTerms: Int = 4 * 256 + 256 * 256 + 256 * 2
        let forwardOperations: Int = forward.map(\.operations).reduce(0, +)
        #expect(forwardOperations == 2 * 64 * forwardTerms)
        #expect(forward.allSatisfy { $0.m == 64 && $0.transposingB })
        let backward = MatrixProduct.backward(sizes: sizes, batch: 64)
        // Three weight gradients, and input gradients for the second and third layers only.
        #expect(backward.count == 5)
        let backwardTerms: Int = 4 * 256 + 2 * 256 * 256 + 2 * 256 * 2
        let backwardOperations: Int = backward.map(\.operations).reduce(0, +)
        #expect(backwardOperations == 2 * 64 * backwardTerms)
    }

    @Test func theFloorIsTimed() {
        let seconds = ProductFloor.secondsPerPass(MatrixProduct.forward(sizes: [8, 16, 4], batch: 4), rounds: 10, repeats: 2)
        #expect(seconds > 0 && seconds < 1)
    }
}
