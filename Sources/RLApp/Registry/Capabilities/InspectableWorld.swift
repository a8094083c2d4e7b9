import RLCore

/// A world that explains its table in its own words: the names policy files give the table's
/// state dimensions and actions, the grids `rl inspect` prints and paints, and what a state's
/// coordinates mean. A world without it is inspected as numbered dimensions and actions.
public protocol InspectableWorld: WorldRegistration where World.ObservationSpace: FiniteSpace {
    /// The names of the table's state dimensions, as policy files store them.
    static func stateDimensions(_ configuration: Configuration) -> [String]
    /// The names of the actions, as policy files store them.
    static func actionNames(_ configuration: Configuration) -> [String]
    /// The observation mode policy files record (Pong's `markov`), or `nil` for a world with one way to see.
    static func observationName(_ configuration: Configuration) -> String?
    /// The grids `rl inspect` prints and paints (``PolicyPanel/grids(stateShape:dimensions:selection:)``
    /// gives the plain ones).
    static func panels(_ configuration: Configuration, _ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel]
    /// A state's coordinates in the world's own words (`rl inspect --state`), or `nil` to show the numbers.
    static func explain(state coordinates: [Int], _ configuration: Configuration) -> String?
}
