/// NumPy's `.npy` format, version 1.0: the magic `\x93NUMPY`, the version, a little-endian
/// 16-bit header length, a Python dict literal naming dtype, order and shape (padded with
/// spaces and a newline so the data starts 64-byte aligned), then the raw values.
public enum NumPyFile {
    /// A little-endian float64 array in C (row-major) order, as `numpy.load` reads it.
    /// - Precondition: `values.count` is the product of `shape`.
    public static func encode(shape: [Int], values: [Double]) -> [UInt8] {
        precondition(shape.reduce(1, *) == values.count, "the values do not fill the shape")
        // A 1-tuple needs its trailing comma in Python: (5,).
        let dimensions = shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", ")
        var header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (\(dimensions)), }".utf8)
        let preamble = 10  // magic (6) + version (2) + header length (2)
        while (preamble + header.count + 1) % 64 != 0 { header.append(UInt8(ascii: " ")) }
        header.append(UInt8(ascii: "\n"))
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        bytes.append(UInt8(header.count & 0xFF))
        bytes.append(UInt8(header.count >> 8))
        bytes += header
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        for value in values {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        return bytes
    }
}
