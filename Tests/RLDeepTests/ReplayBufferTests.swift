import RLCore
import Testing

@testable import RLDeep

@Suite struct ReplayBufferTests {
    /// Stores transition `k` with observation `[k, -k]`, next observation `[k + 0.5, 0]`.
    func store(_ k: Int, in buffer: inout ReplayBuffer) {
        let observation: [Float] = [Float(k), -Float(k)]
        let next: [Float] = [Float(k) + 0.5, 0]
        buffer.add(observation: observation, action: k % 3, reward: Double(k), nextObservation: next, terminated: k % 2 == 0)
    }

    @Test func itWrapsOverTheOldest() {
        var buffer = ReplayBuffer(capacity: 3, observationWidth: 2)
        for k in 1...2 { store(k, in: &buffer) }
        #expect(buffer.count == 2 && !buffer.isFull && buffer.position == 2)
        for k in 3...4 { store(k, in: &buffer) }
        #expect(buffer.count == 3 && buffer.isFull && buffer.position == 1)
        // Transition 4 went into row 0, over transition 1.
        #expect(buffer.observations == [4, -4, 2, -2, 3, -3])
        #expect(buffer.nextObservations == [4.5, 0, 2.5, 0, 3.5, 0])
        #expect(buffer.rewards == [4, 2, 3])
        #expect(buffer.actions == [1, 2, 0])
        #expect(buffer.dones == [1, 1, 0])
    }

    @Test func samplingDrawsOnlyFilledRows() {
        var buffer = ReplayBuffer(capacity: 100, observationWidth: 2)
        for k in 1...5 { store(k, in: &buffer) }
        let batch = ReplayBatch(size: 64, observationWidth: 2)
        var generator = Xoshiro256StarStar(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<20 {
            buffer.sample(into: batch, using: &generator)
            for row in 0..<batch.size {
                let index = batch.indices[row]
                #expect((0..<5).contains(index))
                seen.insert(index)
                // Each row of the batch is the stored transition it names.
                let k = index + 1
                #expect(batch.observations[row, 0] == Float(k) && batch.observations[row, 1] == -Float(k))
                #expect(batch.nextObservations[row, 0] == Float(k) + 0.5)
                #expect(batch.rewards[row] == Float(k) && batch.actions[row] == k % 3)
                #expect(batch.dones[row] == (k % 2 == 0 ? 1 : 0))
            }
        }
        // With replacement and uniform: every filled row turns up.
        #expect(seen == Set(0..<5))
    }

    @Test func itsSizeIsCounted() {
        // Two rows of 4 floats, an Int32 action, a Float reward and done.
        #expect(ReplayBuffer.bytes(capacity: 10, observationWidth: 4) == 10 * (32 + 12))
        #expect(ReplayBuffer.bytes(capacity: .max, observationWidth: 4) == .max)
    }
}
