import Foundation

/// Policy files for the command-line tests, made by editing the shipped policy's header.
enum PolicyFixtures {
    static let shippedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("policies/pretrained/pong.safetensors").path

    static var shipped: [UInt8] { Array(FileManager.default.contents(atPath: shippedPath)!) }

    /// The header length, the header as a JSON object, and the data after it.
    static func split(_ bytes: [UInt8]) -> (header: [String: Any], data: ArraySlice<UInt8>) {
        let length = Int(bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        let header = try! JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)])) as! [String: Any]
        return (header, bytes[(8 + length)...])
    }

    /// A file with `header` (serialised with sorted keys, so equal edits give equal bytes) and `data`.
    static func join(_ header: [String: Any], _ data: ArraySlice<UInt8>) -> [UInt8] {
        let json = Array(try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        let length = UInt64(json.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + json + Array(data)
    }

    /// The shipped policy with its header edited.
    static func editingHeader(_ edit: (inout [String: Any]) -> Void) -> [UInt8] {
        var (header, data) = split(shipped)
        edit(&header)
        return join(header, data)
    }

    /// The shipped policy with one key of a JSON metadata string (`configuration`, `summary`, ...) set.
    static func settingMetadataJSON(_ field: String, _ key: String, to value: Any) -> [UInt8] {
        editingHeader { header in
            var metadata = header["__metadata__"] as! [String: String]
            var object = try! JSONSerialization.jsonObject(with: Data(metadata[field]!.utf8)) as! [String: Any]
            object[key] = value
            metadata[field] = String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            header["__metadata__"] = metadata
        }
    }

    /// Writes `bytes` into a fresh folder as `name` and returns the folder.
    static func folder(with bytes: [UInt8], named name: String = "p.safetensors") -> String {
        let folder = temporaryFolder()
        precondition(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)))
        return folder
    }
}
