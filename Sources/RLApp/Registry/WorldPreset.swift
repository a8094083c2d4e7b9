import RLTabular

/// A named starting point for a world: a configuration change and hyperparameters.
public struct WorldPreset<Configuration> {
    public var name: String
    public var summary: String
    public var configure: (inout Configuration) -> Void
    public var hyperparameters: Hyperparameters

    public init(
        name: String, summary: String, hyperparameters: Hyperparameters, configure: @escaping (inout Configuration) -> Void = { _ in }
    ) {
        self.name = name
        self.summary = summary
        self.hyperparameters = hyperparameters
        self.configure = configure
    }
}
