import Foundation

/// A problem with a policy or tensor file, said in one line.
public struct PolicyFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, so a command can choose its exit status (sysexits.h) from the error.
    public enum Kind: Sendable, Equatable {
        /// The input is not there or cannot be opened (EX_NOINPUT).
        case missingFile
        /// The bytes are there but do not make a valid file (EX_DATAERR). The default.
        case malformedData
        /// Writing (or reading an opened file) failed (EX_IOERR).
        case inputOutput
        /// What was asked for cannot be done as asked (EX_USAGE): a network too large for memory.
        case usage
    }

    public var message: String
    public var kind: Kind
    public init(_ message: String, kind: Kind = .malformedData) {
        self.message = message
        self.kind = kind
    }
    public var description: String { message }
}

/// A tensor's values, widened to one element type per kind.
public enum TensorValues: Sendable, Equatable {
    case floats([Double])
    case integers([Int64])

    var count: Int {
        switch self {
        case .floats(let values): values.count
        case .integers(let values): values.count
        }
    }
}

/// One named tensor of a safetensors file.
public struct Tensor: Sendable, Equatable {
    public var shape: [Int]
    public var values: TensorValues
    /// The dtype it was stored with (`F64`, `I64`, ...).
    public var dtype: String

    public init(shape: [Int], floats: [Double]) { self.shape = shape; values = .floats(floats); dtype = "F64" }
    public init(shape: [Int], integers: [Int64]) { self.shape = shape; values = .integers(integers); dtype = "I64" }
    /// Single-precision values, stored as `F32` (a network's weights: what PyTorch's modules hold).
    public init(shape: [Int], float32 values: [Float]) {
        self.shape = shape
        self.values = .floats(values.map(Double.init))
        dtype = "F32"
    }
}

/// The safetensors format (Hugging Face): an 8-byte little-endian header length N, N bytes of
/// JSON naming each tensor's dtype, shape and byte range, then the raw little-endian data.
/// String metadata sits under the header key `__metadata__`.
public struct SafetensorsFile: Sendable, Equatable {
    public var tensors: [String: Tensor]
    public var metadata: [String: String]

    /// The format's own cap on the header, which also bounds what a corrupt length can make us read.
    public static let maximumHeaderLength = 100_000_000

    public init(tensors: [String: Tensor], metadata: [String: String]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The file's bytes: tensors in a fixed order, header keys sorted, so equal content gives
    /// byte-identical files.
    public func encoded() -> [UInt8] {
        var data: [UInt8] = []
        var header: [String: Any] = ["__metadata__": metadata]
        // Eight-byte tensors first, then four-byte ones, each group in name order: every tensor
        // starts aligned to its own width, as the reference writer keeps them.
        func group(_ name: String) -> Int { tensors[name]!.dtype == "F32" ? 1 : 0 }
        let names = tensors.keys.sorted { (group($0), $0) < (group($1), $1) }
        for name in names {
            let tensor = tensors[name]!
            let begin = data.count
            let single = tensor.dtype == "F32" && tensor.values.isFloat
            switch tensor.values {
            case .floats(let values) where single:
                for value in values { appendLittleEndian(UInt32(Float(value).bitPattern), to: &data) }
            case .floats(let values): for value in values { appendLittleEndian(value.bitPattern, to: &data) }
            case .integers(let values): for value in values { appendLittleEndian(UInt64(bitPattern: value), to: &data) }
            }
            header[name] =
                [
                    "dtype": single ? "F32" : tensor.values.isFloat ? "F64" : "I64",
                    "shape": tensor.shape,
                    "data_offsets": [begin, data.count],
                ] as [String: Any]
        }
        var json = Array(try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        var file: [UInt8] = []
        file.reserveCapacity(8 + json.count + data.count)
        appendLittleEndian(UInt64(json.count), to: &file)
        return file + json + data
    }

    /// Parses and checks a file's bytes.
    /// - Throws: ``PolicyFileError`` naming the first problem found.
    public init(decoding bytes: [UInt8]) throws(PolicyFileError) {
        guard bytes.count >= 8 else {
            throw PolicyFileError("truncated file: \(bytes.count) bytes, shorter than the 8-byte header length")
        }
        let headerLength = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(bytes.count - 8), headerLength <= UInt64(Self.maximumHeaderLength) else {
            throw PolicyFileError(
                "header length \(headerLength) is out of bounds for a file of \(bytes.count) bytes (truncated or not a safetensors file)")
        }
        let dataStart = 8 + Int(headerLength)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))
        } catch {
            throw PolicyFileError("the header is not valid JSON")
        }
        guard let header = parsed as? [String: Any] else { throw PolicyFileError("the header is not a JSON object") }

        var metadata: [String: String] = [:]
        if let rawMetadata = header["__metadata__"] {
            guard let strings = rawMetadata as? [String: String] else {
                throw PolicyFileError("__metadata__ must map strings to strings")
            }
            metadata = strings
        }

