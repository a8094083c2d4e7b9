/// A row-major matrix of `rows × columns` scalars, the storage of every weight, gradient, batch
/// and buffer in RLNeural.
///
/// A class, because a network's buffers are allocated once and then written in place step after
/// step: identity is the point. Its row count can change (a batch of another size) without
/// allocating, as long as it stays within the rows reserved so far.
public final class Matrix<Scalar: NeuralScalar> {
    /// The number of rows in use (a batch's size, or a weight's outputs).
    public private(set) var rows: Int
    /// The number of columns (features, or a weight's inputs).
    public let columns: Int
    /// The rows there is storage for.
    public private(set) var reservedRows: Int
    /// The first element; element `(r, c)` is at `r · columns + c`.
    public private(set) var pointer: UnsafeMutablePointer<Scalar>

    /// A matrix of zeros.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns > 0, "a matrix needs columns and no negative rows")
        self.rows = rows
        self.columns = columns
        reservedRows = rows
        pointer = .allocate(capacity: Swift.max(rows * columns, 1))
        pointer.initialize(repeating: 0, count: Swift.max(rows * columns, 1))
    }

    /// A matrix holding `values`, row after row.
    public convenience init(rows: Int, columns: Int, values: [Scalar]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows) × \(columns) matrix")
        self.init(rows: rows, columns: columns)
        for index in values.indices { pointer[index] = values[index] }
    }

    deinit { pointer.deallocate() }

    /// The number of elements in use, `rows · columns`.
    @inlinable public var count: Int { rows * columns }

    /// Element `(row, column)`.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { pointer[row * columns + column] }
        set { pointer[row * columns + column] = newValue }
    }

    /// Element `index` in row-major order.
    @inlinable
    public subscript(index: Int) -> Scalar {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    /// The elements in use, row after row (a copy).
    public var values: [Scalar] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// Sets the number of rows in use. Storage grows (once) only past the rows reserved so far;
    /// the contents are then undefined until written.
    public func resize(rows newRows: Int) {
        precondition(newRows >= 0, "a matrix has no negative rows")
        if newRows > reservedRows {
            pointer.deallocate()
            pointer = .allocate(capacity: newRows * columns)
            pointer.initialize(repeating: 0, count: newRows * columns)
            reservedRows = newRows
        }
        rows = newRows
    }

    /// Takes `other`'s shape and values (a target network's weights, a batch): no allocation
    /// when this matrix has room.
    public func copy(from other: Matrix<Scalar>) {
        precondition(other.columns == columns, "\(other.columns) columns copied into \(columns)")
        resize(rows: other.rows)
        pointer.update(from: other.pointer, count: other.count)
    }

    /// Sets every element in use to `value`.
    public func fill(with value: Scalar) {
        pointer.update(repeating: value, count: count)
    }
}
