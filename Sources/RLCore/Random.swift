#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// SplitMix64 (Steele, Lea & Flood 2014): turns any 64-bit seed, even 0, into well-mixed
/// state words. Used to seed ``Xoshiro256StarStar`` and to derive independent seeds.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna): the generator behind every random choice in `rl`.
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded, and the standard library's
/// `random(in:using:)` algorithms may change between releases; this generator and
/// ``Swift/RandomNumberGenerator/nextIndex(below:)`` are ours, so a seed gives the same run on
/// every machine and toolchain.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// Seeds the four state words from SplitMix64, as the authors recommend.
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The four state words, for saving a generator mid-run (see ``Resumable``).
    public var state: [UInt64] {
        get { [s0, s1, s2, s3] }
        set {
            precondition(newValue.count == 4, "a xoshiro256** state has four words")
            (s0, s1, s2, s3) = (newValue[0], newValue[1], newValue[2], newValue[3])
        }
    }

    /// Whether `words` can be a generator's state: four words, not all zero (xoshiro's one
    /// forbidden state, from which it would only ever return 0).
    public static func isValidState(_ words: [UInt64]) -> Bool {
        words.count == 4 && words.contains { $0 != 0 }
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    // Masking shifts (k is 7 or 45, never 0 or 64) so the compiler emits one rotate instead of
    // an outlined call with overshift checks.
    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x &<< k) | (x &>> (64 &- k)) }
}

extension RandomNumberGenerator {
    /// A uniformly random integer in `0..<bound`, by Lemire's multiply-and-reject method.
    /// Written out here (rather than `Int.random(in:using:)`) so that the sequence is fixed by
    /// our code, not by the standard library's version.
    @inlinable @inline(__always)
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniformly random integer in `range` (both ends included).
    @inlinable
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextIndex(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniformly random `Double` in `[0, 1)`, from the top 53 bits.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal draw by the Box–Muller transform: two uniform draws per value, the
    /// cosine branch only, so each value costs the same draws whatever came before and the
    /// sequence is fixed by our code on every machine. The bandits' rewards, the
    /// maximisation-bias world's and the networks' initial weights all draw from it.
    public mutating func nextGaussian() -> Double {
        // 1 − u lies in (0, 1]: the logarithm never sees 0.
        let radius = (-2 * log(1 - nextUnitDouble())).squareRoot()
        return radius * cos(2 * Double.pi * nextUnitDouble())
    }
}

/// Derives a seed for a named purpose from a run's seed, so that streams used for different
/// purposes (training serves, evaluation serves, the agent's exploration) never coincide.
@inlinable
public func derivedSeed(_ seed: UInt64, purpose: UInt64) -> UInt64 {
    var mixer = SplitMix64(seed: seed ^ (purpose &* 0xD1B5_4A32_D192_ED03))
    return mixer.next()
}

/// Purposes for ``derivedSeed(_:purpose:)``.
public enum SeedPurpose {
    public static let training: UInt64 = 1
    public static let agent: UInt64 = 2
    public static let evaluation: UInt64 = 3
    /// The start states and first actions of exploring starts.
    public static let exploringStarts: UInt64 = 4
}