        let dataLength = bytes.count - dataStart
        var tensors: [String: Tensor] = [:]
        var ranges: [(begin: Int, end: Int, name: String)] = []
        // Names in order, so that a file with several problems always reports the same one
        // (a dictionary's order changes from run to run with Swift's per-process hash seed).
        for name in header.keys.sorted() where name != "__metadata__" {
            let rawEntry = header[name]!
            guard let entry = rawEntry as? [String: Any],
                let dtype = entry["dtype"] as? String,
                let rawShape = entry["shape"] as? [Any],
                let rawOffsets = entry["data_offsets"] as? [Any], rawOffsets.count == 2
            else {
                throw PolicyFileError("tensor '\(name)' needs dtype, shape and two data_offsets")
            }
            let shape = try rawShape.map { (dimension: Any) throws(PolicyFileError) -> Int in
                guard let value = exactInteger(dimension), value >= 0 else {
                    throw PolicyFileError("tensor '\(name)' has a shape that is not a list of non-negative integers")
                }
                return value
            }
            guard let begin = exactInteger(rawOffsets[0]), let end = exactInteger(rawOffsets[1]),
                begin >= 0, begin <= end, end <= dataLength
            else {
                throw PolicyFileError("tensor '\(name)' has data offsets outside the \(dataLength) data bytes (truncated file?)")
            }
            guard let width = Self.elementWidth[dtype] else {
                throw PolicyFileError(
                    "tensor '\(name)' has unknown dtype '\(dtype)' (expected one of \(Self.elementWidth.keys.sorted().joined(separator: ", ")))"
                )
            }
            var elementCount = 1
            for dimension in shape {
                let (product, overflow) = elementCount.multipliedReportingOverflow(by: dimension)
                guard !overflow, product <= dataLength else {
                    throw PolicyFileError("tensor '\(name)' has shape \(shape), larger than the file's data")
                }
                elementCount = product
            }
            guard elementCount * width == end - begin else {
                throw PolicyFileError(
                    "tensor '\(name)' has shape \(shape) (\(elementCount) × \(width) bytes) but \(end - begin) bytes of data")
            }
            let slice = bytes[(dataStart + begin)..<(dataStart + end)]
            let values = Self.decode(slice, dtype: dtype, count: elementCount)
            tensors[name] = Tensor(shapeAndValues: shape, values, dtype: dtype)
            ranges.append((begin, end, name))
        }
        // The data buffer must be exactly covered by the tensors, without overlap or gaps. The
        // rule, the same as the reference reader's: walk the ranges sorted by (begin, end, name),
        // a total order, so the verdict never depends on the header's order; each must begin
        // where the previous one ended. A zero-length tensor is therefore allowed at any
        // boundary (the start, the end, between two tensors, several at one place) and refused
        // strictly inside another tensor's bytes, where it would overlap that tensor.
        var covered = 0
        for range in ranges.sorted(by: { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }) {
            guard range.begin == covered else {
                throw PolicyFileError(
                    "tensor '\(range.name)' at data offsets [\(range.begin), \(range.end)] overlaps another tensor or leaves gaps in the data buffer"
                )
            }
            covered = range.end
        }
        guard covered == dataLength else {
            throw PolicyFileError("the file has \(dataLength - covered) bytes of data that no tensor names")
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    static let elementWidth = ["F64": 8, "F32": 4, "I64": 8, "I32": 4, "U32": 4, "U64": 8, "U8": 1, "I8": 1, "I16": 2, "U16": 2]

    static func decode(_ bytes: ArraySlice<UInt8>, dtype: String, count: Int) -> TensorValues {
        let width = elementWidth[dtype]!
        let base = bytes.startIndex
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for byte in 0..<width { value |= UInt64(bytes[base + index * width + byte]) << (8 * UInt64(byte)) }
            return value
        }
        switch dtype {
        case "F64": return .floats((0..<count).map { Double(bitPattern: word($0)) })
        case "F32": return .floats((0..<count).map { Double(Float(bitPattern: UInt32(word($0)))) })
        case "I64": return .integers((0..<count).map { Int64(bitPattern: word($0)) })
        case "I32": return .integers((0..<count).map { Int64(Int32(bitPattern: UInt32(word($0)))) })
        case "I16": return .integers((0..<count).map { Int64(Int16(bitPattern: UInt16(word($0)))) })
        case "I8": return .integers((0..<count).map { Int64(Int8(bitPattern: UInt8(word($0)))) })
        case "U64": return .integers((0..<count).map { Int64(bitPattern: word($0)) })
        default: return .integers((0..<count).map { Int64(word($0)) })
        }
    }
}

extension Tensor {
    init(shapeAndValues shape: [Int], _ values: TensorValues, dtype: String) {
        self.shape = shape
        self.values = values
        self.dtype = dtype
    }
}

extension TensorValues {
    var isFloat: Bool { if case .floats = self { true } else { false } }
}

/// An integer from JSON, refusing fractions and out-of-range numbers. (Foundation on Linux
/// bridges 0 and 1 to `Bool` too, so booleans cannot be told apart here; they read as 0 and 1.)
private func exactInteger(_ value: Any) -> Int? {
    guard let number = value as? NSNumber else { return nil }
    let double = number.doubleValue
    guard double.rounded() == double, abs(double) < 9e15 else { return nil }
    return number.intValue
}

private func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
}

private func appendLittleEndian(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
}
