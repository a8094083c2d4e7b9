/// The few TensorBoard messages we write, encoded by hand in Protocol Buffers' wire format
/// (`tensorboard/compat/proto/event.proto` and `summary.proto`), so that no protobuf library is
/// needed. Plain fields at their default value are left out and oneof members are always written,
/// as protobuf itself does, so the bytes are
/// exactly those of Python's `Event.SerializeToString()` (the tests compare them).
///
///     message Event { double wall_time = 1; int64 step = 2;
///                     oneof what { string file_version = 3; Summary summary = 5; ... } }
///     message Summary { repeated Value value = 1; }
///     message Summary.Value { string tag = 1; oneof value { float simple_value = 2; ... } }
enum TensorBoardEvent {
    /// What the first event of every file says: the version of the event format.
    static let fileVersion = "brain.Event:2"

    /// The event that opens a file.
    static func fileVersionEvent(wallTime: Double) -> [UInt8] {
        var event = ProtobufMessage()
        event.double(1, wallTime)
        event.bytes(3, Array(fileVersion.utf8))
        return event.bytes
    }

    /// An event holding scalar summaries, one `Summary.Value` per tag. TensorBoard keeps
    /// `simple_value` as a 32-bit float, so values are rounded to the nearest `Float`.
    static func scalarEvent(wallTime: Double, step: Int, scalars: [(tag: String, value: Double)]) -> [UInt8] {
        var summary = ProtobufMessage()
        for (tag, value) in scalars {
            var entry = ProtobufMessage()
            entry.bytes(1, Array(tag.utf8))
            entry.float(2, Float(value))
            summary.bytes(1, entry.bytes)
        }
        var event = ProtobufMessage()
        event.double(1, wallTime)
        event.int64(2, Int64(step))
        event.bytes(5, summary.bytes)
        return event.bytes
    }
}

/// A protobuf message being encoded: fields appended in field-number order.
struct ProtobufMessage {
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    private mutating func key(_ field: UInt64, _ type: WireType) { varint(field << 3 | type.rawValue) }

    private mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private mutating func littleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ field: UInt64, _ value: Double) {
        guard value.bitPattern != 0 else { return }
        key(field, .fixed64)
        littleEndian(value.bitPattern)
    }

    /// A `float` member of a oneof: written even when zero, since its presence is what chooses it
    /// (a scalar of 0 without it would be a value of no kind at all).
    mutating func float(_ field: UInt64, _ value: Float) {
        key(field, .fixed32)
        littleEndian(value.bitPattern)
    }

    /// An `int64`: negative values take ten bytes, as two's complement in a varint.
    mutating func int64(_ field: UInt64, _ value: Int64) {
        guard value != 0 else { return }
        key(field, .varint)
        varint(UInt64(bitPattern: value))
    }

    /// A `string`, `bytes` or embedded message. Always written, even when empty: a oneof member
    /// (such as an empty summary) must be present to be chosen.
    mutating func bytes(_ field: UInt64, _ value: [UInt8]) {
        key(field, .lengthDelimited)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }
}
