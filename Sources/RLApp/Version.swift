/// This `rl`'s version: the one place it is written (`rl --version` prints it).
public enum RLVersion {
    /// Semantic versioning: the policy-file format has its own `format_version`.
    public static let current = "0.1.0"
}
