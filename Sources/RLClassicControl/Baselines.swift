import RLCore

/// Cart Pole's scripted baseline: push right when the pole leans right or is about to, judged
/// by `angle + 0.5 × angular velocity` (where the pole will lean in about half a second),
/// else left. It balances for all 500 steps from almost every start.
public struct CartPoleLean: ScriptedAgent, Sendable {
    public init() {}

    public mutating func action(for observation: CartPoleObservation, mode: AgentMode) -> CartPoleAction {
        observation.poleAngle + 0.5 * observation.poleAngularVelocity > 0 ? .right : .left
    }
}

/// Mountain Car's scripted baseline: push the way the car moves (right at rest), which adds
/// energy on every swing; it reaches the flag in about 120 steps.
public struct MountainCarEnergy: ScriptedAgent, Sendable {
    public init() {}

    public mutating func action(for observation: MountainCarObservation, mode: AgentMode) -> MountainCarAction {
        observation.velocity >= 0 ? .right : .left
    }
}

/// Acrobot's scripted baseline: pump energy into the first link's swing. The torque acts on the
/// second link, and its reaction turns the first link the other way, so the baseline torques
/// against θ̇1 (read from the observation's fifth coordinate): −1 when θ̇1 ≥ 0, else +1. It
/// swings up in about 85 steps. (Torquing *with* θ̇1 brakes the swing and never gets there.)
public struct AcrobotEnergy: ScriptedAgent, Sendable {
    public init() {}

    public mutating func action(for observation: AcrobotObservation, mode: AgentMode) -> AcrobotAction {
        observation.firstAngularVelocity >= 0 ? .negative : .positive
    }
}
