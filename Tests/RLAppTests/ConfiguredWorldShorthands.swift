import RLTabular
import Testing

@testable import RLApp

/// Shorthands for tests that read a world under a configuration given as JSON, through the
/// public path (``AnyWorld/configured(fromJSON:)``).
extension AnyWorld {
    func layoutOf(_ json: String) throws(WorldConfigurationError) -> TableLayout { try configured(fromJSON: json).layout }
    func describe(_ json: String) -> String { (try? configured(fromJSON: json))?.description ?? "unreadable" }
    func panels(_ json: String, _ selection: PanelSelection) throws -> [PolicyPanel] {
        try #require(try configured(fromJSON: json).inspection, "\(id) is not inspectable").panels(selection)
    }
    func model(_ json: String) -> WorldModel? { (try? configured(fromJSON: json))?.model }
}
