/// 16 hex digits of the 64-bit FNV-1a hash of the text's UTF-8 bytes, passed through
/// SplitMix64's finaliser so that texts differing in one character get unlike ids: short, and
/// stable across machines and versions (unlike Swift's `Hasher`, which is seeded per process).
public func stableID(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
    hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
    hash ^= hash >> 31
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
