/// Something whose random generators can be read and put back between episodes, so that an
/// interrupted training run continues exactly as if it had never stopped (`rl train --resume`).
///
/// Only what an episode boundary does not reset belongs here: an environment's serve
/// generator, an agent's exploration generator. A world without randomness has nothing to save.
public protocol Resumable {
    /// The generators' state words, in an order of the conformer's choosing.
    var generatorState: [UInt64] { get set }
}
