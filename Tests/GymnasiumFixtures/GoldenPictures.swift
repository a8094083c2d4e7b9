/// What Gymnasium's classic-control `render()` draws for fixed states (`classic-control-pictures.json`),
/// recorded call by call by a stand-in for pygame: window coordinates in pixels, y up.
public struct GoldenPictures: Decodable, Sendable {
    public struct Shape: Decodable, Sendable {
        /// `fill` (the window), `polygon`, `circle` or `line` (one pixel wide, through `points`).
        public let kind: String
        public let colour: [Int]
        public let points: [[Double]]?
        public let centre: [Double]?
        public let radius: Double?
    }

    public struct Picture: Decodable, Sendable {
        /// Gymnasium's `state`.
        public let state: [Double]
        /// The shapes in drawing order.
        public let drawn: [Shape]
    }

    public struct World: Decodable, Sendable {
        public let environment: String
        /// The window's width and height in pixels.
        public let window: [Double]
        public let pictures: [Picture]
    }

    public let versions: [String: String]
    public let worlds: [World]

    /// The pictures of one environment (`CartPole-v1`, ...).
    public func world(_ environment: String) -> World? { worlds.first { $0.environment == environment } }
}
