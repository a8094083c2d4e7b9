/// CRC-32C (Castagnoli), the checksum of TFRecord framing, and its "masked" form.
enum CRC32C {
    /// The reflected Castagnoli polynomial 0x1EDC6F41.
    static let polynomial: UInt32 = 0x82F6_3B78

    static let table: [UInt32] = (0..<256).map { byte in
        var crc = UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
        return crc
    }

    /// The CRC-32C of `bytes`: 0xE3069283 for the ASCII digits "123456789".
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    /// TensorFlow stores checksums rotated right by 15 bits plus a constant, because a CRC of
    /// data that itself contains CRCs is weak (`tensorflow/core/lib/hash/crc32c.h`, `Mask`).
    static func masked(_ bytes: some Sequence<UInt8>) -> UInt32 {
        let crc = checksum(bytes)
        return ((crc >> 15) | (crc << 17)) &+ maskDelta
    }

    static let maskDelta: UInt32 = 0xA282_EAD8
}
