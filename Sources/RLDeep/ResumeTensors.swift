import RLCore
import RLNeural
import RLTabular

/// The tensors of what an interrupted deep run saves besides its networks (the optimiser's
/// moments, buffers, generators, counts), written and read back. A file may come from anywhere:
/// every read checks the tensor's presence, size and values, and throws one line naming it.
struct ResumeTensors {
    /// The tensors read (or to write), by name.
    var tensors: [String: Tensor] = [:]

    init(_ tensors: [String: Tensor] = [:]) { self.tensors = tensors }

    // MARK: Writing

    mutating func set(_ name: String, floats values: [Float], shape: [Int]? = nil) {
        tensors[name] = Tensor(shape: shape ?? [values.count], float32: values)
    }

    mutating func set(_ name: String, doubles values: [Double]) {
        tensors[name] = Tensor(shape: [values.count], floats: values)
    }

    mutating func set(_ name: String, integers values: [Int]) {
        tensors[name] = Tensor(shape: [values.count], integers: values.map(Int64.init))
    }

    mutating func set(_ name: String, generator: Xoshiro256StarStar) {
        tensors[name] = Tensor(shape: [4], integers: generator.state.map { Int64(bitPattern: $0) })
    }

    /// Adam's step count and moments under PyTorch's names for them: `<prefix>.step`,
    /// `<prefix>.exp_avg.<parameter>` and `<prefix>.exp_avg_sq.<parameter>`.
    mutating func set(_ prefix: String, optimizer: Adam<Float>, names: [String]) {
        set(prefix + ".step", integers: [optimizer.stepCount])
        for (name, moments) in zip(names, optimizer.moments) {
            set(prefix + ".exp_avg." + name, floats: moments.first.values)
            set(prefix + ".exp_avg_sq." + name, floats: moments.second.values)
        }
    }

    // MARK: Reading

    /// Whether the file has the tensor at all.
    func has(_ name: String) -> Bool { tensors[name] != nil }

    /// `count` whole numbers (any count when `nil`, up to `maximumCount`), each in `range`.
    func integers(_ name: String, count: Int? = nil, maximumCount: Int = 1 << 30, in range: ClosedRange<Int64>) throws(PolicyFileError)
        -> [Int]
    {
        guard let tensor = tensors[name] else { throw PolicyFileError("the file has no tensor '\(name)' to resume from") }
        guard case .integers(let values) = tensor.values, tensor.shape == [values.count],
            count.map({ values.count == $0 }) ?? (values.count <= maximumCount)
        else {
            throw PolicyFileError("tensor '\(name)' must hold \(count.map(String.init) ?? "at most \(maximumCount)") integers")
        }
        guard values.allSatisfy(range.contains) else {
            throw PolicyFileError("tensor '\(name)' holds a value outside \(range.lowerBound)...\(range.upperBound)")
        }
        return values.map { Int($0) }
    }

    /// `count` finite single-precision numbers (the tensor may have any shape of that size).
    func floats(_ name: String, count: Int) throws(PolicyFileError) -> [Float] {
        guard let tensor = tensors[name] else { throw PolicyFileError("the file has no tensor '\(name)' to resume from") }
        guard case .floats(let values) = tensor.values, values.count == count, tensor.shape.reduce(1, *) == count else {
            throw PolicyFileError("tensor '\(name)' must hold \(count) floating-point values")
        }
        let floats = values.map { Float($0) }
        guard floats.allSatisfy(\.isFinite) else { throw PolicyFileError("tensor '\(name)' holds a value that is not a finite Float32") }
        return floats
    }

    /// `count` finite double-precision numbers.
    func doubles(_ name: String, count: Int) throws(PolicyFileError) -> [Double] {
        guard let tensor = tensors[name] else { throw PolicyFileError("the file has no tensor '\(name)' to resume from") }
        guard case .floats(let values) = tensor.values, values.count == count, tensor.shape == [count] else {
            throw PolicyFileError("tensor '\(name)' must hold \(count) floating-point values")
        }
        guard values.allSatisfy(\.isFinite) else { throw PolicyFileError("tensor '\(name)' holds a value that is not finite") }
        return values
    }

    /// A xoshiro256** generator's state: four words, not all zero.
    func generatorState(_ name: String) throws(PolicyFileError) -> [UInt64] {
        let words = try integers(name, count: 4, in: Int64.min...Int64.max).map { UInt64(bitPattern: Int64($0)) }
        guard Xoshiro256StarStar.isValidState(words) else { throw PolicyFileError("tensor '\(name)' is not a generator's state") }
        return words
    }

    /// The state words of a world's generators: groups of four, each a valid xoshiro256** state.
    func worldGeneratorState(_ name: String) throws(PolicyFileError) -> [UInt64] {
        let words = try integers(name, maximumCount: 64, in: Int64.min...Int64.max).map { UInt64(bitPattern: Int64($0)) }
        guard words.count % 4 == 0,
            stride(from: 0, to: words.count, by: 4).allSatisfy({ Xoshiro256StarStar.isValidState(Array(words[$0..<$0 + 4])) })
        else { throw PolicyFileError("tensor '\(name)' is not a world's generator state") }
        return words
    }

    /// Adam's state as ``set(_:optimizer:names:)`` wrote it, checked against `optimizer`'s parameters.
    func optimizerState(_ prefix: String, for optimizer: Adam<Float>, names: [String]) throws(PolicyFileError)
        -> (stepCount: Int, moments: [(first: [Float], second: [Float])])
    {
        let step = try integers(prefix + ".step", count: 1, in: 0...(1 << 40))[0]
        var moments: [(first: [Float], second: [Float])] = []
        for (name, parameter) in zip(names, optimizer.parameters) {
            let count = parameter.value.count
            let second = try floats(prefix + ".exp_avg_sq." + name, count: count)
            // A second moment is a running mean of squares: never negative.
            guard second.allSatisfy({ $0 >= 0 }) else {
                throw PolicyFileError("tensor '\(prefix).exp_avg_sq.\(name)' holds a negative value")
            }
            moments.append((try floats(prefix + ".exp_avg." + name, count: count), second))
        }
        return (step, moments)
    }
}
