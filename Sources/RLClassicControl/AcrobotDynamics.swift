#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// acrobot.py's step, transcribed expression by expression: its `**2` is `pythonSquare`, and
// sums and products keep Python's left-to-right grouping, so each float64 rounding is the same.
extension Acrobot {
    /// The state `timeStep` seconds after `state` under `torque`: one RK4 step, the angles
    /// wrapped into `[−π, π]`, the velocities clipped to their limits.
    public static func next(_ state: AcrobotState, torque: Double) -> AcrobotState {
        var next = integrate(state, torque: torque)
        next.firstAngle = wrap(next.firstAngle, -Double.pi, Double.pi)
        next.secondAngle = wrap(next.secondAngle, -Double.pi, Double.pi)
        next.firstAngularVelocity = bound(next.firstAngularVelocity, -maximumFirstAngularVelocity, maximumFirstAngularVelocity)
        next.secondAngularVelocity = bound(next.secondAngularVelocity, -maximumSecondAngularVelocity, maximumSecondAngularVelocity)
        return next
    }

    /// `rk4(self._dsdt, s_augmented, [0, self.dt])`: one Runge–Kutta step over `[0, timeStep]`.
    /// The torque rides along as a fifth coordinate with rate 0 in Gymnasium, so it is constant.
    static func integrate(_ y0: AcrobotState, torque: Double) -> AcrobotState {
        let dt = timeStep  // t[1] − t[0] = 0.2 − 0
        let dt2 = dt / 2.0
        let k1 = rates(y0, torque: torque)
        let k2 = rates(y0.moved(along: k1, for: dt2), torque: torque)
        let k3 = rates(y0.moved(along: k2, for: dt2), torque: torque)
        let k4 = rates(y0.moved(along: k3, for: dt), torque: torque)
        let sixth = dt / 6.0
        func combined(_ y: Double, _ k1: Double, _ k2: Double, _ k3: Double, _ k4: Double) -> Double {
            y + sixth * (k1 + 2 * k2 + 2 * k3 + k4)
        }
        return AcrobotState(
            firstAngle: combined(y0.firstAngle, k1.firstAngle, k2.firstAngle, k3.firstAngle, k4.firstAngle),
            secondAngle: combined(y0.secondAngle, k1.secondAngle, k2.secondAngle, k3.secondAngle, k4.secondAngle),
            firstAngularVelocity: combined(
                y0.firstAngularVelocity, k1.firstAngularVelocity, k2.firstAngularVelocity, k3.firstAngularVelocity,
                k4.firstAngularVelocity),
            secondAngularVelocity: combined(
                y0.secondAngularVelocity, k1.secondAngularVelocity, k2.secondAngularVelocity, k3.secondAngularVelocity,
                k4.secondAngularVelocity))
    }

    /// `_dsdt` with the book's equation for θ̈2: each coordinate's rate of change, as a state
    /// whose fields are (θ̇1, θ̇2, θ̈1, θ̈2).
    static func rates(_ s: AcrobotState, torque a: Double) -> AcrobotState {
        let m1 = firstLinkMass, m2 = secondLinkMass, l1 = firstLinkLength
        let lc1 = firstLinkCentreOfMass, lc2 = secondLinkCentreOfMass
        let i1 = momentOfInertia, i2 = momentOfInertia, g = gravity
        let theta1 = s.firstAngle, theta2 = s.secondAngle
        let dtheta1 = s.firstAngularVelocity, dtheta2 = s.secondAngularVelocity

        let d1 = m1 * pythonSquare(lc1) + m2 * (pythonSquare(l1) + pythonSquare(lc2) + 2 * l1 * lc2 * cos(theta2)) + i1 + i2
        let d2 = m2 * (pythonSquare(lc2) + l1 * lc2 * cos(theta2)) + i2
        let phi2 = m2 * lc2 * g * cos(theta1 + theta2 - Double.pi / 2.0)
        // phi1 = −m2 l1 lc2 θ̇2² sin θ2 − 2 m2 l1 lc2 θ̇2 θ̇1 sin θ2 + (m1 lc1 + m2 l1) g cos(θ1 − π/2) + phi2
        let centrifugal = -m2 * l1 * lc2 * pythonSquare(dtheta2) * sin(theta2)
        let coriolis = 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin(theta2)
        let weight = (m1 * lc1 + m2 * l1) * g * cos(theta1 - Double.pi / 2)
        let phi1 = centrifugal - coriolis + weight + phi2
        let numerator = a + d2 / d1 * phi1 - m2 * l1 * lc2 * pythonSquare(dtheta1) * sin(theta2) - phi2
        let ddtheta2 = numerator / (m2 * pythonSquare(lc2) + i2 - pythonSquare(d2) / d1)
        let ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
        return AcrobotState(firstAngle: dtheta1, secondAngle: dtheta2, firstAngularVelocity: ddtheta1, secondAngularVelocity: ddtheta2)
    }

    /// `wrap`: `x` moved by whole turns of `maximum − minimum` into `[minimum, maximum]`.
    static func wrap(_ x: Double, _ minimum: Double, _ maximum: Double) -> Double {
        let turn = maximum - minimum
        var x = x
        while x > maximum { x = x - turn }
        while x < minimum { x = x + turn }
        return x
    }

    /// `bound`: `x` clipped to `[minimum, maximum]`, as Python's `min(max(x, m), M)`.
    static func bound(_ x: Double, _ minimum: Double, _ maximum: Double) -> Double {
        min(max(x, minimum), maximum)
    }
}

extension AcrobotState {
    /// `y0 + h * k`, coordinate by coordinate.
    fileprivate func moved(along rates: AcrobotState, for time: Double) -> AcrobotState {
        AcrobotState(
            firstAngle: firstAngle + time * rates.firstAngle,
            secondAngle: secondAngle + time * rates.secondAngle,
            firstAngularVelocity: firstAngularVelocity + time * rates.firstAngularVelocity,
            secondAngularVelocity: secondAngularVelocity + time * rates.secondAngularVelocity)
    }
}
