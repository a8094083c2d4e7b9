import RLApp
import RLRender
import RLSDL

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// The C interface the Python package (python/rl_gymnasium) loads with ctypes: plain pointers and
// numbers, no Python object. Strings returned are owned by the library and stay valid until the
// next call on the same batch (or, for the registry, for the process). A function that can fail
// returns a negative number or NULL and writes the registry's one-line message into `error`
// (at most `capacity` bytes, NUL-terminated).

/// The registry's worlds as JSON (``WorldListing``): made once per process.
@_cdecl("rl_worlds_json")
public func worldsJSON() -> UnsafePointer<CChar> {
    UnsafePointer(Listing.text)
}

private enum Listing {
    nonisolated(unsafe) static let text: UnsafeMutablePointer<CChar> = strdup(JSONText.encode(WorldListing.all))
}

/// Makes `count` copies of world `id` under `preset` (NULL for none) and `flags`, a JSON array of
/// `[name, value]` pairs (`value` null for a switch). NULL on failure, with the message in `error`.
@_cdecl("rl_batch_make")
public func batchMake(
    _ id: UnsafePointer<CChar>, _ preset: UnsafePointer<CChar>?, _ flags: UnsafePointer<CChar>, _ count: Int64, _ autoreset: Int32,
    _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> UnsafeMutableRawPointer? {
    let given: [[String?]]
    guard let decoded = JSONText.decode([[String?]].self, from: String(cString: flags)),
        decoded.allSatisfy({ $0.count == 2 && $0[0] != nil })
    else {
        report("flags must be a JSON array of [name, value] pairs", into: errorBuffer, capacity: capacity)
        return nil
    }
    given = decoded
    do {
        let batch = try EnvironmentBatch.make(
            world: String(cString: id), preset: preset.map { String(cString: $0) },
            flags: given.map { (name: $0[0]!, value: $0[1]) }, count: Int(count), autoreset: autoreset != 0)
        return Unmanaged.passRetained(BatchHandle(batch)).toOpaque()
    } catch {
        report(error.message, into: errorBuffer, capacity: capacity)
        return nil
    }
}

/// Frees a batch made by `rl_batch_make`.
@_cdecl("rl_batch_free")
public func batchFree(_ handle: UnsafeMutableRawPointer) {
    Unmanaged<BatchHandle>.fromOpaque(handle).release()
}

/// What the batch's buffers hold (``BatchDescription``) as JSON.
@_cdecl("rl_batch_description")
public func batchDescription(_ handle: UnsafeMutableRawPointer) -> UnsafePointer<CChar> {
    let batch = BatchHandle.from(handle)
    return batch.keep(JSONText.encode(batch.batch.description))
}

/// Resets every copy. `seeds[i]` reseeds copy i when `seeded[i]` is 1 (NULL arrays: no seeds).
/// Writes the first observations (`count × width` Int64 or Double, by the description).
@_cdecl("rl_batch_reset")
public func batchReset(
    _ handle: UnsafeMutableRawPointer, _ seeds: UnsafePointer<UInt64>?, _ seeded: UnsafePointer<UInt8>?,
    _ observations: UnsafeMutableRawPointer
) {
    let batch = BatchHandle.from(handle).batch
    let given: [UInt64?] = (0..<batch.count).map { index in
        guard let seeds, let seeded, seeded[index] != 0 else { return nil }
        return seeds[index]
    }
    batch.reset(seeds: given, observations: observations)
}

/// Steps every copy with `actions[i]`, writing observations, rewards, the end flags (0 or 1)
/// and, when `metrics` is not NULL, `count × metrics` episode metrics. 0, or -1 with the message
/// in `error` (then no copy has moved).
@_cdecl("rl_batch_step")
public func batchStep(
    _ handle: UnsafeMutableRawPointer, _ actions: UnsafePointer<Int64>, _ observations: UnsafeMutableRawPointer,
    _ rewards: UnsafeMutablePointer<Double>, _ terminated: UnsafeMutablePointer<UInt8>, _ truncated: UnsafeMutablePointer<UInt8>,
    _ metrics: UnsafeMutablePointer<Double>?, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> Int32 {
    do {
        try BatchHandle.from(handle).batch.step(
            actions: actions, observations: observations, rewards: rewards, terminated: terminated, truncated: truncated,
            metrics: metrics)
        return 0
    } catch {
        report(error.message, into: errorBuffer, capacity: capacity)
        return -1
    }
}

/// Copy `index`'s picture as `rl watch` paints it, `scale` pixels per scene unit: RGB bytes, row
/// by row, `height × width × 3`, valid until the next call on the batch. NULL for a world that
/// cannot be drawn or when painting fails (message in `error`).
@_cdecl("rl_batch_render_rgb")
public func batchRenderRGB(
    _ handle: UnsafeMutableRawPointer, _ index: Int64, _ scale: Double, _ width: UnsafeMutablePointer<Int64>,
    _ height: UnsafeMutablePointer<Int64>, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> UnsafePointer<UInt8>? {
    let batch = BatchHandle.from(handle)
    guard let scene = batch.scene(Int(index), error: errorBuffer, capacity: capacity) else { return nil }
    do {
        let image = try PNGFile.rgbBytes(scene, scale: scale)
        width.pointee = Int64(image.width)
        height.pointee = Int64(image.height)
        batch.pixels = image.rgb
        return batch.pixels.withUnsafeBufferPointer { UnsafePointer($0.baseAddress!) }
    } catch {
        report(error.message, into: errorBuffer, capacity: capacity)
        return nil
    }
}

/// Copy `index`'s picture as `rl watch --renderer terminal` draws it: lines of ANSI-coloured
/// blocks, `columns` wide. NULL for a world that cannot be drawn.
@_cdecl("rl_batch_render_ansi")
public func batchRenderANSI(
    _ handle: UnsafeMutableRawPointer, _ index: Int64, _ columns: Int64, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> UnsafePointer<CChar>? {
    let batch = BatchHandle.from(handle)
    guard let scene = batch.scene(Int(index), error: errorBuffer, capacity: capacity) else { return nil }
    let picture = TerminalPicture(
        region: Rect(x: 0, y: 0, width: scene.width, height: scene.height), unitsPerColumn: scene.width / Double(max(columns, 8)))
    return batch.keep(picture.lines(for: scene).joined(separator: "\n") + "\n")
}

/// A batch and the buffers it lends out.
final class BatchHandle {
    let batch: EnvironmentBatch
    var pixels: [UInt8] = []
    private var text: UnsafeMutablePointer<CChar>?

    init(_ batch: EnvironmentBatch) { self.batch = batch }
    deinit { free(text) }

    static func from(_ handle: UnsafeMutableRawPointer) -> BatchHandle {
        Unmanaged<BatchHandle>.fromOpaque(handle).takeUnretainedValue()
    }

    /// Keeps `string` until the next call that returns one.
    func keep(_ string: String) -> UnsafePointer<CChar> {
        free(text)
        text = strdup(string)
        return UnsafePointer(text!)
    }

    func scene(_ index: Int, error errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int64) -> Scene? {
        guard index >= 0 && index < batch.count else {
            report("environment \(index) is outside 0..<\(batch.count)", into: errorBuffer, capacity: capacity)
            return nil
        }
        guard let scene = batch.scene(of: index) else {
            report("world \(batch.description.id) has no picture", into: errorBuffer, capacity: capacity)
            return nil
        }
        return scene
    }
}

/// Copies `message` into the caller's buffer, cut to fit and NUL-terminated.
func report(_ message: String, into buffer: UnsafeMutablePointer<CChar>?, capacity: Int64) {
    guard let buffer, capacity > 0 else { return }
    let bytes = Array(message.utf8.prefix(Int(capacity) - 1))
    for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
    buffer[bytes.count] = 0
}

/// Writes each copy's action mask: `count × actions` bytes, 1 where its state allows the action.
@_cdecl("rl_batch_legal_actions")
public func batchLegalActions(_ handle: UnsafeMutableRawPointer, _ masks: UnsafeMutablePointer<UInt8>) {
    BatchHandle.from(handle).batch.writeLegalActions(into: masks)
}

/// Opens a policy file `rl` wrote (checked as every command checks it); NULL with the message in
/// `error` when it cannot be read or its world is unknown. Free it with `rl_policy_free`.
@_cdecl("rl_policy_open")
public func policyOpen(_ path: UnsafePointer<CChar>, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64)
    -> UnsafeMutableRawPointer?
{
    do {
        return Unmanaged.passRetained(PolicyHandle(try PolicyQuery(path: String(cString: path)))).toOpaque()
    } catch {
        report(error.message, into: errorBuffer, capacity: capacity)
        return nil
    }
}

/// Frees a policy opened by `rl_policy_open`.
@_cdecl("rl_policy_free")
public func policyFree(_ handle: UnsafeMutableRawPointer) {
    Unmanaged<PolicyHandle>.fromOpaque(handle).release()
}

/// The policy's shape as JSON: `{"state_shape": [..] or null, "dimensions": n, "actions": n}`;
/// valid until the handle is freed.
@_cdecl("rl_policy_description")
public func policyDescription(_ handle: UnsafeMutableRawPointer) -> UnsafePointer<CChar> {
    UnsafePointer(PolicyHandle.from(handle).description)
}

/// Writes what the policy gives each action (`actions` Doubles) at an observation of `count`
/// numbers (a finite state's coordinates or index, or real coordinates). 0, or -1 with the
/// message in `error`.
@_cdecl("rl_policy_action_values")
public func policyActionValues(
    _ handle: UnsafeMutableRawPointer, _ observation: UnsafePointer<Double>, _ count: Int64, _ values: UnsafeMutablePointer<Double>,
    _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> Int32 {
    let query = PolicyHandle.from(handle).query
    guard (1...4096).contains(count) else {
        report("an observation has 1 to 4096 numbers, got \(count)", into: errorBuffer, capacity: capacity)
        return -1
    }
    do {
        let scores = try query.actionValues(at: Array(UnsafeBufferPointer(start: observation, count: Int(count))))
        for (index, score) in scores.enumerated() { values[index] = score }
        return 0
    } catch {
        report(error.message, into: errorBuffer, capacity: capacity)
        return -1
    }
}

/// An opened policy and its description's text.
final class PolicyHandle {
    let query: PolicyQuery
    let description: UnsafeMutablePointer<CChar>

    init(_ query: PolicyQuery) {
        self.query = query
        let shape = query.stateShape.map { "[\($0.map(String.init).joined(separator: ", "))]" } ?? "null"
        description = strdup(#"{"state_shape": \#(shape), "dimensions": \#(query.dimensionCount), "actions": \#(query.actionCount)}"#)
    }
    deinit { free(description) }

    static func from(_ handle: UnsafeMutableRawPointer) -> PolicyHandle {
        Unmanaged<PolicyHandle>.fromOpaque(handle).takeUnretainedValue()
    }
}
